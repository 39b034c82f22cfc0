#!/usr/bin/env bash
# Reads a kgx output folder back with the real consumer of every format (EXPORT-FORMATS.md §1-5,
# §7): xmllint (GraphML XSD, GEXF RELAX NG, SVG), networkx, igraph, graphology, jsonld.js, rapper,
# rdflib, the Neo4j Cypher linter, a neo4j-admin CSV checker and Graphviz. Prints what each
# consumer read and exits non-zero on any failure.
#
# Usage: tests/exporters/check_consumers.sh [--no-install] [--shared DIR] OUT_DIR
#        tests/exporters/check_consumers.sh [--no-install] [--shared DIR] --hostile [OUT_DIR]
#   OUT_DIR    made by `kgx extract … --format graphml --format gexf --format jsonld --format neo4j
#              --format cypher --format dot --format jsonl --out OUT_DIR`
#   --hostile  first writes the hostile-names graph's exports (and expected.json) into OUT_DIR
#              (default: a temporary folder) by running the exporter tests with KGX_HOSTILE_OUT;
#              then also checks that each consumer reads the hostile name back as sanitised.
#              The test binary is $KGX_EXPORTERS_TESTS, or the newest build*/tests/kgx_exporters_tests.
#   --shared   the shared folder with schemas/ (default: $KGX_SHARED_DIR, else <repo>/../shared)
# Installs what it needs unless --no-install: Debian packages (only those missing; needs root or
# sudo) and npm packages into ${KGX_NPM_DIR:-$HOME/.cache/kgx-npm}, outside the repository.
# Expected counts come from the files themselves (GraphML node_count/edge_count graph data, the
# DOT header's kg_nodes/kg_edges) and must agree across formats and with graph.jsonl.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$script_dir/../.." && pwd)"
shared="${KGX_SHARED_DIR:-$repo/../shared}"
npm_dir="${KGX_NPM_DIR:-$HOME/.cache/kgx-npm}"
install=1
hostile=0
out=""

while [ $# -gt 0 ]; do
  case "$1" in
    --no-install) install=0 ;;
    --hostile) hostile=1 ;;
    --shared) shift; shared="$1" ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    -*) echo "check_consumers: unknown option '$1'" >&2; exit 2 ;;
    *) out="$1" ;;
  esac
  shift
done
if [ -z "$out" ] && [ "$hostile" -eq 0 ]; then
  echo "usage: $0 [--no-install] [--shared DIR] [--hostile] OUT_DIR" >&2
  exit 2
fi
shared="$(cd "$shared" && pwd)"
export PYENV_VERSION=system  # Debian's python3 sees python3-networkx and friends (§1.4)

# ---------------------------------------------------------------------------------------------
# Installation
debian_packages=(libxml2-utils python3-networkx python3-igraph python3-rdflib raptor2-utils
                 graphviz fonts-ipafont)
npm_packages=(jsonld@9 graphology graphology-graphml graphology-gexf
              @neo4j-cypher/language-support@2.0.0-next.38)

install_packages() {
  local missing=() pkg sudo=""
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # Node may come from elsewhere (a nodejs build that bundles npm): only the commands matter.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "check_consumers: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  local need_npm=0 dir
  for dir in jsonld graphology graphology-graphml graphology-gexf @neo4j-cypher/language-support; do
    [ -d "$npm_dir/node_modules/$dir" ] || need_npm=1
  done
  if [ "$need_npm" -eq 1 ]; then
    echo "check_consumers: npm install into $npm_dir" >&2
    mkdir -p "$npm_dir"
    (cd "$npm_dir" && npm install --no-save --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >/dev/null)
  fi
}
[ "$install" -eq 1 ] && install_packages
export NODE_PATH="$npm_dir/node_modules"

# ---------------------------------------------------------------------------------------------
# The hostile graph
if [ "$hostile" -eq 1 ]; then
  tests_bin="${KGX_EXPORTERS_TESTS:-$(ls -t "$repo"/build*/tests/kgx_exporters_tests 2>/dev/null | head -n 1 || true)}"
  if [ -z "$tests_bin" ] || [ ! -x "$tests_bin" ]; then
    echo "check_consumers: no kgx_exporters_tests binary (build it, or set KGX_EXPORTERS_TESTS)" >&2
    exit 2
  fi
  [ -n "$out" ] || out="$(mktemp -d "${TMPDIR:-/tmp}/kgx-hostile.XXXXXX")"
  mkdir -p "$out"
  KGX_HOSTILE_OUT="$out" "$tests_bin" "[hostile-out]" >/dev/null
  echo "hostile graph written to $out"
