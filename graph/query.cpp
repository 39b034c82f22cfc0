// Query answers over the finalized graph (see query.h).
#include "graph/query.h"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/normalizer.h"

namespace kgx {

namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool DocLess(const Provenance& a, const Provenance& b) {
  if (a.doc.size() != b.doc.size()) return a.doc.size() < b.doc.size();
  if (a.doc != b.doc) return a.doc < b.doc;
  return std::tie(a.line, a.start) < std::tie(b.line, b.start);
}

}  // namespace

EntityLookup FindEntity(const KnowledgeGraph& graph, std::string_view name, std::string_view type) {
  EntityLookup lookup;
  const std::string wanted = NormalizeForMatching(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind != NodeKind::kEntity || (!type.empty() && node.type != type)) continue;
    std::size_t best = std::string::npos;
    const auto consider = [&](const std::string& candidate) {
      const std::string folded = NormalizeForMatching(candidate);
      if (folded == wanted) best = 0;
      else best = std::min(best, EditDistance(folded, wanted));
    };
    consider(node.label);
    consider(node.id);
    for (const std::string& alias : node.aliases) consider(alias);
    if (best == 0) {
      // Prefer the canonical name over an alias shared by two entities.
      if (!lookup.node || NormalizeForMatching(node.label) == wanted) lookup.node = v;
      continue;
    }
    scored.emplace_back(best, node.label);
  }
  if (lookup.node) return lookup;
  std::sort(scored.begin(), scored.end());
  for (std::size_t i = 0; i < scored.size() && lookup.suggestions.size() < 5; ++i) {
    if (scored[i].first > std::max<std::size_t>(3, wanted.size() / 2)) break;
    lookup.suggestions.push_back(scored[i].second);
  }
  return lookup;
}

std::vector<SectionHit> SectionsMentioningAll(const KnowledgeGraph& graph,
                                              const std::vector<KnowledgeGraph::NodeIndex>& entities,
                                              std::string_view section_kind) {
  std::map<KnowledgeGraph::NodeIndex, std::vector<Provenance>> evidence;
  std::map<KnowledgeGraph::NodeIndex, std::size_t> matched;
  for (const auto entity : std::set<KnowledgeGraph::NodeIndex>(entities.begin(), entities.end())) {
    for (const auto& edge : graph.InEdges(entity)) {
      if (edge.data->kind != EdgeKind::kMentions) continue;
      const NodeData& section = graph.node(edge.source);
      if (!section_kind.empty() && section.type != section_kind) continue;
      matched[edge.source]++;
      auto& list = evidence[edge.source];
      list.insert(list.end(), edge.data->evidence.begin(), edge.data->evidence.end());
    }
  }
  const std::size_t needed = std::set<KnowledgeGraph::NodeIndex>(entities.begin(), entities.end()).size();
  std::vector<SectionHit> hits;
  for (auto& [section, list] : evidence) {
    if (matched[section] != needed) continue;
    std::sort(list.begin(), list.end(), DocLess);
    hits.push_back({section, std::move(list)});
  }
  std::sort(hits.begin(), hits.end(), [&](const SectionHit& a, const SectionHit& b) {
    return DocLess(*graph.node(a.section).provenance, *graph.node(b.section).provenance);
  });
  return hits;
}

std::vector<Neighbor> NeighborsOf(const KnowledgeGraph& graph, KnowledgeGraph::NodeIndex entity,
                                  std::string_view type, std::string_view relation) {
  std::vector<Neighbor> out;
  const auto add = [&](const KnowledgeGraph::Edge& edge, bool outgoing) {
    const auto other = outgoing ? edge.target : edge.source;
    const NodeData& node = graph.node(other);
    if (node.kind != NodeKind::kEntity) return;
    if (!type.empty() && node.type != type) return;
    const std::string name(EdgeKindName(edge.data->kind));
    if (!relation.empty() && name != relation) return;
    out.push_back({other, name, outgoing, edge.data->weight, edge.data->role, edge.data->evidence});
  };
  for (const auto& edge : graph.OutEdges(entity)) add(edge, true);
  for (const auto& edge : graph.InEdges(entity)) add(edge, false);
  std::stable_sort(out.begin(), out.end(), [&](const Neighbor& a, const Neighbor& b) {
    const bool a_rel = a.relation != "co_occurs", b_rel = b.relation != "co_occurs";
    if (a_rel != b_rel) return a_rel;
    if (a.weight != b.weight) return a.weight > b.weight;
    return graph.node(a.node).key < graph.node(b.node).key;
  });
  return out;
}

std::vector<KnowledgeGraph::NodeIndex> TopEntities(const KnowledgeGraph& graph, std::string_view by,
                                                   std::string_view type, std::size_t limit) {
  std::vector<KnowledgeGraph::NodeIndex> entities;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kEntity && (type.empty() || node.type == type)) entities.push_back(v);
  }
  const auto score = [&](KnowledgeGraph::NodeIndex v) {
    const NodeData& node = graph.node(v);
    if (by == "degree") return static_cast<double>(node.degree);
    if (by == "mentions") return static_cast<double>(node.mention_count);
    return node.pagerank;
  };
  std::stable_sort(entities.begin(), entities.end(), [&](auto a, auto b) { return score(a) > score(b); });
  if (entities.size() > limit) entities.resize(limit);
  return entities;
}

}  // namespace kgx
