#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from samples/ and rules/ (nothing is copied into the repo).

Usage: make_seeds.py SOURCE_DIR OUT_DIR
Creates OUT_DIR/<target>/ for normalizer and segmenter (whole notes and 30-line pieces), extract
(the pieces only), quantity (every note line with a digit) and rules (small rule files whole,
every block in pieces of 20 lines).
"""
import hashlib
import pathlib
import re
import shutil
import sys


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> int:
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    notes = sorted(p for p in (source / "samples").iterdir() if p.suffix in (".txt", ".md", ".org"))
    for note in notes:
        data = note.read_bytes()
        lines = data.splitlines(keepends=True)
        for target in ("normalizer", "segmenter", "extract"):
            if target != "extract":  # whole notes are slow through every stage and exporter
                write(out / target, data)
            for i in range(0, len(lines), 30):
                write(out / target, b"".join(lines[i:i + 30]))
        for line in lines:
            if re.search(rb"[0-9\xef]", line):  # ASCII or full-width digits
                write(out / "quantity", line)
    for rules in sorted((source / "rules").glob("*.rules")):
        data = rules.read_bytes()
        if len(data) <= 8192:
            write(out / "rules", data)
        # Every block alone; long blocks (gazetteers) as their header and 20 lines at a time.
        blocks, header = [], None
        for line in data.splitlines(keepends=True):
            if re.match(rb"\s*\[[A-Za-z][\w.]*(\s[^\]]*)?\]\s*$", line):
                header = line
                blocks.append([])
            elif header is not None and line.strip() and not line.lstrip().startswith(b"#"):
                blocks[-1].append(line)
                if len(blocks[-1]) == 1:
                    blocks[-1].insert(0, header)
        for block in filter(None, blocks):
            for i in range(1, max(len(block), 2), 20):
                write(out / "rules", block[0] + b"".join(block[i:i + 20]))
    for target in sorted(p.name for p in out.iterdir()):
        print(f"seeds: {target}: {len(list((out / target).iterdir()))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