fi
out="$(cd "$out" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kgx-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

failures=0
summary=()
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
# note CONSUMER TEXT: keeps a line for the closing summary.
note() { summary+=("$(printf '%-26s %s' "$1" "$2")"); }

for f in graph.graphml graph.gexf graph.jsonld graph.cypher graph.dot neo4j/import.sh; do
  [ -s "$out/$f" ] || fail "missing $out/$f"
done
[ "$failures" -eq 0 ] || exit 1
expected_json="$out/expected.json"
[ -f "$expected_json" ] || expected_json=""

# The reference counts: what the GraphML file says it holds.
read -r nodes edges < <(sed -n 's|.*<data key="g_node_count">\([0-9]*\)</data>.*|\1|p; s|.*<data key="g_edge_count">\([0-9]*\)</data>.*|\1|p' "$out/graph.graphml" | paste -sd' ')
echo "reference (graph.graphml graph data): $nodes nodes, $edges edges"

# ---------------------------------------------------------------------------------------------
# GraphML (§1.11)
if xmllint --noout --nonet --schema "$shared/schemas/graphml/graphml.xsd" "$out/graph.graphml" 2>"$work/xsd.err"; then
  pass "graphml validates against graphml.xsd"; note "xmllint graphml.xsd" "valid"
else
  cat "$work/xsd.err" >&2; fail "graphml does not validate"
fi
if grep -q 'for="all"' "$out/graph.graphml"; then fail 'graphml has for="all" keys'; fi

python3 -W error - "$out/graph.graphml" "$nodes" "$edges" "$expected_json" >"$work/nx.out" 2>&1 <<'PY' && pass "networkx: $(cat "$work/nx.out")" || { cat "$work/nx.out" >&2; fail "networkx"; }
import json, sys, networkx as nx
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
path, nodes, edges, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
G = nx.read_graphml(path)
n, e = G.number_of_nodes(), G.number_of_edges()
assert (n, e) == (nodes, edges), f"read {n} nodes, {e} edges; expected {nodes}, {edges}"
assert G.graph.get("node_count") == nodes, G.graph
kinds = {}
for _, data in G.nodes(data=True):
    kinds[data["kind"]] = kinds.get(data["kind"], 0) + 1
edge_kinds = {}
for _, _, data in G.edges(data=True):
    edge_kinds[data["kind"]] = edge_kinds.get(data["kind"], 0) + 1
    assert isinstance(data["symmetric"], bool) and data["symmetric"] == (data["kind"] == "co_occurs")
    assert isinstance(data["weight"], float)
    json.loads(data["evidence"])
if expected:
    want = load(expected)
    by_key = {data["key"]: data for _, data in G.nodes(data=True)}
    for key, label in want["labels"].items():
        assert by_key[key]["label"] == label, f"{key}: {by_key[key]['label']!r} != {label!r}"
    assert by_key[want["hostile_key"]]["src_text"] == want["hostile_text"]
with open(path + ".kinds.json", "w") as f:
    json.dump({"kinds": kinds, "edge_kinds": edge_kinds}, f)
print(f"{n} nodes, {e} edges ({type(G).__name__})" + (", labels round-trip" if expected else ""))
PY
mv "$out/graph.graphml.kinds.json" "$work/kinds.json" 2>/dev/null || true
note "networkx read_graphml" "$(sed -n '$p' "$work/nx.out")"

python3 -W error - "$out/graph.graphml" "$nodes" "$edges" "$expected_json" >"$work/ig.out" 2>&1 <<'PY' && pass "igraph: $(cat "$work/ig.out")" || { cat "$work/ig.out" >&2; fail "igraph"; }
import json, sys, igraph as ig
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
path, nodes, edges, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
g = ig.Graph.Read_GraphML(path)
assert (g.vcount(), g.ecount()) == (nodes, edges), f"read {g.vcount()}, {g.ecount()}"
if expected:
    want = load(expected)
    for key, label in want["labels"].items():
        assert g.vs.find(key=key)["label"] == label, key
print(f"{g.vcount()} nodes, {g.ecount()} edges" + (", labels round-trip" if expected else ""))
PY
note "igraph Read_GraphML" "$(sed -n '$p' "$work/ig.out")"

