#!/usr/bin/env python3
"""Checks `kgx query … mentions NAME --json` against a gold query answer.

Usage: check_query.py GOLD.json ENTITY QUERY.json
The sections listed (file basename, code, title) must equal the gold answer for ENTITY exactly.
"""
import json
import os
import sys


def main():
    gold_path, entity, query_path = sys.argv[1:4]
    gold = json.load(open(gold_path, encoding="utf-8"))
    wanted = None
    for q in gold["queries"]:
        if q["entity"] == entity:
            wanted = {(a["file"], a.get("code"), a["title"]) for a in q["answer"]}
    if wanted is None:
        sys.exit(f"no gold query for {entity!r}")
    got = {(os.path.basename(s["path"]), s.get("code"), s["title"]) for s in json.load(open(query_path, encoding="utf-8"))}
    if got != wanted:
        print("missing:", sorted(wanted - got, key=str), file=sys.stderr)
        print("extra:  ", sorted(got - wanted, key=str), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
