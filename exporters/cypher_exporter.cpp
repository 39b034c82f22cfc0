// The `cypher` exporter: graph.cypher, a self-contained Neo4j 5 script (EXPORT-FORMATS.md §3b):
// CREATE CONSTRAINT … IF NOT EXISTS per MERGE label, then batched UNWIND [...] AS row MERGE
// statements for nodes and relationships; MERGE on `key` then SET makes a second run change
// nothing. Every string is a sanitised, escaped single-quoted literal.
#include <cmath>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "exporters/export_vocabulary.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

constexpr std::size_t kRowsPerStatement = 500;

// A Cypher map literal under construction: {name: value, …} with fixed, plain key names.
class MapLiteral {
 public:
  void Text(std::string_view name, std::string_view text) { Add(name, QuoteSingleQuoted(text)); }
  void TextIfSet(std::string_view name, std::string_view text) {
    if (!text.empty()) Text(name, text);
  }
  void Integer(std::string_view name, std::uint64_t value) { Add(name, FormatInteger(value)); }
  void Number(std::string_view name, std::optional<double> value) {
    if (value && std::isfinite(*value)) Add(name, FormatFloatLiteral(*value));
  }
  void Boolean(std::string_view name, bool value) { Add(name, value ? "true" : "false"); }
  void TextList(std::string_view name, const std::vector<std::string>& items) {
    std::string list;
    for (const std::string& item : items)
      list += (list.empty() ? "" : ", ") + QuoteSingleQuoted(item);
    if (!list.empty()) Add(name, "[" + list + "]");
  }
  void Raw(std::string_view name, std::string_view literal) { Add(name, literal); }
  std::string Finish() const { return "{" + body_ + "}"; }

 private:
  void Add(std::string_view name, std::string_view literal) {
    if (!body_.empty()) body_ += ", ";
    body_ += "`";
    body_ += name;
    body_ += "`: ";
    body_ += literal;
  }
  std::string body_;
};

void AddProvenance(MapLiteral& map, const Provenance& p) {
  map.Text("src_doc", p.doc);
  map.TextIfSet("src_section", p.section);
  map.Text("src_path", p.path);
  map.Integer("src_line", p.line);
  map.Integer("src_start", p.start);
  map.Integer("src_end", p.end);
  map.Text("src_text", p.text);
  map.TextIfSet("src_context", p.context);
}

std::string NodeRow(const NodeData& node) {
  MapLiteral map;
  map.Text("key", node.key);
  map.Text("name", DisplayLabel(node));
  map.Text("kind", NodeKindName(node.kind));
  map.TextIfSet("type", node.type);
  map.TextIfSet("record_id", node.id);
  map.TextIfSet("code", node.code);
  map.TextIfSet("title", node.title);
  map.TextIfSet("path", node.path);
  map.TextIfSet("event", node.event);
  if (node.kind == NodeKind::kEntity) {
    map.TextList("aliases", node.aliases);
    map.Boolean("discovered", node.discovered);
  }
  map.Number("value", node.value);
  map.Number("min", node.min);
  map.Number("max", node.max);
  map.TextIfSet("unit", node.unit);
  map.TextIfSet("per", node.per);
  map.Integer("degree", node.degree);
  map.Number("pagerank", std::isfinite(node.pagerank) ? node.pagerank : 0.0);
  map.Integer("component", node.component);
  map.Integer("mention_count", node.mention_count);
  if (node.provenance) AddProvenance(map, *node.provenance);
  return map.Finish();
}

