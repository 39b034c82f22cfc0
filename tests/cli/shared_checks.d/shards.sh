#!/usr/bin/env bash
# Shards and threads: `kgx extract --format jsonl` on a split of the shared notes, then `kgx merge`
# of the parts, gives byte for byte the output of one run over all of them, whatever the order
# of the parts (a shard may even be empty); and --threads 1 gives the same bytes as --threads 2.
# Usage: shards.sh KGX SHARED_DIR (run by tests/cli/shared_checks.sh). Exits non-zero on a failure.
set -euo pipefail
kgx=$(realpath "$1")
shared=$(realpath "$2")
corpus="$shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mapfile -t files < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) | sort)
[ "${#files[@]}" -gt 0 ] || fail "no notes in $corpus"

"$kgx" extract "$corpus" --format jsonl --out - --quiet --threads 1 > "$work/one.jsonl"
[ -s "$work/one.jsonl" ] || fail "the single run wrote nothing"

# Three shards, round robin over the files (paths as in the single run); a shard without files
# gets an empty folder, so it contributes an empty part.
for s in 0 1 2; do
  mkdir -p "$work/empty$s"
  shard=()
  for i in "${!files[@]}"; do
    if [ $((i % 3)) -eq "$s" ]; then shard+=("${files[$i]}"); fi
  done
  [ "${#shard[@]}" -gt 0 ] || shard=("$work/empty$s")
  "$kgx" extract "${shard[@]}" --format jsonl --out - --quiet > "$work/part$s.jsonl"
done
"$kgx" merge "$work/part0.jsonl" "$work/part1.jsonl" "$work/part2.jsonl" --format jsonl --out "$work/merged" --quiet
cmp -s "$work/one.jsonl" "$work/merged/graph.jsonl" || fail "3 shards merged differ from one run"
"$kgx" merge "$work/part2.jsonl" "$work/part0.jsonl" "$work/part1.jsonl" --format jsonl --out "$work/merged2" --quiet
cmp -s "$work/one.jsonl" "$work/merged2/graph.jsonl" || fail "the order of the parts changes the merge"
# A reducer that receives every shard on one stream (Hadoop Streaming, Spark): concatenated parts.
cat "$work/part1.jsonl" "$work/part2.jsonl" "$work/part0.jsonl" | "$kgx" merge - --format jsonl --out "$work/merged3" --quiet
cmp -s "$work/one.jsonl" "$work/merged3/graph.jsonl" || fail "the parts concatenated on standard input merge differently"
echo "ok: 3 shards (${#files[@]} files) merged equal one run, in any order, as files or on one stream"

"$kgx" extract "$corpus" --format jsonl --out - --quiet --threads 2 > "$work/two.jsonl"
cmp -s "$work/one.jsonl" "$work/two.jsonl" || fail "--threads 1 and --threads 2 differ"
formats=()
for f in graphml gexf jsonld cypher dot; do formats+=(--format "$f"); done
"$kgx" extract "$corpus" "${formats[@]}" --out "$work/t1" --quiet --threads 1
"$kgx" extract "$corpus" "${formats[@]}" --out "$work/t2" --quiet --threads 2
diff -r "$work/t1" "$work/t2" >/dev/null || fail "--threads 1 and --threads 2 differ in the graph formats"
echo "ok: --threads 1 and --threads 2 give identical outputs"
