// The `gexf` exporter: graph.gexf in GEXF 1.3 for Gephi (EXPORT-FORMATS.md §2), valid against
// the vendored gexf.rng. Canonical keys are the ids; one <attributes> block per class; the
// relation goes into the edge `kind` so parallel relations stay apart; viz:color by entity type
// or node kind and viz:size from PageRank.
#include <cmath>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "exporters/export_vocabulary.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

struct AttributeSpec {
  std::string_view id;  // also the title
  std::string_view type;
};

constexpr AttributeSpec kNodeAttributes[] = {
    {"key", "string"},
    {"kind", "string"},
    {"type", "string"},
    {"record_id", "string"},
    {"code", "string"},
    {"title", "string"},
    {"path", "string"},
    {"event", "string"},
    {"aliases", "liststring"},
    {"discovered", "boolean"},
    {"value", "double"},
    {"min", "double"},
    {"max", "double"},
    {"unit", "string"},
    {"per", "string"},
    {"degree", "integer"},
    {"pagerank", "double"},
    {"component", "integer"},
    {"mention_count", "integer"},
    {"src_doc", "string"},
    {"src_section", "string"},
    {"src_path", "string"},
    {"src_line", "integer"},
    {"src_start", "long"},
    {"src_end", "long"},
    {"src_text", "string"},
    {"src_context", "string"},
};

constexpr AttributeSpec kEdgeAttributes[] = {
    {"relation", "string"},        {"count", "integer"},    {"role", "string"},
    {"symmetric", "boolean"},      {"src_doc", "string"},   {"src_section", "string"},
    {"src_path", "string"},        {"src_line", "integer"}, {"src_start", "long"},
    {"src_end", "long"},           {"src_text", "string"},  {"src_context", "string"},
    {"evidence_count", "integer"}, {"evidence", "string"},
};

