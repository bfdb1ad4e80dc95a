#!/usr/bin/env python3
"""Writes libreoffice-captions.fodt and converts it with LibreOffice:  soffice --headless --convert-to docx
A manuscript whose pictures carry their captions the ways people write them: a centred caption paragraph above a
picture ("图1 …"), a paragraph in LibreOffice's Caption style below one ("图2：…"), and one picture with no caption at
all, followed by ordinary body text.

Only the Python standard library is used; the images come from make-libreoffice-docx.py (see README.md)."""
import base64, importlib.util, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("images", os.path.join(HERE, "make-libreoffice-docx.py"))
images = importlib.util.module_from_spec(spec)
spec.loader.exec_module(images)

ABOVE = base64.b64encode(images.png(100, 60)).decode()
FRAMED = base64.b64encode(images.png(80, 60)).decode()
BARE = base64.b64encode(images.jpeg(48, 32)).decode()

FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt" fo:font-style="italic"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:p text:style-name="Title">幸福社区举办“我们的节日·重阳”敬老活动</text:p>
   <text:p text:style-name="Standard">10月29日，幸福社区在党群服务中心举办重阳节敬老活动，辖区60余名老人参加。</text:p>
   <text:p text:style-name="P1">图1 社区志愿者集合出发</text:p>
   <text:p text:style-name="P1"><draw:frame draw:style-name="fr1" draw:name="图像1" text:anchor-type="as-char" svg:width="5cm" svg:height="3cm"><draw:image><office:binary-data>{ABOVE}</office:binary-data></draw:image></draw:frame></text:p>
   <text:p text:style-name="Standard">活动中，志愿者为老人测量血压、讲解防诈骗知识。</text:p>
   <text:p text:style-name="P1"><draw:frame draw:style-name="fr1" draw:name="图像2" text:anchor-type="as-char" svg:width="4cm" svg:height="3cm"><draw:image><office:binary-data>{FRAMED}</office:binary-data></draw:image></draw:frame></text:p>
   <text:p text:style-name="Caption">图2：志愿者为老人量血压</text:p>
   <text:p text:style-name="Standard">随后，社区文艺队表演了快板、合唱等节目。</text:p>
   <text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="图像3" text:anchor-type="as-char" svg:width="2.4cm" svg:height="1.6cm"><draw:image><office:binary-data>{BARE}</office:binary-data></draw:image></draw:frame></text:p>
   <text:p text:style-name="Standard">社区将持续开展关爱老人志愿服务，让辖区老人感受到家的温暖。</text:p>
  </office:text>
 </office:body>
</office:document>
"""

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    fodt = os.path.join(out, "libreoffice-captions.fodt")
    with open(fodt, "w", encoding="utf-8") as f:
        f.write(FODT)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", out, fodt], check=True)
