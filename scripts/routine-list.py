#!/usr/bin/env python3
"""Regenerates docs/runtime.md's "Every routine, by file" from the runtime sources: for every
file in runtime-asm/runtime.files, each TEXT routine with its opening comment. Run from the
repository root; RoutineListTest checks that the list names every routine."""
import re

files = [l.strip() for l in open('runtime-asm/runtime.files') if l.strip() and not l.startswith('#')]
out = ["## Every routine, by file", "",
       "Each routine's opening comment, from the sources (`scripts/routine-list.py` writes this list;",
       "`RoutineListTest` checks that it names every TEXT routine of every file in runtime.files,",
       "and nothing else).", ""]
for f in files:
    lines = open('runtime-asm/' + f).read().split('\n')
    out += ["### " + f, ""]
    for i, l in enumerate(lines):
        m = re.match(r'TEXT\s+(?:runtime)?·(\w+)\(SB\)|TEXT\s+(_rt0_amd64_linux)\(SB\)', l)
        if not m:
            continue
        name = m.group(1) or m.group(2)
        j, com = i - 1, []
        while j >= 0 and lines[j].startswith('//'):
            com.insert(0, lines[j][2:].strip())
            j -= 1
        text = ' '.join(com).strip()
        out.append("- `%s` — %s" % (name, text) if text else "- `%s`" % name)
    out.append("")
doc = open('docs/runtime.md').read()
a = doc.index("## Every routine, by file")
rest = doc[a:]
m = re.search(r'\n## (?!#)', rest[3:])
tail = rest[3 + m.start():] if m else ""
open('docs/runtime.md', 'w').write(doc[:a] + '\n'.join(out).rstrip() + "\n" + tail)
