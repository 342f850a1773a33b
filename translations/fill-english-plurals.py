#!/usr/bin/env python3
"""Fills the plural forms of translations/aerodesk_en.ts, the source catalogue.

English is the source language, so aerodesk_en.ts needs no translations except for the
messages with a count (tr("%n connection(s)", nullptr, n)): their two English forms, made here
from the "(s)" in the source ("%n connection" / "%n connections"). Run after
`cmake --build build --target aerodesk_lupdate`; forms already filled in are kept.
"""
import re
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("aerodesk_en.ts"))
text = path.read_text(encoding="utf-8")

message = re.compile(
    # [^<]*, not .*?: a lazy match could run on past an already-filled message into the next
    # unfilled one, copying everything in between (the XML escapes '<' inside a source).
    r'(<message numerus="yes">\s*<source>(?P<source>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)'
    r'<translation type="unfinished">\s*<numerusform></numerusform>\s*<numerusform></numerusform>\s*</translation>',
    re.S)


def fill(m):
    source = m.group("source")
    one, many = source.replace("(s)", ""), source.replace("(s)", "s")
    indent = " " * 8
    return (m.group(1) + "<translation>\n"
            f"{indent}    <numerusform>{one}</numerusform>\n"
            f"{indent}    <numerusform>{many}</numerusform>\n"
            f"{indent}</translation>")


text, count = message.subn(fill, text)
path.write_text(text, encoding="utf-8")
print(f"fill-english-plurals: {count} message(s) filled in {path}")
