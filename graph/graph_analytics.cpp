// Entity-graph analytics: one Boost compressed_sparse_row_graph holds every entity-entity link in
// both directions; connected_components and degrees come from Boost.Graph, PageRank from a
// replica of boost::graph::page_rank's step that gives the same bits over plain arrays.
#include "graph/graph_analytics.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace kgx {

namespace {

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS>;

// Runs boost::graph::page_rank's bidirectional step (50 iterations, damping 0.85) with the same
// arithmetic in the same order, so the ranks are bit for bit those of page_rank; only the
// per-edge division is hoisted to one per vertex (same operands, same result) and the in-edges
// are walked as plain arrays.
std::vector<double> PageRank(const Csr& g) {
  constexpr double kDamping = 0.85;
  constexpr int kIterations = 50;
  const std::size_t n = boost::num_vertices(g);
  std::vector<std::size_t> in_start(n + 1, 0);
  std::vector<std::size_t> in_source;
  std::vector<double> out_degree(n, 0.0);
  in_source.reserve(boost::num_edges(g));
  for (std::size_t v = 0; v < n; ++v) {
    out_degree[v] = static_cast<double>(boost::out_degree(v, g));
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) in_source.push_back(boost::source(*it, g));
    in_start[v + 1] = in_source.size();
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n, 0.0), share(n, 0.0);
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    for (std::size_t u = 0; u < n; ++u) share[u] = rank[u] / out_degree[u];
    for (std::size_t v = 0; v < n; ++v) {
      double sum = 0;
      for (std::size_t k = in_start[v]; k < in_start[v + 1]; ++k) sum += share[in_source[k]];
      next[v] = (1.0 - kDamping) + kDamping * sum;
    }
    rank.swap(next);
  }
  return rank;
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
  std::vector<std::size_t> dense(n, static_cast<std::size_t>(-1));
  std::vector<std::size_t> entities;
  for (std::size_t v = 0; v < n; ++v) {
    if (graph.node(v).kind != NodeKind::kEntity) continue;
    dense[v] = entities.size();
    entities.push_back(v);
  }
  if (entities.empty()) return result;

  // Links, undirected, distinct and sorted. Edges come in (source, target) order and dense
  // indices keep node order, so the links of edges pointing "up" are already sorted; only the
  // others (a relation from a later to an earlier key) need sorting before the merge.
  std::vector<std::pair<std::size_t, std::size_t>> up, down;
  for (const auto& edge : graph.edges()) {
    if (edge.data->kind == EdgeKind::kMentions) result.mention_count[edge.target] += edge.data->count;
    const std::size_t a = dense[edge.source];
    const std::size_t b = dense[edge.target];
    if (a == static_cast<std::size_t>(-1) || b == static_cast<std::size_t>(-1) || a == b) continue;
    if (a < b) {
      up.emplace_back(a, b);
    } else {
      down.emplace_back(b, a);
    }
  }
  for (const auto& [source, target] : graph.entity_links()) {
    const std::size_t a = dense[source];
    const std::size_t b = dense[target];
    if (a == static_cast<std::size_t>(-1) || b == static_cast<std::size_t>(-1) || a == b) continue;
    down.emplace_back(std::min(a, b), std::max(a, b));
  }
  if (!std::is_sorted(up.begin(), up.end())) std::sort(up.begin(), up.end());
  std::sort(down.begin(), down.end());
  std::vector<std::pair<std::size_t, std::size_t>> links;
  links.reserve(up.size() + down.size());
  std::merge(up.begin(), up.end(), down.begin(), down.end(), std::back_inserter(links));
  links.erase(std::unique(links.begin(), links.end()), links.end());

  // Both directions of every link, sorted by (source, target) with a counting sort: walking the
  // sorted links, each vertex receives its smaller neighbours first, then its larger ones, each
  // in ascending order.
  std::vector<std::size_t> start(entities.size() + 1, 0);
  for (const auto& [a, b] : links) {
    ++start[a + 1];
    ++start[b + 1];
  }
  for (std::size_t i = 0; i < entities.size(); ++i) start[i + 1] += start[i];
  std::vector<std::pair<std::size_t, std::size_t>> arcs(links.size() * 2);
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const auto& [a, b] : links) {
      arcs[fill[a]++] = {a, b};
      arcs[fill[b]++] = {b, a};
    }
  }
  const Csr graph_view(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), entities.size());

  const std::vector<double> rank = PageRank(graph_view);
  std::vector<int> component(entities.size(), 0);
  boost::connected_components(graph_view, component.data());

  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::size_t v = entities[i];
    result.degree[v] = boost::out_degree(i, graph_view);
    result.pagerank[v] = rank[i];
    result.component[v] = static_cast<std::size_t>(component[i]) + 1;
  }
  return result;
}

}  // namespace kgx
