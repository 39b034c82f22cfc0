#!/usr/bin/env bash
# Determinism (issue 8): the same inputs and rules give byte-identical outputs, every format,
# whatever the order of the input files, the number of threads or the locale (LANG, LC_ALL).
# Usage: determinism.sh KGX SHARED_DIR (run by tests/cli/shared_checks.sh).
set -euo pipefail
kgx=$(realpath "$1")
shared=$(realpath "$2")
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The shared notes, the samples and a few hostile files, each given by name.
mkdir -p "$work/extra"
printf 'DAT999 - Bad bytes\n- Aurora \xff\xfe and S3 \xe3\x81\n' > "$work/extra/invalid-utf8.txt"
printf '\xef\xbb\xbf# Ｚ\r\n- ＡＷＳ Ｌａｍｂｄａ, 250億リクエスト/day\r\n' > "$work/extra/bom-crlf.md"
printf 'binary\0data Aurora\n' > "$work/extra/binary.txt"
mapfile -t files < <(find "$shared/corpus" "$root/samples" "$work/extra" -type f \( -name '*.txt' -o -name '*.md' \) | LC_ALL=C sort)
[ ${#files[@]} -ge 4 ] || fail "too few inputs (${#files[@]})"
formats=()
for f in graphml gexf jsonld neo4j cypher dot jsonl; do formats+=(--format "$f"); done

# run NAME THREADS LC_ALL LANG FILE...
run() {
  local name=$1 threads=$2 lc_all=$3 lang=$4
  shift 4
  env -u LANGUAGE LC_ALL="$lc_all" LANG="$lang" \
    "$kgx" extract "$@" "${formats[@]}" --threads "$threads" --out "$work/$name" --quiet 2> "$work/$name.err" ||
    fail "run $name: exit status $?"
}
mapfile -t reversed < <(printf '%s\n' "${files[@]}" | tac)
mapfile -t shuffled < <(printf '%s\n' "${files[@]}" | shuf --random-source=<(yes 42))
run sorted 1 C C "${files[@]}"
run reversed 4 ja_JP.UTF-8 ja_JP.UTF-8 "${reversed[@]}"
run shuffled 2 "" ja_JP.UTF-8 "${shuffled[@]}"
count=$(find "$work/sorted" -type f | wc -l)
[ "$count" -ge 7 ] || fail "only $count output files"
for other in reversed shuffled; do
  diff -r "$work/sorted" "$work/$other" > "$work/$other.diff" || { head -20 "$work/$other.diff" >&2; fail "outputs differ: sorted vs $other"; }
  cmp -s "$work/sorted.err" "$work/$other.err" || fail "warnings differ: sorted vs $other"
done
echo "ok: $count output files byte-identical across input order (sorted, reversed, shuffled), 1/2/4 threads, LC_ALL=C and ja_JP.UTF-8"
