// Run summary (see summary.h).
#include "cli/summary.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "graph/query.h"

namespace kgx {

namespace {

std::string Fixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace

void PrintSummary(const KnowledgeGraph& graph, const PipelineStats& stats, const std::vector<std::string>& written,
                  std::ostream& out, const SummaryCounts* counts) {
  std::map<std::string, std::size_t> sections, entities;
  std::size_t quantities = 0, relations = 0, entity_total = 0;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kSection) sections[node.type]++;
    if (node.kind == NodeKind::kEntity) { entities[node.type]++; entity_total++; }
    if (node.kind == NodeKind::kQuantity) quantities++;
  }
  for (const auto& edge : graph.edges()) {
    const EdgeKind kind = edge.data->kind;
    if (kind == EdgeKind::kUses || kind == EdgeKind::kMigratedFrom || kind == EdgeKind::kMigratedTo ||
        kind == EdgeKind::kRoleAt || kind == EdgeKind::kPresentedBy || kind == EdgeKind::kAnnounced) {
      relations += edge.data->evidence.size();
    }
  }
  if (counts) {
    sections = counts->sections;
    quantities = counts->quantities;
    relations = counts->relations;
  }
  out << "kgx: " << stats.documents << " documents (" << Fixed(static_cast<double>(stats.bytes) / 1e3, 1)
      << " KB) in " << Fixed(stats.seconds, 2) << " s; " << stats.skipped << " skipped, " << stats.warnings
      << " warnings\n";
  out << "  sections:   " << sections["talk"] << " talks, " << sections["keynote"] << " keynotes, "
      << sections["other"] << " other\n";
  out << "  entities:   " << entity_total << " (";
  bool first = true;
  for (const auto& [type, count] : entities) {
    out << (first ? "" : ", ") << type << " " << count;
    first = false;
  }
  out << ")\n";
  out << "  quantities: " << quantities << ", relations: " << relations;
  if (counts) {
    out << ", entity graph: " << graph.node_count() << " nodes, " << graph.entity_links().size()
        << " entity links (records streamed)\n";
  } else {
    out << ", graph: " << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
  }
  out << "  most mentioned:";
  for (const auto v : TopEntities(graph, "mentions", "", 8)) {
    out << ' ' << graph.node(v).label << " (" << graph.node(v).mention_count << ")";
  }
  out << "\n  top by PageRank:";
  for (const auto v : TopEntities(graph, "pagerank", "", 8)) {
    out << ' ' << graph.node(v).label << " (" << Fixed(graph.node(v).pagerank, 3) << ")";
  }
  out << '\n';
  if (!written.empty()) {
    out << "  wrote:";
    for (const std::string& path : written) out << ' ' << path;
    out << '\n';
  }
}

}  // namespace kgx
