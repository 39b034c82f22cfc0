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
// bits are the same. The neighbours the four have in common count (the first `shared` of each
// row) are copied once, interleaved, so that one pointer walks the four rows.
std::vector<double> PageRank(const NeighbourLists& g) {
  constexpr double kDamping = 0.85;
  constexpr int kIterations = 50;
  const std::size_t n = g.vertices();
  std::vector<std::uint32_t> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), std::uint32_t{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return g.degree(a) < g.degree(b); });
  const std::size_t groups = n / 4;
  // Group q's quads: interleaved[begin[q] .. begin[q + 1]), the k-th neighbour of each of its
  // four vertices at 4k .. 4k + 3.
  std::vector<std::size_t> begin(groups + 1, 0);
  for (std::size_t q = 0; q < groups; ++q) begin[q + 1] = begin[q] + 4 * g.degree(by_degree[4 * q]);
  std::vector<std::uint32_t> interleaved(begin[groups]);
  for (std::size_t q = 0; q < groups; ++q) {
    for (std::size_t lane = 0; lane < 4; ++lane) {
      const std::uint32_t* row = g.column.data() + g.start[by_degree[4 * q + lane]];
      for (std::size_t k = 0; 4 * k < begin[q + 1] - begin[q]; ++k) interleaved[begin[q] + 4 * k + lane] = row[k];
    }
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n, 0.0), share(n, 0.0);
  // Adds the shares of v's neighbours from the k-th on to `sum` and stores v's next rank.
  const auto finish = [&](std::uint32_t v, std::size_t k, double sum) {
    for (std::size_t i = g.start[v] + k; i < g.start[v + 1]; ++i) sum += share[g.column[i]];
    next[v] = (1.0 - kDamping) + kDamping * sum;
  };
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    for (std::size_t u = 0; u < n; ++u) share[u] = rank[u] / static_cast<double>(g.degree(u));
    for (std::size_t q = 0; q < groups; ++q) {
      const std::uint32_t* quad = interleaved.data() + begin[q];
      const std::uint32_t* const end = interleaved.data() + begin[q + 1];
      const std::uint32_t* const pairs_end = quad + (end - quad) / 8 * 8;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (; quad != pairs_end; quad += 8) {  // two quads a step: half the loop's own instructions
        s0 += share[quad[0]];
        s1 += share[quad[1]];
        s2 += share[quad[2]];
        s3 += share[quad[3]];
        s0 += share[quad[4]];
        s1 += share[quad[5]];
        s2 += share[quad[6]];
        s3 += share[quad[7]];
      }
      if (quad != end) {
        s0 += share[quad[0]];
        s1 += share[quad[1]];
        s2 += share[quad[2]];
        s3 += share[quad[3]];
      }
      const std::size_t shared = (begin[q + 1] - begin[q]) / 4;
      finish(by_degree[4 * q], shared, s0);
      finish(by_degree[4 * q + 1], shared, s1);
      finish(by_degree[4 * q + 2], shared, s2);
      finish(by_degree[4 * q + 3], shared, s3);
    }
    for (std::size_t i = 4 * groups; i < n; ++i) finish(by_degree[i], 0, 0.0);
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
