#!/usr/bin/env bash
# The checks of the issues that need ../shared (the real notes, the gold file and the scorer).
# Usage: tests/cli/shared_checks.sh KGX SHARED_DIR. Exits non-zero on the first failing check.
set -euo pipefail
kgx=$(realpath "$1")
shared=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
"$(dirname "$0")/../../.ci/install-deps" --ci
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$shared/corpus"
gold="$shared/gold/seeds.json"
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== 1. which talks mention Aurora =="
for name in Aurora "Amazon Aurora" オーロラ aurora; do
  "$kgx" query "$corpus" mentions "$name" --json > "$work/q.json"
  python3 "$here/check_query.py" "$gold" "Amazon Aurora" "$work/q.json" || fail "query mentions '$name'"
done
"$kgx" query "$corpus" mentions Aurora
pass "query mentions Aurora lists exactly the gold sections"

echo "== 1b. which talks mention Netflix, DynamoDB; how Intercom reached Aurora =="
"$kgx" query "$corpus" mentions Netflix --json > "$work/q.json"
python3 "$here/check_query.py" "$gold" "Netflix" "$work/q.json" || fail "query mentions Netflix"
"$kgx" query "$corpus" mentions DynamoDB --json > "$work/q.json"
python3 "$here/check_query.py" "$gold" "Amazon DynamoDB" "$work/q.json" || fail "query mentions DynamoDB"
"$kgx" query "$corpus" path Intercom "Amazon Aurora" | tee "$work/path.txt"
grep -q -- "--migrated_to--> Amazon Aurora" "$work/path.txt" || fail "path Intercom -> Aurora has no migrated_to step"
grep -q "reinvent2016-report-day2-3.txt:[0-9]*: .*Aurora" "$work/path.txt" || fail "path step without its evidence line"
"$kgx" rules check rules/ > /dev/null || fail "kgx rules check rules/"
pass "queries answer the gold questions; the path shows migrated_to with evidence; rules check passes"

echo "== 2. score.py on the corpus =="
"$kgx" extract "$corpus" --format jsonl --out - --quiet > "$work/graph.jsonl"
python3 "$shared/tools/score.py" --gold "$gold" --pred - \
  --min sections.f1=1.0 --min entity.f1=0.95 --min entity.aws_service.f1=0.95 --min entity.company.f1=0.9 \
  --min entity.person.f1=0.9 --min entity.technology.f1=0.9 \
  --min quantity.f1=0.92 --min quantity.value_acc=0.95 \
  --min relation.f1=0.7 --min query.exact=1.0 \
  < "$work/graph.jsonl" || fail "score.py below the bar"
pass "score.py bars met"

echo "== 3. GraphML against the schema, JSON-LD with an inline @context =="
"$kgx" extract "$corpus" --format graphml --format jsonld --out "$work/out" --quiet
xmllint --noout --nonet --schema "$shared/schemas/graphml/graphml.xsd" "$work/out/graph.graphml" \
  || fail "GraphML does not validate"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d.get("@context"); assert isinstance(c,(dict,list)) and c, "no inline @context"' \
  "$work/out/graph.jsonld" || fail "graph.jsonld"
pass "graph.graphml validates, graph.jsonld is JSON with an inline @context"

echo "== 4. two runs give byte-identical outputs =="
formats=()
for f in graphml gexf jsonld neo4j cypher dot jsonl; do formats+=(--format "$f"); done
for run in a b; do
  "$kgx" extract "$corpus" "${formats[@]}" --out "$work/run-$run" --quiet
done
diff -r "$work/run-a" "$work/run-b" >/dev/null || fail "outputs differ between two runs"
pass "two runs identical ($(ls "$work/run-a" | wc -l) outputs)"

echo "== 5. bad files next to good notes =="
mkdir -p "$work/bad"
cp "$corpus"/*.txt "$work/bad/"
printf 'DAT999 - Bad bytes\n- Aurora \xff\xfe and S3\n' > "$work/bad/invalid-utf8.txt"
: > "$work/bad/empty.txt"
printf 'binary\0data Aurora\n' > "$work/bad/binary.txt"
status=0
"$kgx" extract "$work/bad" --format jsonl --out "$work/bad-out" 2> "$work/bad.err" || status=$?
cat "$work/bad.err" | head -5
[ "$status" -eq 0 ] || fail "exit status $status on bad files"
for f in invalid-utf8.txt empty.txt binary.txt; do
  grep -q "$f" "$work/bad.err" || fail "no warning names $f"
done
grep -q 'invalid-utf8.txt:2: warning: invalid UTF-8 at byte offset' "$work/bad.err" || fail "invalid UTF-8 warning lacks line and offset"
python3 - "$work/bad-out/graph.jsonl" "$work/graph.jsonl" <<'PY' || fail "entities of good files missing"
import json, sys
def ents(path, skip=()):
    docs, out = {}, set()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["kind"] == "document": docs[r["id"]] = r["path"].rsplit("/", 1)[-1]
        if r["kind"] == "mention" and docs[r["doc"]] not in skip: out.add((docs[r["doc"]], r["entity"]))
    return out
bad = ents(sys.argv[1], skip=("invalid-utf8.txt",))
good = ents(sys.argv[2])
missing = good - bad
assert not missing, sorted(missing)[:5]
assert any(d == "invalid-utf8.txt" for d, _ in ents(sys.argv[1])), "the file with bad bytes lost its entities"
PY
pass "warnings name each bad file, status 0, every good file's entities present"

for extra in "$here"/shared_checks.d/*.sh; do
  [ -e "$extra" ] || continue
  echo "== $(basename "$extra") =="
  bash "$extra" "$kgx" "$shared"
done
echo "all shared checks passed"
