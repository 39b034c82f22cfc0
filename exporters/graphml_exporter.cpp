// The `graphml` exporter: graph.graphml for Gephi, networkx, igraph, graphology and APOC
// (EXPORT-FORMATS.md §1.9). Our own streaming XML writer: typed keys declared separately for
// nodes and edges, explicit values on every element, NMTOKEN node ids derived from canonical
// keys, edge ids e<n>, and the APOC `labels` / `label` keys.
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

struct KeySpec {
  std::string_view id;
  std::string_view domain;  // node | edge | graph
  std::string_view name;
  std::string_view type;
};

// Never `for="all"`, never the ids d3/d7 (Gephi reads them as labels); the ids `labels` (node)
// and `label` (edge) are what APOC looks for.
constexpr KeySpec kKeys[] = {
    {"g_node_count", "graph", "node_count", "long"},
    {"g_edge_count", "graph", "edge_count", "long"},
    {"v_label", "node", "label", "string"},
    {"labels", "node", "labels", "string"},
    {"v_key", "node", "key", "string"},
    {"v_kind", "node", "kind", "string"},
    {"v_type", "node", "type", "string"},
    {"v_record_id", "node", "record_id", "string"},
    {"v_code", "node", "code", "string"},
    {"v_title", "node", "title", "string"},
    {"v_path", "node", "path", "string"},
    {"v_event", "node", "event", "string"},
    {"v_aliases", "node", "aliases", "string"},
    {"v_discovered", "node", "discovered", "boolean"},
    {"v_value", "node", "value", "double"},
    {"v_min", "node", "min", "double"},
    {"v_max", "node", "max", "double"},
    {"v_unit", "node", "unit", "string"},
    {"v_per", "node", "per", "string"},
    {"v_degree", "node", "degree", "int"},
    {"v_pagerank", "node", "pagerank", "double"},
    {"v_component", "node", "component", "int"},
    {"v_mention_count", "node", "mention_count", "int"},
    {"v_size", "node", "size", "double"},
    {"v_r", "node", "r", "int"},
    {"v_g", "node", "g", "int"},
    {"v_b", "node", "b", "int"},
    {"v_src_doc", "node", "src_doc", "string"},
    {"v_src_section", "node", "src_section", "string"},
    {"v_src_path", "node", "src_path", "string"},
    {"v_src_line", "node", "src_line", "int"},
    {"v_src_start", "node", "src_start", "long"},
    {"v_src_end", "node", "src_end", "long"},
    {"v_src_text", "node", "src_text", "string"},
    {"v_src_context", "node", "src_context", "string"},
    {"label", "edge", "label", "string"},
    {"e_kind", "edge", "kind", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_count", "edge", "count", "int"},
    {"e_role", "edge", "role", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_src_doc", "edge", "src_doc", "string"},
    {"e_src_section", "edge", "src_section", "string"},
    {"e_src_path", "edge", "src_path", "string"},
    {"e_src_line", "edge", "src_line", "int"},
    {"e_src_start", "edge", "src_start", "long"},
    {"e_src_end", "edge", "src_end", "long"},
    {"e_src_text", "edge", "src_text", "string"},
    {"e_src_context", "edge", "src_context", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"},
    {"e_evidence", "edge", "evidence", "string"},
};

// Writes one <data> element; `text` is escaped here.
void Data(std::ostream& out, std::string_view indent, std::string_view key, std::string_view text) {
  out << indent << "<data key=\"" << key << "\">" << EscapeXmlContent(text) << "</data>\n";
}

void DataIfSet(std::ostream& out, std::string_view indent, std::string_view key,
               std::string_view text) {
  if (!text.empty()) Data(out, indent, key, text);
}

void DataNumber(std::ostream& out, std::string_view indent, std::string_view key,
                std::optional<double> value) {
  if (value && std::isfinite(*value)) Data(out, indent, key, FormatDouble(*value));
}

std::string JoinLabels(const NodeData& node) {
  std::string joined;
  for (const std::string& label : NodeLabels(node)) joined += ":" + label;
  return joined;
}

void WriteProvenance(std::ostream& out, std::string_view indent, std::string_view prefix,
                     const Provenance& p) {
  const std::string prefix_string(prefix);
  Data(out, indent, prefix_string + "src_doc", p.doc);
  DataIfSet(out, indent, prefix_string + "src_section", p.section);
  Data(out, indent, prefix_string + "src_path", p.path);
  Data(out, indent, prefix_string + "src_line", FormatInteger(p.line));
  Data(out, indent, prefix_string + "src_start", FormatInteger(p.start));
  Data(out, indent, prefix_string + "src_end", FormatInteger(p.end));
  Data(out, indent, prefix_string + "src_text", p.text);
  DataIfSet(out, indent, prefix_string + "src_context", p.context);
}

void WriteNode(std::ostream& out, const NodeData& node, const NodeSizer& sizer) {
  constexpr std::string_view kIndent = "      ";
  out << "    <node id=\"" << EscapeXmlAttribute(GraphmlId(node.key)) << "\">\n";
  Data(out, kIndent, "v_label", DisplayLabel(node));
  Data(out, kIndent, "labels", JoinLabels(node));
  Data(out, kIndent, "v_key", node.key);
  Data(out, kIndent, "v_kind", NodeKindName(node.kind));
  Data(out, kIndent, "v_type", node.type);
  DataIfSet(out, kIndent, "v_record_id", node.id);
  DataIfSet(out, kIndent, "v_code", node.code);
  DataIfSet(out, kIndent, "v_title", node.title);
  DataIfSet(out, kIndent, "v_path", node.path);
  DataIfSet(out, kIndent, "v_event", node.event);
  if (node.kind == NodeKind::kEntity) {
    Data(out, kIndent, "v_aliases", StringListJson(node.aliases));
    Data(out, kIndent, "v_discovered", node.discovered ? "true" : "false");
  }
  DataNumber(out, kIndent, "v_value", node.value);
  DataNumber(out, kIndent, "v_min", node.min);
  DataNumber(out, kIndent, "v_max", node.max);
  DataIfSet(out, kIndent, "v_unit", node.unit);
  DataIfSet(out, kIndent, "v_per", node.per);
  Data(out, kIndent, "v_degree", FormatInteger(node.degree));
  Data(out, kIndent, "v_pagerank",
       FormatDouble(std::isfinite(node.pagerank) ? node.pagerank : 0.0));
  Data(out, kIndent, "v_component", FormatInteger(node.component));
  Data(out, kIndent, "v_mention_count", FormatInteger(node.mention_count));
  const Rgb color = NodeColor(node);
  Data(out, kIndent, "v_size", FormatDouble(sizer.Size(node)));
  Data(out, kIndent, "v_r", FormatInteger(static_cast<std::uint64_t>(color.r)));
  Data(out, kIndent, "v_g", FormatInteger(static_cast<std::uint64_t>(color.g)));
  Data(out, kIndent, "v_b", FormatInteger(static_cast<std::uint64_t>(color.b)));
  if (node.provenance) WriteProvenance(out, kIndent, "v_", *node.provenance);
  out << "    </node>\n";
}

void WriteEdge(std::ostream& out, const KnowledgeGraph& graph, std::size_t index,
               const KnowledgeGraph::Edge& edge) {
  constexpr std::string_view kIndent = "      ";
  const EdgeData& data = *edge.data;
  out << "    <edge id=\"e" << FormatInteger(index) << "\" source=\""
      << EscapeXmlAttribute(GraphmlId(graph.node(edge.source).key)) << "\" target=\""
      << EscapeXmlAttribute(GraphmlId(graph.node(edge.target).key)) << "\">\n";
  Data(out, kIndent, "label", RelationshipType(data.kind));  // first child, for APOC
  Data(out, kIndent, "e_kind", EdgeKindName(data.kind));
  Data(out, kIndent, "e_weight", FormatDouble(std::isfinite(data.weight) ? data.weight : 0.0));
  Data(out, kIndent, "e_count", FormatInteger(data.count));
  DataIfSet(out, kIndent, "e_role", data.role);
  Data(out, kIndent, "e_symmetric", data.kind == EdgeKind::kCoOccurs ? "true" : "false");
  if (!data.evidence.empty()) WriteProvenance(out, kIndent, "e_", data.evidence.front());
  Data(out, kIndent, "e_evidence_count", FormatInteger(data.evidence.size()));
  Data(out, kIndent, "e_evidence", EvidenceJson(data.evidence));
  out << "    </edge>\n";
}

class GraphmlFormat final : public Exporter {
 public:
  std::string_view name() const override { return "graphml"; }

  std::vector<std::string> FileNames(const KnowledgeGraph&) const override {
    return {"graph.graphml"};
  }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    std::ostream& out = sink.Begin("graph.graphml");
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const KeySpec& key : kKeys) {
      out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
          << "\" attr.type=\"" << key.type << "\"/>\n";
    }
    out << "  <graph id=\"kgx\" edgedefault=\"directed\">\n";
    Data(out, "    ", "g_node_count", FormatInteger(graph.node_count()));
    Data(out, "    ", "g_edge_count", FormatInteger(graph.edge_count()));
    const NodeSizer sizer(graph);
    for (std::size_t i = 0; i < graph.node_count(); ++i) WriteNode(out, graph.node(i), sizer);
    const auto& edges = graph.edges();
    for (std::size_t i = 0; i < edges.size(); ++i) WriteEdge(out, graph, i, edges[i]);
    out << "  </graph>\n"
           "</graphml>\n";
  }
};

}  // namespace

const Exporter& GraphmlExporter() {
  static const GraphmlFormat kExporter;
  return kExporter;
}

}  // namespace kgx
