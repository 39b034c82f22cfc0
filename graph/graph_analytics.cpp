// Entity-graph analytics with Boost.Graph: page_rank on a directed graph holding every
// entity-entity edge in both directions, connected_components on its undirected twin.
#include "graph/graph_analytics.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include <set>
#include <utility>

namespace kgx {

EntityAnalytics ComputeEntityAnalytics(const KnowledgeGraph& graph) {
  const std::size_t n = graph.node_count();
  EntityAnalytics result;
  result.degree.assign(n, 0);
  result.pagerank.assign(n, 0.0);
  result.component.assign(n, 0);
  result.mention_count.assign(n, 0);

  // Entities get dense indices in node order.
  std::vector<std::size_t> dense(n, static_cast<std::size_t>(-1));
  std::vector<std::size_t> entities;
  for (std::size_t v = 0; v < n; ++v) {
    if (graph.node(v).kind != NodeKind::kEntity) continue;
    dense[v] = entities.size();
    entities.push_back(v);
  }
  if (entities.empty()) return result;

  std::set<std::pair<std::size_t, std::size_t>> links;  // undirected, distinct
  for (const auto& edge : graph.edges()) {
    if (edge.data->kind == EdgeKind::kMentions) result.mention_count[edge.target] += edge.data->count;
    const std::size_t a = dense[edge.source];
    const std::size_t b = dense[edge.target];
    if (a == static_cast<std::size_t>(-1) || b == static_cast<std::size_t>(-1) || a == b) continue;
    links.emplace(std::min(a, b), std::max(a, b));
  }

  using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Directed directed(entities.size());
  Undirected undirected(entities.size());
  for (const auto& [a, b] : links) {
    boost::add_edge(a, b, directed);
    boost::add_edge(b, a, directed);
    boost::add_edge(a, b, undirected);
  }

  std::vector<double> rank(entities.size(), 0.0);
  boost::graph::page_rank(directed, boost::make_iterator_property_map(rank.begin(),
                                                               boost::get(boost::vertex_index, directed)),
                   boost::graph::n_iterations(50), 0.85);
  std::vector<int> component(entities.size(), 0);
  boost::connected_components(undirected, component.data());

  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::size_t v = entities[i];
    result.degree[v] = boost::out_degree(i, undirected);
    result.pagerank[v] = rank[i];
    result.component[v] = static_cast<std::size_t>(component[i]) + 1;
  }
  return result;
}

}  // namespace kgx
