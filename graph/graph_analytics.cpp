// Entity-graph analytics over neighbour lists (graph/neighbour_lists.h) built once from every
// entity-entity link: degree is a row's length, components a search from each unreached entity
// in order, and PageRank a replica of boost::graph::page_rank's bidirectional step that gives the
// same bits (tests/graph/graph_analytics_test.cpp holds it to Boost's).
#include "graph/graph_analytics.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "graph/neighbour_lists.h"

namespace kgx {

namespace {

// boost::graph::page_rank over a graph holding every link both ways (50 iterations, damping
// 0.85), with the same arithmetic in the same order: a vertex adds its neighbours' shares in
// ascending order, as Boost walks its in-edges. Four vertices of about the same degree are summed
// side by side so that their chains of additions overlap; each chain keeps its own order, so the
// bits are the same.
std::vector<double> PageRank(const NeighbourLists& g) {
  constexpr double kDamping = 0.85;
  constexpr int kIterations = 50;
  const std::size_t n = g.vertices();
  std::vector<std::uint32_t> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), std::uint32_t{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return g.degree(a) < g.degree(b); });
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n, 0.0), share(n, 0.0);
  // Adds the shares of v's neighbours from the k-th on to `sum` and stores v's next rank.
  const auto finish = [&](std::uint32_t v, std::size_t k, double sum) {
    for (std::size_t i = g.start[v] + k; i < g.start[v + 1]; ++i) sum += share[g.column[i]];
    next[v] = (1.0 - kDamping) + kDamping * sum;
  };
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    for (std::size_t u = 0; u < n; ++u) share[u] = rank[u] / static_cast<double>(g.degree(u));
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      const std::uint32_t v0 = by_degree[i], v1 = by_degree[i + 1], v2 = by_degree[i + 2], v3 = by_degree[i + 3];
      const std::uint32_t* r0 = g.column.data() + g.start[v0];
      const std::uint32_t* r1 = g.column.data() + g.start[v1];
      const std::uint32_t* r2 = g.column.data() + g.start[v2];
      const std::uint32_t* r3 = g.column.data() + g.start[v3];
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      const std::size_t shared = g.degree(v0);  // the smallest of the four
      for (std::size_t k = 0; k < shared; ++k) {
        s0 += share[r0[k]];
        s1 += share[r1[k]];
        s2 += share[r2[k]];
        s3 += share[r3[k]];
      }
      finish(v0, shared, s0);
      finish(v1, shared, s1);
      finish(v2, shared, s2);
      finish(v3, shared, s3);
    }
    for (; i < n; ++i) finish(by_degree[i], 0, 0.0);
    rank.swap(next);
  }
  return rank;
}

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

EntityAnalytics ComputeEntityAnalytics(const KnowledgeGraph& graph) {
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

  const std::vector<double> rank = PageRank(neighbours);
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
