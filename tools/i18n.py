#!/usr/bin/env python3
"""Builds src/Training.Abstractions/Localization/Ui.en.resx from tools/ui-en*.tsv (Vietnamese key<TAB>English),
and lists UI keys used in views (L["..."]) and menus that have no English translation yet.
Usage: python3 tools/i18n.py [--missing]"""
import html, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
# tools/ui-en.tsv plus any tools/ui-en.*.tsv (one per line of work, so parallel branches do not collide).
pairs = {}
for tsv in sorted((root / "tools").glob("ui-en*.tsv")):
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, en = line.split("\t", 1)
        if vi in pairs and pairs[vi] != en:
            sys.exit(f"{tsv.name}: {vi!r} translated twice, as {pairs[vi]!r} and {en!r}")
        pairs[vi] = en

# Resx names are case-insensitive: two keys that differ only in case would silently lose one translation.
seen = {}
for vi in pairs:
    if vi.lower() in seen:
        sys.exit(f"keys differ only in case: {seen[vi.lower()]!r} and {vi!r}; use a different key in the view")
    seen[vi.lower()] = vi

used = set()
for f in list(root.glob("src/**/*.cshtml")) + list(root.glob("themes/**/*.cshtml")):
    used.update(re.findall(r'L\["([^"]+)"\]', f.read_text(encoding="utf-8")))
for f in root.glob("src/**/*Menu*.cs"):
    used.update(re.findall(r'new\(MenuArea\.\w+, "([^"]+)"', f.read_text(encoding="utf-8")))
    used.update(re.findall(r', \d+, "([^"]+)"\)', f.read_text(encoding="utf-8")))

if "--missing" in sys.argv:
    for key in sorted(used - pairs.keys()):
        print(key)
    sys.exit(0)

out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for vi, en in sorted(pairs.items()):
    out.append(f'  <data name="{html.escape(vi, quote=True)}" xml:space="preserve"><value>{html.escape(en, quote=False)}</value></data>')
out.append("</root>")
(root / "src/Training.Abstractions/Localization/Ui.en.resx").write_text("\n".join(out) + "\n", encoding="utf-8")
missing = used - pairs.keys()
print(f"{len(pairs)} translations written; {len(missing)} keys in use without English (shown in Vietnamese).")