void WriteAttributes(std::ostream& out, std::string_view class_name, const auto& specs) {
  out << "    <attributes class=\"" << class_name << "\">\n";
  for (const AttributeSpec& spec : specs) {
    out << "      <attribute id=\"" << spec.id << "\" title=\"" << spec.id << "\" type=\""
        << spec.type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// Writes one <attvalue>; `value` is escaped here.
void Value(std::ostream& out, std::string_view id, std::string_view value) {
  out << "          <attvalue for=\"" << id << "\" value=\"" << EscapeXmlAttribute(value)
      << "\"/>\n";
}

void ValueIfSet(std::ostream& out, std::string_view id, std::string_view value) {
  if (!value.empty()) Value(out, id, value);
}

void ValueNumber(std::ostream& out, std::string_view id, std::optional<double> value) {
  if (value && std::isfinite(*value)) Value(out, id, FormatDouble(*value));
}

// Returns a GEXF 1.3 list value: ['a', 'b\'c'] with \ ' LF CR TAB escaped inside the quotes.
std::string ListValue(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteSingleQuoted(items[i]);
  }
  out.push_back(']');
  return out;
}

void WriteProvenance(std::ostream& out, const Provenance& p) {
  Value(out, "src_doc", p.doc);
  ValueIfSet(out, "src_section", p.section);
  Value(out, "src_path", p.path);
  Value(out, "src_line", FormatInteger(p.line));
  Value(out, "src_start", FormatInteger(p.start));
  Value(out, "src_end", FormatInteger(p.end));
  Value(out, "src_text", p.text);
  ValueIfSet(out, "src_context", p.context);
}

std::string Channel(int value) { return FormatInteger(static_cast<std::uint64_t>(value)); }

void WriteNode(std::ostream& out, const NodeData& node, const NodeSizer& sizer) {
  out << "      <node id=\"" << EscapeXmlAttribute(node.key) << "\" label=\""
      << EscapeXmlAttribute(DisplayLabel(node)) << "\">\n"
      << "        <attvalues>\n";
  Value(out, "key", node.key);
  Value(out, "kind", NodeKindName(node.kind));
  Value(out, "type", node.type);
  ValueIfSet(out, "record_id", node.id);
  ValueIfSet(out, "code", node.code);
  ValueIfSet(out, "title", node.title);
  ValueIfSet(out, "path", node.path);
  ValueIfSet(out, "event", node.event);
  if (node.kind == NodeKind::kEntity) {
    Value(out, "aliases", ListValue(node.aliases));
    Value(out, "discovered", node.discovered ? "true" : "false");
  }
  ValueNumber(out, "value", node.value);
  ValueNumber(out, "min", node.min);
  ValueNumber(out, "max", node.max);
  ValueIfSet(out, "unit", node.unit);
  ValueIfSet(out, "per", node.per);
  Value(out, "degree", FormatInteger(node.degree));
  Value(out, "pagerank", FormatDouble(std::isfinite(node.pagerank) ? node.pagerank : 0.0));
  Value(out, "component", FormatInteger(node.component));
  Value(out, "mention_count", FormatInteger(node.mention_count));
  if (node.provenance) WriteProvenance(out, *node.provenance);
  const Rgb color = NodeColor(node);
  out << "        </attvalues>\n"
      << "        <viz:color r=\"" << Channel(color.r) << "\" g=\"" << Channel(color.g) << "\" b=\""
      << Channel(color.b) << "\" a=\"1.0\"/>\n"
      << "        <viz:size value=\"" << FormatDouble(sizer.Size(node)) << "\"/>\n"
      << "      </node>\n";
}

bool SameEnds(const KnowledgeGraph::Edge& a, const KnowledgeGraph::Edge& b) {
  return a.source == b.source && a.target == b.target && a.data->kind == b.data->kind;
}

// Returns the edge's GEXF kind: the relation name, plus the role when another edge of the same
// relation joins the same nodes (role_at with two roles), since (source, target, kind) must
// be unique.
std::string EdgeKindValue(const std::vector<KnowledgeGraph::Edge>& edges, std::size_t i) {
  std::string kind(EdgeKindName(edges[i].data->kind));
  const bool shared = (i > 0 && SameEnds(edges[i - 1], edges[i])) ||
                      (i + 1 < edges.size() && SameEnds(edges[i + 1], edges[i]));
  if (shared) kind += ":" + edges[i].data->role;
  return kind;
}

void WriteEdge(std::ostream& out, const KnowledgeGraph& graph, std::size_t index) {
  const KnowledgeGraph::Edge& edge = graph.edges()[index];
  const EdgeData& data = *edge.data;
  const std::string relation(EdgeKindName(data.kind));
  out << "      <edge id=\"" << FormatInteger(index) << "\" source=\""
      << EscapeXmlAttribute(graph.node(edge.source).key) << "\" target=\""
      << EscapeXmlAttribute(graph.node(edge.target).key) << "\" kind=\""
      << EscapeXmlAttribute(EdgeKindValue(graph.edges(), index)) << "\" label=\"" << relation
      << "\" weight=\"" << FormatDouble(std::isfinite(data.weight) ? data.weight : 0.0) << "\">\n"
      << "        <attvalues>\n";
  Value(out, "relation", relation);
  Value(out, "count", FormatInteger(data.count));
  ValueIfSet(out, "role", data.role);
  Value(out, "symmetric", data.kind == EdgeKind::kCoOccurs ? "true" : "false");
  if (!data.evidence.empty()) WriteProvenance(out, data.evidence.front());
  Value(out, "evidence_count", FormatInteger(data.evidence.size()));
  Value(out, "evidence", EvidenceJson(data.evidence));
  out << "        </attvalues>\n"
      << "      </edge>\n";
}

class GexfFormat final : public Exporter {
 public:
  std::string_view name() const override { return "gexf"; }

  std::vector<std::string> FileNames(const KnowledgeGraph&) const override {
    return {"graph.gexf"};
  }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    std::ostream& out = sink.Begin("graph.gexf");
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "version=\"1.3\">\n"
           "  <meta>\n"
           "    <creator>kgx</creator>\n"
           "    <description>kgx knowledge graph: "
        << FormatInteger(graph.node_count()) << " nodes, " << FormatInteger(graph.edge_count())
        << " edges</description>\n"
           "  </meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
    WriteAttributes(out, "node", kNodeAttributes);
    WriteAttributes(out, "edge", kEdgeAttributes);
    const NodeSizer sizer(graph);
    out << "    <nodes count=\"" << FormatInteger(graph.node_count()) << "\">\n";
    for (std::size_t i = 0; i < graph.node_count(); ++i) WriteNode(out, graph.node(i), sizer);
    out << "    </nodes>\n"
        << "    <edges count=\"" << FormatInteger(graph.edge_count()) << "\">\n";
    for (std::size_t i = 0; i < graph.edge_count(); ++i) WriteEdge(out, graph, i);
    out << "    </edges>\n"
           "  </graph>\n"
           "</gexf>\n";
  }
};

}  // namespace

const Exporter& GexfExporter() {
  static const GexfFormat kExporter;
  return kExporter;
}

}  // namespace kgx
