#!/usr/bin/env python3
"""Resolve git merge conflicts in .resx files by keeping the entries of both sides.

Both branches append <data> entries at the end, so conflicts are always "ours added X, theirs added Y".
A key present on both sides keeps our value (reported on stderr when the values differ).
Usage: scripts/resolve-resx-conflicts.py src/Herald.Web/Resources/Text.resx [more.resx ...]
"""
import re
import sys

ENTRY = re.compile(r'  <data name="([^"]+)"[^>]*>.*?</data>\n', re.S)


def resolve(text: str, path: str) -> str:
    out, pos = [], 0
    block = re.compile(r'<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n', re.S)
    for m in block.finditer(text):
        out.append(text[pos:m.start()])
        ours, theirs = m.group(1), m.group(2)
        seen = {}
        for e in ENTRY.finditer(ours):
            seen[e.group(1)] = e.group(0)
        merged = ours
        for e in ENTRY.finditer(theirs):
            key = e.group(1)
            if key in seen:
                if seen[key] != e.group(0):
                    print(f"{path}: {key} differs; kept ours", file=sys.stderr)
                continue
            merged += e.group(0)
        # Anything in theirs that is not a <data> entry (e.g. the closing </root>) must also be in ours.
        rest_theirs = ENTRY.sub('', theirs).strip()
        rest_ours = ENTRY.sub('', ours).strip()
        if rest_theirs != rest_ours:
            raise SystemExit(f"{path}: conflict has non-entry content; resolve by hand")
        out.append(merged)
        pos = m.end()
    out.append(text[pos:])
    result = ''.join(out)
    names = re.findall(r'<data name="([^"]+)"', result)
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SystemExit(f"{path}: duplicate keys after merge: {sorted(dupes)[:10]}")
    return result


for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as f:
        text = f.read()
    with open(path, 'w', encoding='utf-8') as f:
        f.write(resolve(text, path))
    print(f"{path}: resolved")
