#!/usr/bin/env python3
"""Writes libreoffice-manuscript.fodt (flat OpenDocument text with Chinese headings, formatted text,
a table with merged cells, one PNG with alt text and one JPEG followed by a caption paragraph) and
converts it with LibreOffice:  soffice --headless --convert-to docx libreoffice-manuscript.fodt

Only the Python standard library is used; the images are generated here (see README.md)."""
import base64, os, struct, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(width, height):
    """RGB PNG with a colour gradient."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"".join(bytes((x * 255 // width, y * 255 // height, 160)) for x in range(width))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def jpeg(width, height):
    """Baseline greyscale JPEG whose blocks are all mid-grey: one-code Huffman tables, 2 bits per block."""
    out = bytearray(b"\xFF\xD8")
    out += b"\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    out += b"\xFF\xDB\x00\x43\x00" + bytes([1] * 64)
    out += b"\xFF\xC0\x00\x0B\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00"
    table = bytes([1] + [0] * 15) + b"\x00"
    out += b"\xFF\xC4\x00\x14\x00" + table + b"\xFF\xC4\x00\x14\x10" + table
    out += b"\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00"
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    out += bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    out += b"\xFF\xD9"
    return bytes(out)


PNG = base64.b64encode(png(120, 80)).decode()
JPG = base64.b64encode(jpeg(64, 48)).decode()

FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Heading" style:family="paragraph" style:class="text"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="130%" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="115%" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic"/></style:style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:p text:style-name="Title">幸福社区开展“邻里守望”志愿服务活动</text:p>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">一、活动概况</text:h>
   <text:p text:style-name="Standard">3月5日上午，幸福社区组织<text:span text:style-name="T1">志愿者40余名</text:span>走访辖区<text:span text:style-name="T2">独居老人</text:span>，开展义诊、理发和政策宣讲。<text:line-break/>活动持续到中午12时。</text:p>
   <text:p text:style-name="Standard"/>
   <text:h text:style-name="Heading_20_2" text:outline-level="2">（一）服务情况</text:h>
   <table:table table:name="服务统计">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-row>
     <table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>服务项目</text:p></table:table-cell>
     <table:covered-table-cell/>
     <table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>备注</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>义诊</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>56人次</text:p></table:table-cell>
     <table:covered-table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>理发</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>23人次</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>含上门服务</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="图像1" text:anchor-type="as-char" svg:width="3cm" svg:height="2cm"><draw:image><office:binary-data>{PNG}</office:binary-data></draw:image><svg:title>志愿者为老人量血压</svg:title><svg:desc>志愿者为老人量血压</svg:desc></draw:frame></text:p>
   <text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="图像2" text:anchor-type="as-char" svg:width="3cm" svg:height="2.25cm"><draw:image><office:binary-data>{JPG}</office:binary-data></draw:image></draw:frame></text:p>
   <text:p text:style-name="P1">图为志愿者为居民义务理发</text:p>
   <text:h text:style-name="Heading_20_2" text:outline-level="2">（二）下一步工作</text:h>
   <text:p text:style-name="Standard">社区将把志愿服务常态化，每月固定开展一次。</text:p>
  </office:text>
 </office:body>
</office:document>
"""

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    fodt = os.path.join(out, "libreoffice-manuscript.fodt")
    with open(fodt, "w", encoding="utf-8") as f:
        f.write(FODT)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", out, fodt], check=True)