std::string RelationshipRow(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& edge) {
  const EdgeData& data = *edge.data;
  MapLiteral properties;
  properties.Number("weight", std::isfinite(data.weight) ? data.weight : 0.0);
  properties.Integer("count", data.count);
  properties.TextIfSet("role", data.role);
  properties.Boolean("symmetric", data.kind == EdgeKind::kCoOccurs);
  if (!data.evidence.empty()) AddProvenance(properties, data.evidence.front());
  properties.Integer("evidence_count", data.evidence.size());
  properties.Text("evidence", EvidenceJson(data.evidence));
  MapLiteral row;
  row.Text("s", graph.node(edge.source).key);
  row.Text("t", graph.node(edge.target).key);
  if (!data.role.empty()) row.Text("role", data.role);
  row.Raw("p", properties.Finish());
  return row.Finish();
}

// Writes `rows` as UNWIND statements of at most kRowsPerStatement rows, each ending in `tail`.
void WriteBatches(std::ostream& out, const std::vector<std::string>& rows, std::string_view tail) {
  for (std::size_t begin = 0; begin < rows.size(); begin += kRowsPerStatement) {
    const std::size_t end = std::min(rows.size(), begin + kRowsPerStatement);
    out << "UNWIND [\n";
    for (std::size_t i = begin; i < end; ++i) {
      out << "  " << rows[i] << (i + 1 < end ? ",\n" : "\n");
    }
    out << "] AS row\n" << tail;
  }
}

// Node groups: (primary label, secondary label or "") -> rows.
using NodeGroups = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;
// Relationship groups: (type, source label, target label, merged on role) -> rows.
using RelationshipGroups =
    std::map<std::tuple<std::string, std::string, std::string, bool>, std::vector<std::string>>;

class CypherFormat final : public Exporter {
 public:
  std::string_view name() const override { return "cypher"; }

  std::vector<std::string> FileNames(const KnowledgeGraph&) const override {
    return {"graph.cypher"};
  }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    std::ostream& out = sink.Begin("graph.cypher");
    out << "// kgx knowledge graph for Neo4j 5: " << FormatInteger(graph.node_count()) << " nodes, "
        << FormatInteger(graph.edge_count())
        << " relationships.\n"
           "// Idempotent: constraints IF NOT EXISTS, nodes MERGEd on `key`, relationships "
           "MERGEd between them.\n";

    NodeGroups nodes;
    std::set<std::string> primary_labels;
    for (std::size_t i = 0; i < graph.node_count(); ++i) {
      const NodeData& node = graph.node(i);
      const std::vector<std::string> labels = NodeLabels(node);
      primary_labels.insert(labels[0]);
      nodes[{labels[0], labels.size() > 1 ? labels[1] : ""}].push_back(NodeRow(node));
    }
    for (const std::string& label : primary_labels) {
      out << "CREATE CONSTRAINT " << LowerSnake(label) << "_key IF NOT EXISTS FOR (n:" << label
          << ") REQUIRE n.key IS UNIQUE;\n";
    }
    for (const auto& [labels, rows] : nodes) {
      std::string tail = "MERGE (n:" + labels.first + " {key: row.key})\nSET n += row";
      if (!labels.second.empty()) tail += ", n:" + labels.second;
      WriteBatches(out, rows, tail + ";\n");
    }

    RelationshipGroups relationships;
    for (const KnowledgeGraph::Edge& edge : graph.edges()) {
      const auto key =
          std::make_tuple(RelationshipType(edge.data->kind), PrimaryLabel(graph.node(edge.source)),
                          PrimaryLabel(graph.node(edge.target)), !edge.data->role.empty());
      relationships[key].push_back(RelationshipRow(graph, edge));
    }
    for (const auto& [key, rows] : relationships) {
      const auto& [type, source_label, target_label, by_role] = key;
      const std::string tail = "MATCH (a:" + source_label +
                               " {key: row.s})\nMATCH (b:" + target_label +
                               " {key: row.t})\nMERGE (a)-[r:" + type +
                               (by_role ? " {role: row.role}" : "") + "]->(b)\nSET r += row.p;\n";
      WriteBatches(out, rows, tail);
    }
  }
};

}  // namespace

const Exporter& CypherExporter() {
  static const CypherFormat kExporter;
  return kExporter;
}

}  // namespace kgx
