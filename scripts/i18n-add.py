#!/usr/bin/env python3
"""Add or update UI strings in src/Herald.Web/Resources/Text.resx (zh-CN) and Text.en-US.resx.

Reads lines "key<TAB>中文<TAB>English" from stdin (or files given as arguments); keeps both files
sorted by key. Usage: scripts/i18n-add.py < strings.tsv
"""
import sys, os, fileinput
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Herald.Web", "Resources")
FILES = {"zh": os.path.join(ROOT, "Text.resx"), "en": os.path.join(ROOT, "Text.en-US.resx")}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    tree = ET.parse(path)
    return {d.get("name"): (d.find("value").text or "") for d in tree.getroot().findall("data")}

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries, key=lambda k: k.lower()):
            f.write('  <data name="%s" xml:space="preserve"><value>%s</value></data>\n' % (esc(k), esc(entries[k])))
        f.write("</root>\n")

zh, en = load(FILES["zh"]), load(FILES["en"])
count = 0
for line in fileinput.input():
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    parts = line.split("\t")
    if len(parts) != 3:
        sys.exit("bad line (need key<TAB>zh<TAB>en): %r" % line)
    k, z, e = (p.strip() for p in parts)
    zh[k], en[k] = z, e
    count += 1
save(FILES["zh"], zh)
save(FILES["en"], en)
print("%d strings; %d keys total" % (count, len(zh)))