node - "$out/graph.graphml" "$nodes" "$edges" "$expected_json" >"$work/gg.out" 2>&1 <<'JS' && pass "graphology-graphml: $(cat "$work/gg.out")" || { cat "$work/gg.out" >&2; fail "graphology-graphml"; }
const fs = require('fs'), Graph = require('graphology'), graphml = require('graphology-graphml');
const [path, nodes, edges, expected] = process.argv.slice(2);
const g = graphml.parse(Graph, fs.readFileSync(path, 'utf8'));
if (g.order !== +nodes || g.size !== +edges) throw new Error(`read ${g.order}, ${g.size}`);
g.forEachEdge((e, a) => {
  if (a.symmetric !== (a.kind === 'co_occurs')) throw new Error(`symmetric not a boolean on ${e}`);
});
let extra = '';
if (expected) {
  const want = JSON.parse(fs.readFileSync(expected, 'utf8'));
  const byKey = {};
  g.forEachNode((n, a) => { byKey[a.key] = a; });
  for (const [key, label] of Object.entries(want.labels)) {
    if (byKey[key].label !== label) throw new Error(`${key}: ${JSON.stringify(byKey[key].label)}`);
  }
  extra = ', labels round-trip';
}
console.log(`${g.order} nodes, ${g.size} edges (${g.multi ? 'multi' : 'simple'} ${g.type})${extra}`);
JS
note "graphology-graphml" "$(sed -n '$p' "$work/gg.out")"

# ---------------------------------------------------------------------------------------------
# GEXF (§2.4)
if xmllint --noout --nonet --relaxng "$shared/schemas/gexf/gexf.rng" "$out/graph.gexf" 2>"$work/rng.err"; then
  pass "gexf validates against gexf.rng"; note "xmllint gexf.rng" "valid"
else
  cat "$work/rng.err" >&2; fail "gexf does not validate"
fi
grep -q 'xsi:schemaLocation' "$out/graph.gexf" && fail "gexf has xsi:schemaLocation"
[ "$(grep -c '<attributes ' "$out/graph.gexf")" -le 2 ] || fail "gexf has more than one <attributes> block per class"

node - "$out/graph.gexf" "$nodes" "$edges" "$expected_json" >"$work/gx.out" 2>&1 <<'JS' && pass "graphology-gexf: $(cat "$work/gx.out")" || { cat "$work/gx.out" >&2; fail "graphology-gexf"; }
const fs = require('fs'), Graph = require('graphology'), gexf = require('graphology-gexf');
const [path, nodes, edges, expected] = process.argv.slice(2);
const g = gexf.parse(Graph, fs.readFileSync(path, 'utf8'));
if (g.order !== +nodes || g.size !== +edges) throw new Error(`read ${g.order}, ${g.size}`);
let extra = '';
if (expected) {
  const want = JSON.parse(fs.readFileSync(expected, 'utf8'));
  for (const [key, label] of Object.entries(want.labels)) {
    if (g.getNodeAttribute(key, 'label') !== label) throw new Error(`${key}: ${JSON.stringify(g.getNodeAttribute(key, 'label'))}`);
  }
  const aliases = g.getNodeAttribute(want.hostile_key, 'aliases');
  if (JSON.stringify(aliases) !== JSON.stringify(want.hostile_aliases)) throw new Error(`aliases ${JSON.stringify(aliases)}`);
  extra = ', labels and aliases round-trip';
}
console.log(`${g.order} nodes, ${g.size} edges (${g.multi ? 'multi' : 'simple'} ${g.type})${extra}`);
JS
note "graphology-gexf" "$(sed -n '$p' "$work/gx.out")"

