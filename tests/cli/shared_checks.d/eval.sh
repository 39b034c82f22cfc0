#!/usr/bin/env bash
# `kgx eval` against the reference scorer: scores the shared corpus with kgx eval and with
# shared/tools/score.py on the records of `kgx extract --format jsonl`, prints both tables, and
# fails unless every figure (p, r, f1 of every key, quantity.value_acc, query.exact) agrees to three
# decimals, with the same counts and the same lists of missed and spurious entities.
# Usage: eval.sh KGX SHARED_DIR (run by tests/cli/shared_checks.sh).
set -euo pipefail
kgx=$(realpath "$1")
shared=$(realpath "$2")
gold="$shared/gold/seeds.json"
corpus="$shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$kgx" eval --gold "$gold" "$corpus" --json --quiet > "$work/eval.json"
"$kgx" extract "$corpus" --format jsonl --out - --quiet > "$work/graph.jsonl"
python3 "$shared/tools/score.py" --gold "$gold" --pred - --json < "$work/graph.jsonl" > "$work/score.json"

echo "-- kgx eval --gold $gold $corpus"
"$kgx" eval --gold "$gold" "$corpus" --quiet
echo
echo "-- kgx extract $corpus --format jsonl --out - | score.py --gold $gold --pred -"
python3 "$shared/tools/score.py" --gold "$gold" --pred - < "$work/graph.jsonl"
echo

python3 - "$work/eval.json" "$work/score.json" <<'PY'
import json
import sys

ours = json.load(open(sys.argv[1], encoding="utf-8"))
ref = json.load(open(sys.argv[2], encoding="utf-8"))
a, b = ours["figures"], ref["figures"]
problems = []


def shown(figure):
    if "f1" in figure:
        return " ".join(f"{figure[k]:.3f}" for k in ("p", "r", "f1"))
    return f"{figure['value']:.3f}"


print(f"{'FIGURE':20s}  {'KGX EVAL (P R F1)':19s}  {'SCORE.PY (P R F1)':19s}")
for key in list(b) + [k for k in a if k not in b]:
    if key not in a or key not in b:
        problems.append(f"{key}: only in {'kgx eval' if key in a else 'score.py'}")
        continue
    fa, fb = a[key], b[key]
    bad = []
    for field in ("p", "r", "f1", "value"):
        if field in fa or field in fb:
            if field not in fa or field not in fb or f"{fa[field]:.3f}" != f"{fb[field]:.3f}":
                bad.append(field)
    for field in ("tp", "fp", "fn", "n"):
        if field in fb and fa.get(field) != fb[field]:
            bad.append(field)
    if key == "query.exact" and fa.get("detail") != fb.get("detail"):
        bad.append("detail")
    print(f"{key:20s}  {shown(fa):19s}  {shown(fb):19s}  {'DIFF ' + ','.join(bad) if bad else 'ok'}")
    if bad:
        problems.append(f"{key}: {', '.join(bad)} differ")

for key in ("missed_entities", "spurious_entities", "wrong_quantities"):
    if ours.get(key) != ref.get(key):
        problems.append(f"{key}: the lists differ ({len(ours.get(key, []))} in kgx eval, {len(ref.get(key, []))} in score.py)")

if problems:
    print("\nkgx eval disagrees with score.py:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print("\nok: kgx eval agrees with score.py on every figure, count and list")
PY
