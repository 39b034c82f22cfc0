#!/usr/bin/env bash
# Runs each libFuzzer target for a set time: first over its regression inputs (must pass), then
# fuzzing from the seeds made from samples/ and rules/ plus the corpus kept in the build folder.
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS [TARGET...]   (targets: normalizer quantity
# rules segmenter extract; default all). A finding stops the script with status 1 and leaves the
# crashing input in BUILD_DIR/tests/fuzz/artifacts/TARGET/; copy it to
# tests/fuzz/regressions/TARGET/ once fixed. Prints one line per target with its executions.
set -euo pipefail
build=$(realpath "$1")
seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalizer quantity rules segmenter extract)
src=$(cd "$(dirname "$0")/../.." && pwd)
work="$build/tests/fuzz"
python3 "$src/tests/fuzz/make_seeds.py" "$src" "$work/seeds" >/dev/null
total=0
for target in "${targets[@]}"; do
  binary="$work/${target}_fuzz"
  [ -x "$binary" ] || { echo "fuzz: $binary not built" >&2; exit 2; }
  regressions="$src/tests/fuzz/regressions/$target"
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts" "$regressions"
  log="$work/$target.log"
  common=(-rss_limit_mb=4096 -timeout=60 -malloc_limit_mb=4096 -artifact_prefix="$artifacts" -print_final_stats=1)
  # The whole pipeline is slow per byte (every stage, the graph, two exporters): keep inputs small.
  [ "$target" = extract ] && common+=(-max_len=4096)
  if [ -n "$(ls -A "$regressions")" ]; then
    "$binary" "${common[@]}" -runs=0 "$regressions" > "$work/$target.regressions.log" 2>&1 ||
      { tail -30 "$work/$target.regressions.log" >&2; echo "fuzz: $target: a regression input fails" >&2; exit 1; }
  fi
  status=0
  "$binary" "${common[@]}" -max_total_time="$seconds" "$corpus" "$work/seeds/$target" "$regressions" \
    > "$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  total=$((total + ${execs:-0}))
  if [ "$status" -ne 0 ]; then
    grep -E "ERROR|invariant|SUMMARY|Test unit written" "$log" | head -20 >&2
    echo "fuzz: $target: FINDING after ${execs:-?} executions (log: $log)" >&2
    exit 1
  fi
  echo "fuzz: $target: ${seconds}s, ${execs:-?} executions, $(ls "$corpus" | wc -l) corpus files, no finding"
done
echo "fuzz: total $total executions"