# ---------------------------------------------------------------------------------------------
# JSON-LD (§4.5): jsonld.js in safe mode, offline; rapper and rdflib must count the same triples.
node - "$out/graph.jsonld" "$expected_json" >"$work/graph.nq" 2>"$work/jsonld.err" <<'JS' || { cat "$work/jsonld.err" >&2; fail "jsonld.js toRDF (safe mode)"; }
const fs = require('fs'), jsonld = require('jsonld');
const [path, expected] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(path, 'utf8'));
const documentLoader = async (url) => { throw new Error('offline: ' + url); };
(async () => {
  const nq = await jsonld.toRDF(doc, {format: 'application/n-quads', safe: true, documentLoader});
  process.stdout.write(nq);
  if (expected) {
    const want = JSON.parse(fs.readFileSync(expected, 'utf8'));
    const flat = await jsonld.flatten(doc, null, {safe: true, documentLoader});
    for (const [key, label] of Object.entries(want.labels)) {
      const iri = want.iris[key];
      const nodes = Array.isArray(flat) ? flat : flat['@graph'];
      const node = nodes.find((n) => n['@id'] === iri);
      const name = node && node['https://schema.org/name'][0]['@value'];
      if (name !== label) throw new Error(`${key}: ${JSON.stringify(name)}`);
    }
  }
})().catch((e) => { console.error(e.name, e.message, e.details ? JSON.stringify(e.details).slice(0, 400) : ''); process.exit(1); });
JS
quads=$(grep -c . "$work/graph.nq" || true)
rapper_count=$(rapper -i nquads -c "$work/graph.nq" 2>&1 | sed -n 's/.*returned \([0-9]*\) triple.*/\1/p')
python3 -W error - "$out/graph.jsonld" "$work/kinds.json" "$expected_json" >"$work/rdf.out" 2>&1 <<'PY' || { cat "$work/rdf.out" >&2; fail "rdflib"; }
import json, os, sys, rdflib
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
path, kinds_path, expected = sys.argv[1:4]
g = rdflib.Graph()
g.parse(path, format="json-ld")
KGX = rdflib.Namespace("urn:kgx:vocab#")
SCHEMA = rdflib.Namespace("https://schema.org/")
entities = len(set(g.subjects(rdflib.RDF.type, KGX.Entity)))
mentions = len(list(g.triples((None, SCHEMA.mentions, None))))
if os.path.exists(kinds_path):  # written by the networkx check
    kinds = load(kinds_path)
    want_entities = kinds["kinds"].get("entity", 0)
    want_mentions = kinds["edge_kinds"].get("mentions", 0)
    assert entities == want_entities, f"{entities} kgx:Entity subjects, GraphML has {want_entities}"
    assert mentions == want_mentions, f"{mentions} schema:mentions triples, GraphML has {want_mentions}"
if expected:
    want = load(expected)
    for key, label in want["labels"].items():
        got = str(g.value(rdflib.URIRef(want["iris"][key]), SCHEMA.name))
        assert got == label, f"{key}: {got!r}"
print(len(g), entities, mentions)
PY
read -r rdflib_count rdf_entities rdf_mentions < <(tail -n 1 "$work/rdf.out") || true
if [ -n "${rdflib_count:-}" ] && [ "$quads" = "$rapper_count" ] && [ "$quads" = "$rdflib_count" ] && [ "$quads" -gt 0 ]; then
  pass "json-ld: jsonld.js $quads quads = rapper $rapper_count = rdflib $rdflib_count triples; $rdf_entities entities, $rdf_mentions mentions"
else
  fail "json-ld counts differ: jsonld.js ${quads:-?}, rapper ${rapper_count:-?}, rdflib ${rdflib_count:-?}"
fi
note "jsonld.js toRDF (safe)" "$quads quads"
note "rapper -i nquads" "${rapper_count:-?} triples"
note "rdflib json-ld" "${rdflib_count:-?} triples, ${rdf_entities:-?} kgx:Entity, ${rdf_mentions:-?} schema:mentions"
json_nodes=$(sed -n 's/.*"@id":"urn:kgx:graph","@type":"kgx:Graph","nodeCount":\([0-9]*\),"edgeCount":\([0-9]*\).*/\1 \2/p' "$out/graph.jsonld")
[ "$json_nodes" = "$nodes $edges" ] || fail "graph.jsonld declares '$json_nodes' nodes/edges, GraphML $nodes $edges"

