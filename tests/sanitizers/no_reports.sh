#!/usr/bin/env bash
# Runs COMMAND with the sanitizer options of `make sanitize`: AddressSanitizer with LeakSanitizer,
# UndefinedBehaviorSanitizer stopping at the first report, and every process's report (children
# too, whose stderr a test may swallow) written to REPORTS_DIR, emptied first. Fails when COMMAND
# fails or when any report was written, and prints the reports.
# Usage: tests/sanitizers/no_reports.sh REPORTS_DIR COMMAND [ARG...]
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 REPORTS_DIR COMMAND [ARG...]" >&2; exit 2; }
reports=$(realpath -m "$1")
shift
rm -rf "$reports" && mkdir -p "$reports" || exit 2
export ASAN_OPTIONS="detect_leaks=1:log_path=$reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
status=0
"$@" || status=$?
if [ -n "$(ls -A "$reports")" ]; then
  cat "$reports"/* >&2
  echo "sanitize: '$*' wrote the sanitizer reports above (kept in $reports)" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "sanitize: '$*' failed with status $status, no sanitizer report" >&2
  exit "$status"
fi
echo "sanitize: '$*' passed, no sanitizer report"
