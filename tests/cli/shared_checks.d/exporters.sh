#!/usr/bin/env bash
# Issue 6: every export of the shared corpus and of the hostile-names graph is read back by its
# real consumer (tests/exporters/check_consumers.sh). Args: KGX SHARED_DIR.
set -euo pipefail
kgx=$1
shared=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kgx" extract "$shared/corpus" --format graphml --format gexf --format jsonld --format neo4j \
  --format cypher --format dot --format jsonl --out "$work/corpus" --quiet
export KGX_EXPORTERS_TESTS="$here/../build/tests/kgx_exporters_tests"
[ -x "$KGX_EXPORTERS_TESTS" ] || KGX_EXPORTERS_TESTS="$(dirname "$kgx")/../tests/kgx_exporters_tests"
bash "$here/exporters/check_consumers.sh" --shared "$shared" "$work/corpus"
bash "$here/exporters/check_consumers.sh" --shared "$shared" --hostile "$work/hostile"
