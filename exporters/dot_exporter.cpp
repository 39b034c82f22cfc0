// The `dot` exporter: graph.dot for Graphviz (EXPORT-FORMATS.md §5), the entity-level view:
// entities, sections, events and their edges, without co_occurs seen in one section only (drawn
// through that section anyway); the header gives both graphs' counts. Ids and values are quoted
// and escaped; colour by type; the KG weight goes to penwidth and kg_weight.
#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/export_vocabulary.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

// A font list fontconfig resolves in order: Noto Sans CJK JP covers Japanese, Korean and
// Chinese and draws U+005C as a backslash; without it fontconfig falls back to any installed
// CJK font (IPAGothic from fonts-ipafont). DejaVu Sans keeps Latin text and the backslash right
// when only IPA fonts are present.
constexpr std::string_view kFontName = "Noto Sans CJK JP,DejaVu Sans,IPAGothic,sans-serif";
constexpr double kMaxPenWidth = 8.0;
// co_occurs edges below this weight (sections in common) are left out of the drawing.
constexpr double kMinCoOccursWeight = 2.0;

bool InView(const NodeData& node) {
  return node.kind == NodeKind::kEntity || node.kind == NodeKind::kSection ||
         node.kind == NodeKind::kEvent;
}

bool InView(const EdgeData& edge) {
  return edge.kind != EdgeKind::kCoOccurs || edge.weight >= kMinCoOccursWeight;
}

std::string_view Shape(const NodeData& node) {
  switch (node.kind) {
    case NodeKind::kSection:
      return "box";
    case NodeKind::kEvent:
      return "doubleoctagon";
    case NodeKind::kDocument:
      return "note";
    case NodeKind::kQuantity:
      return "plaintext";
    case NodeKind::kEntity:
      break;
  }
  return "ellipse";
}

// Writes ` [name="value", …]` from (name, raw value) pairs; values are quoted and escaped here.
void Attributes(std::ostream& out,
                const std::vector<std::pair<std::string_view, std::string>>& attributes) {
  out << " [";
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    out << (i > 0 ? ", " : "") << attributes[i].first << '='
        << QuoteDotString(attributes[i].second);
  }
  out << "];\n";
}

std::string PenWidth(double weight) {
  if (!std::isfinite(weight) || weight < 1.0) weight = 1.0;
  const double width = std::min(kMaxPenWidth, 1.0 + std::log2(weight));
  return FormatDouble(std::round(width * 100.0) / 100.0);
}

void WriteNode(std::ostream& out, const NodeData& node, const NodeSizer& sizer) {
  out << "  " << QuoteDotString(node.key);
  std::vector<std::pair<std::string_view, std::string>> attributes = {
      {"label", DisplayLabel(node)},
      {"shape", std::string(Shape(node))},
      {"fillcolor", NodeColor(node).Hex()},
      {"kg_kind", std::string(NodeKindName(node.kind))},
      {"kg_type", node.type},
  };
  if (node.kind == NodeKind::kEntity) {
    attributes.push_back({"kg_pagerank", FormatDouble(node.pagerank)});
    attributes.push_back({"kg_degree", FormatInteger(node.degree)});
    attributes.push_back({"kg_size", FormatDouble(sizer.Size(node))});
  }
  Attributes(out, attributes);
}

void WriteEdge(std::ostream& out, const KnowledgeGraph& graph, const KnowledgeGraph::Edge& edge) {
  const EdgeData& data = *edge.data;
  out << "  " << QuoteDotString(graph.node(edge.source).key) << " -> "
      << QuoteDotString(graph.node(edge.target).key);
  const std::string kind(EdgeKindName(data.kind));
  std::vector<std::pair<std::string_view, std::string>> attributes = {
      {"kg_kind", kind},
      {"kg_weight", FormatDouble(std::isfinite(data.weight) ? data.weight : 0.0)},
      {"kg_count", FormatInteger(data.count)},
      {"penwidth", PenWidth(data.weight)},
  };
  if (data.kind == EdgeKind::kMentions) {
    attributes.push_back({"color", "#999999"});
  } else if (data.kind == EdgeKind::kCoOccurs) {
    attributes.push_back({"dir", "none"});
    attributes.push_back({"style", "dashed"});
    attributes.push_back({"color", "#777777"});
  } else if (data.kind == EdgeKind::kPartOfEvent) {
    attributes.push_back({"style", "dotted"});
  } else {
    attributes.push_back({"label", data.role.empty() ? kind : kind + ": " + data.role});
  }
  if (!data.role.empty()) attributes.push_back({"kg_role", data.role});
  Attributes(out, attributes);
}

class DotFormat final : public Exporter {
 public:
  std::string_view name() const override { return "dot"; }

  std::vector<std::string> FileNames(const KnowledgeGraph&) const override { return {"graph.dot"}; }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    std::vector<bool> in_view(graph.node_count());
    std::size_t view_nodes = 0;
    for (std::size_t i = 0; i < graph.node_count(); ++i) {
      in_view[i] = InView(graph.node(i));
      if (in_view[i]) ++view_nodes;
    }
    std::vector<const KnowledgeGraph::Edge*> view_edges;
    for (const KnowledgeGraph::Edge& edge : graph.edges()) {
      if (in_view[edge.source] && in_view[edge.target] && InView(*edge.data)) {
        view_edges.push_back(&edge);
      }
    }

    std::ostream& out = sink.Begin("graph.dot");
    out << "// kgx knowledge graph, entity-level view: entities, sections and events ("
        << FormatInteger(view_nodes) << " of " << FormatInteger(graph.node_count())
        << " nodes)\n// and the edges among them but co_occurs of weight below "
        << FormatDouble(kMinCoOccursWeight) << " (" << FormatInteger(view_edges.size()) << " of "
        << FormatInteger(graph.edge_count())
        << " edges).\n// Documents and quantities, and every edge, are in the other formats.\n"
           "// Render: dot -Tsvg graph.dot -o graph.svg (sfdp -Goverlap=prism for large graphs).\n"
           "digraph \"kgx\" {\n";
    out << "  graph";
    Attributes(out, {{"fontname", std::string(kFontName)},
                     {"kg_nodes", FormatInteger(view_nodes)},
                     {"kg_edges", FormatInteger(view_edges.size())},
                     {"kg_graph_nodes", FormatInteger(graph.node_count())},
                     {"kg_graph_edges", FormatInteger(graph.edge_count())},
                     {"kg_co_occurs_min_weight", FormatDouble(kMinCoOccursWeight)}});
    out << "  node";
    Attributes(out, {{"fontname", std::string(kFontName)}, {"style", "filled"}});
    out << "  edge";
    Attributes(out, {{"fontname", std::string(kFontName)}});
    const NodeSizer sizer(graph);
    for (std::size_t i = 0; i < graph.node_count(); ++i) {
      if (in_view[i]) WriteNode(out, graph.node(i), sizer);
    }
    for (const KnowledgeGraph::Edge* edge : view_edges) WriteEdge(out, graph, *edge);
    out << "}\n";
  }
};

}  // namespace

const Exporter& DotExporter() {
  static const DotFormat kExporter;
  return kExporter;
}

}  // namespace kgx