# ---------------------------------------------------------------------------------------------
# Cypher (§3d): no syntax error from the Neo4j language support linter.
node - "$out/graph.cypher" >"$work/cy.out" 2>&1 <<'JS' && pass "cypher linter: $(cat "$work/cy.out")" || { cat "$work/cy.out" >&2; fail "cypher linter"; }
const fs = require('fs');
const {lintCypherQuery} = require('@neo4j-cypher/language-support');
const text = fs.readFileSync(process.argv[2], 'utf8');
const d = lintCypherQuery(text, {}).diagnostics;
const errors = d.filter((x) => x.severity === 1);
errors.forEach((x) => console.error('line', x.range.start.line + 1, x.message.split('\n')[0]));
if (errors.length) process.exit(1);
const statements = text.split(/;\s*\n/).filter((s) => s.trim() && !/^\s*\/\//.test(s.trim().split('\n').pop())).length;
console.log(`0 errors, ${d.length} warnings, ${statements} statements`);
JS
note "neo4j cypher linter" "$(sed -n '$p' "$work/cy.out")"

# ---------------------------------------------------------------------------------------------
# Neo4j admin-import CSV (§3a, §3e) and the Cypher rows: a stdlib-only checker.
python3 -W error - "$out" "$nodes" "$edges" "$expected_json" >"$work/csv.out" 2>&1 <<'PY' && pass "neo4j csv: $(tail -n 1 "$work/csv.out")" || { cat "$work/csv.out" >&2; fail "neo4j csv"; }
import csv, json, os, re, sys
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
out, nodes, edges, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
folder = os.path.join(out, "neo4j")
delimiter = "\x1f"
special = re.compile(r"^[^:]*:(ID(\([^)]+\))?|LABEL|TYPE|IGNORE|START_ID(\([^)]+\))?|END_ID(\([^)]+\))?)$")
typed = re.compile(r"^[^:]+(:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?)?$")
script = read(os.path.join(folder, "import.sh"))
assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script
ids, rels, names, aliases = {}, [], {}, {}
node_rows = rel_rows = 0
files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
for name in files:
    flag = "--nodes=" if name.startswith("nodes_") else "--relationships="
    assert flag + name in script, f"import.sh does not import {name}"
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    for cell in header:
        assert special.match(cell) or typed.match(cell), f"{name}: bad header cell {cell!r}"
    for row in body:
        assert len(row) == len(header), f"{name}: {len(row)} fields, header has {len(header)}"
        record = dict(zip(header, row))
        for cell, value in record.items():
            kind = cell.split(":", 1)[1] if ":" in cell else "string"
            if value == "":
                continue
            if kind.endswith("[]") or kind == "LABEL":
                assert all(part != "" for part in value.split(delimiter)), f"{name}: empty array element"
            if kind == "boolean":
                assert value in ("true", "false"), f"{name}: boolean {value!r}"
            elif kind in ("long", "int"):
                int(value)
            elif kind == "double":
                float(value)
        if name.startswith("nodes_"):
            node_rows += 1
            space = [c for c in header if ":ID" in c][0]
            key = record[space]
            assert key not in ids, f"duplicate id {key!r}"
            ids[key] = name
            names[key] = record.get("name:string")
            aliases[key] = record.get("aliases:string[]")
        else:
            rel_rows += 1
            rels.append((record[":START_ID(Node)"], record[":END_ID(Node)"], name))
for start, end, name in rels:
    assert start in ids, f"{name}: START_ID {start!r} is not a node"
    assert end in ids, f"{name}: END_ID {end!r} is not a node"
assert (node_rows, rel_rows) == (nodes, edges), f"{node_rows} node rows, {rel_rows} relationship rows"
if expected:
    want = load(expected)
    for key, label in want["labels"].items():
        assert names[key] == label, f"{key}: {names[key]!r}"
    got = aliases[want["hostile_key"]].split(delimiter)
    assert got == want["hostile_aliases"], f"aliases {got!r}"

# The Cypher script: rows per statement, and the hostile names decoded from the literals.
cypher = read(os.path.join(out, "graph.cypher"))
node_literals = rel_literals = 0
for statement in cypher.split(";\n"):
    rows = len(re.findall(r"^  \{", statement, re.M))
    if "MERGE (n:" in statement:
        node_literals += rows
    elif "MERGE (a)-[" in statement:
        rel_literals += rows
assert (node_literals, rel_literals) == (nodes, edges), f"cypher rows {node_literals}, {rel_literals}"
def unquote(literal):
    escapes = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t"}
    out, i = [], 0
    while i < len(literal):
        c = literal[i]
        if c == "\\":
            n = literal[i + 1]
            if n == "u":
                out.append(chr(int(literal[i + 2:i + 6], 16))); i += 6; continue
            out.append(escapes[n]); i += 2; continue
        out.append(c); i += 1
    return "".join(out)
literal = r"'((?:[^'\\]|\\.)*)'"
cypher_names = {}
for m in re.finditer(r"\{`key`: " + literal + r", `name`: " + literal, cypher):
    cypher_names[unquote(m.group(1))] = unquote(m.group(2))
assert len(cypher_names) == nodes, f"{len(cypher_names)} cypher node keys"
if expected:
    for key, label in want["labels"].items():
        assert cypher_names[key] == label, f"cypher {key}: {cypher_names[key]!r}"
print(f"{node_rows} node rows in {sum(f.startswith('nodes_') for f in files)} files, "
      f"{rel_rows} relationship rows in {sum(f.startswith('rels_') for f in files)} files; "
      f"cypher {node_literals} node rows, {rel_literals} relationship rows"
      + (", names and aliases round-trip" if expected else ""))
PY
note "neo4j csv checker" "$(sed -n '$p' "$work/csv.out")"

# ---------------------------------------------------------------------------------------------
# DOT (§5.3)
dot_nodes=$(sed -n 's/.*kg_nodes="\([0-9]*\)".*/\1/p' "$out/graph.dot" | head -n 1)
dot_edges=$(sed -n 's/.*kg_edges="\([0-9]*\)".*/\1/p' "$out/graph.dot" | head -n 1)
if dot -Tsvg "$out/graph.dot" -o "$work/graph.svg" 2>"$work/dot.err" && [ ! -s "$work/dot.err" ]; then
  pass "dot -Tsvg: exit 0, empty stderr"
  note "dot -Tsvg" "exit 0, no warnings"
else
  cat "$work/dot.err" >&2; fail "dot -Tsvg"
fi
xmllint --noout "$work/graph.svg" 2>/dev/null && pass "svg is well-formed" || fail "svg is not well-formed"
gc_counts=$(gc -n -e "$out/graph.dot" | awk '{print $1, $2}')
if [ "$gc_counts" = "$dot_nodes $dot_edges" ]; then
  pass "gc: $dot_nodes nodes, $dot_edges edges (entity-level view)"
else
  fail "gc read '$gc_counts', the file declares $dot_nodes $dot_edges"
fi
note "graphviz gc -n -e" "$gc_counts (entity-level view of $nodes nodes, $edges edges)"
if grep -Ev '^\s*("|node \[|edge \[|graph \[|digraph |\}|//|$)' "$out/graph.dot" >/dev/null; then
  fail "graph.dot has a statement that does not start with a quoted id"
fi
fc-list :lang=ja family | grep -q . || fail "no CJK font installed (fc-list :lang=ja)"
if [ -n "$expected_json" ]; then
  dot -Tjson "$out/graph.dot" >"$work/graph.json" 2>/dev/null
  python3 -W error - "$work/graph.json" "$expected_json" >"$work/dotlabel.out" 2>&1 <<'PY' && pass "dot labels round-trip" || { cat "$work/dotlabel.out" >&2; fail "dot labels"; }
import json, sys
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
graph = load(sys.argv[1])
want = load(sys.argv[2])
def label_text(escaped):  # what Graphviz draws: \\ is a backslash, \n \r line breaks
    out, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\" and i + 1 < len(escaped):
            out.append({"\\": "\\", "n": "\n", "r": "\r"}.get(escaped[i + 1], escaped[i:i + 2])); i += 2; continue
        out.append(escaped[i]); i += 1
    return "".join(out)
names = {label_text(o["name"]): label_text(o["label"]) for o in graph["objects"]}
for key, label in want["dot_labels"].items():
    assert names[key] == label, f"{key}: {names[key]!r} != {label!r}"
PY
fi

# ---------------------------------------------------------------------------------------------
# Agreement with graph.jsonl (kgx-jsonl/1): one record per document, section, entity, quantity.
if [ -s "$out/graph.jsonl" ] && [ -f "$work/kinds.json" ]; then
  python3 -W error - "$out/graph.jsonl" "$work/kinds.json" >"$work/jsonl.out" 2>&1 <<'PY' && pass "graph.jsonl agrees: $(cat "$work/jsonl.out")" || { cat "$work/jsonl.out" >&2; fail "graph.jsonl disagrees with graph.graphml"; }
import json, sys
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def load(p):
    return json.loads(read(p))
records = {}
for line in read(sys.argv[1]).split("\n"):  # not splitlines(): U+0085, U+2028 are text
    if line.strip():
        kind = json.loads(line)["kind"]
        records[kind] = records.get(kind, 0) + 1
kinds = load(sys.argv[2])["kinds"]
for kind in ("document", "section", "entity", "quantity"):
    assert records.get(kind, 0) == kinds.get(kind, 0), f"{kind}: jsonl {records.get(kind, 0)}, graphml {kinds.get(kind, 0)}"
print(", ".join(f"{records.get(k, 0)} {k}" for k in ("document", "section", "entity", "quantity")))
PY
  note "graph.jsonl records" "$(sed -n '$p' "$work/jsonl.out")"
fi

echo
echo "== what each consumer read ($out)"
printf '  %s\n' "${summary[@]}"
if [ "$failures" -gt 0 ]; then
  echo "check_consumers: $failures check(s) failed" >&2
  exit 1
fi
echo "check_consumers: all checks passed"
