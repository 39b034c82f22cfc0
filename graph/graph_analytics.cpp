// Entity-graph analytics over neighbour lists (graph/neighbour_lists.h) built once from every
// entity-entity link: degree is a row's length, components a search from each unreached entity
// in order, and PageRank graph/page_rank.h's replica of Boost's (tests/graph/graph_analytics_test.cpp
// holds it to Boost's).
#include "graph/graph_analytics.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/neighbour_lists.h"
#include "graph/page_rank.h"

namespace kgx {

namespace {

// 1-based component numbers, counted in order of each component's first vertex (as
// boost::connected_components numbers them, from 0).
std::vector<std::size_t> Components(const NeighbourLists& g) {
  const std::size_t n = g.vertices();
  std::vector<std::size_t> component(n, 0);
  std::vector<std::uint32_t> pending;
  std::size_t count = 0;
  for (std::size_t first = 0; first < n; ++first) {
    if (component[first] != 0) continue;
    component[first] = ++count;
    pending.push_back(static_cast<std::uint32_t>(first));
    while (!pending.empty()) {
      const std::uint32_t v = pending.back();
      pending.pop_back();
      for (std::size_t k = g.start[v]; k < g.start[v + 1]; ++k) {
        const std::uint32_t w = g.column[k];
        if (component[w] == 0) {
          component[w] = count;
          pending.push_back(w);
        }
      }
    }
  }
  return component;
}

}  // namespace

EntityAnalytics ComputeEntityAnalytics(const KnowledgeGraph& graph, std::size_t threads) {
  const std::size_t n = graph.node_count();
  EntityAnalytics result;
  result.degree.assign(n, 0);
  result.pagerank.assign(n, 0.0);
  result.component.assign(n, 0);
  result.mention_count.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) result.mention_count[v] = graph.node(v).unlinked_mentions;

  // Entities get dense indices in node order.
  constexpr std::uint32_t kNotEntity = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> dense(n, kNotEntity);
  std::vector<std::size_t> entities;
  for (std::size_t v = 0; v < n; ++v) {
    if (graph.node(v).kind != NodeKind::kEntity) continue;
    dense[v] = static_cast<std::uint32_t>(entities.size());
    entities.push_back(v);
  }
  if (entities.empty()) return result;

  // Every link between two entities, from edges of any kind and from links without edges.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  links.reserve(graph.entity_links().size());
  for (const auto& edge : graph.edges()) {
    if (edge.data->kind == EdgeKind::kMentions) result.mention_count[edge.target] += edge.data->count;
    const std::uint32_t a = dense[edge.source], b = dense[edge.target];
    if (a != kNotEntity && b != kNotEntity) links.emplace_back(a, b);
  }
  for (const auto& [source, target] : graph.entity_links()) {
    const std::uint32_t a = dense[source], b = dense[target];
    if (a != kNotEntity && b != kNotEntity) links.emplace_back(a, b);
  }
  const NeighbourLists neighbours = BuildNeighbourLists(entities.size(), links);
  links = {};

  const std::vector<double> rank = PageRank(neighbours, threads);
  const std::vector<std::size_t> component = Components(neighbours);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::size_t v = entities[i];
    result.degree[v] = neighbours.degree(i);
    result.pagerank[v] = rank[i];
    result.component[v] = component[i];
  }
  return result;
}

}  // namespace kgx
