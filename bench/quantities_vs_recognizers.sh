#!/usr/bin/env bash
# Benchmark: kgx's quantity extraction against Microsoft Recognizers-Text on the same notes and
# gold. Prints, side by side: quantities found, how many match the gold (score.py's matching),
# value accuracy, and time per MB. A program that prints figures, not a test.
# Usage: bench/quantities_vs_recognizers.sh [KGX] [SHARED_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kgx=$(realpath "${1:-$here/../build/cli/kgx}")
shared=$(realpath "${2:-$here/../../shared}")
npm_dir="$here/node_modules"
if [ ! -d "$npm_dir/@microsoft/recognizers-text-suite" ]; then
  (cd "$here" && npm install --no-save --no-audit --no-fund --silent @microsoft/recognizers-text-suite@1.3.1 >/dev/null)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$shared"/corpus/*.txt)
gold="$shared/gold/seeds.json"

# kgx: one run over 20 copies of the notes, so that loading the rules (once per run) does not
# dominate; its quantities are scored on a run over the originals.
mkdir -p "$work/copies"
for i in $(seq 20); do for f in "${files[@]}"; do cp "$f" "$work/copies/$i-$(basename "$f")"; done; done
"$kgx" extract "${files[@]}" --format jsonl --out - --quiet > "$work/kgx.jsonl"
kgx_seconds=$(python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL); print((time.perf_counter()-t)/20)' \
  "$kgx" extract "$work/copies" --format jsonl --out - --quiet --threads 1)
NODE_PATH="$npm_dir" node "$here/recognizers_quantities.js" "${files[@]}" > "$work/rt.jsonl" 2> "$work/rt.time"
bytes=$(cat "${files[@]}" | wc -c)

python3 - "$gold" "$work/kgx.jsonl" "$work/rt.jsonl" "$work/rt.time" "$bytes" "$kgx_seconds" "$shared/tools/score.py" <<'PY'
import json, subprocess, sys
gold, kgx, rt, rt_time, size, kgx_seconds, score = sys.argv[1:8]
def figures(pred):
    out = subprocess.run([sys.executable, score, "--gold", gold, "--pred", pred, "--json"], capture_output=True, text=True, check=True)
    f = json.loads(out.stdout)["figures"]
    return f["quantity"], f["quantity.value_acc"]
mb = int(size) / 1e6
rows = []
for name, pred, seconds in (("kgx", kgx, float(kgx_seconds)), ("Recognizers-Text 1.3.1", rt, json.load(open(rt_time))["seconds"])):
    q, acc = figures(pred)
    found = q["tp"] + q["fp"]
    rows.append((name, found, q["tp"], q["p"], q["r"], q["f1"], acc["value"], seconds / mb))
gold_n = rows[0][2] + figures(kgx)[0]["fn"]
print(f"quantities on the shared notes ({mb:.3f} MB, {gold_n} in the gold)")
print(f"{'extractor':24s} {'found':>6s} {'match':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'value_acc':>9s} {'s/MB':>8s}")
for name, found, tp, p, r, f1, acc, spm in rows:
    print(f"{name:24s} {found:6d} {tp:6d} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:9.3f} {spm:8.3f}")
print("kgx's time is the whole extraction (entities, relations, graph, output); Recognizers-Text's is recognition only.")
PY
