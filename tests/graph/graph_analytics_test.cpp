// The entity analytics against Boost.Graph's own page_rank and connected_components, bit for bit.
#include <catch2/catch.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "graph/knowledge_graph.h"

namespace {

// Builds a graph of `nodes` nodes and `link_count` random links among the first `linked` of them
// (`hubs` of those take a third of the links) and holds its analytics, finalized with `threads`
// threads, to Boost's.
void CheckAgainstBoost(int nodes, int link_count, int linked, int hubs, unsigned seed, std::size_t threads = 1) {
  std::mt19937 random(seed);
  kgx::KnowledgeGraph graph;
  for (int i = 0; i < nodes; ++i) {  // a few documents between the entities
    kgx::NodeData node;
    node.key = "entity/" + std::to_string(random() % 100000) + "-" + std::to_string(i);
    node.kind = i % 50 == 7 ? kgx::NodeKind::kDocument : kgx::NodeKind::kEntity;
    graph.AddNode(std::move(node));
  }
  std::vector<std::pair<std::size_t, std::size_t>> links;
  for (int i = 0; i < link_count; ++i) {  // the last ones stay alone
    const std::size_t a = i % 3 == 0 && hubs > 0 ? random() % hubs : random() % linked;
    links.emplace_back(a, random() % linked);
  }
  graph.AddEntityLinks(links);
  graph.Finalize(threads);

  // The same links, both ways, distinct, as a Boost graph over the entities in node order.
  std::vector<std::size_t> dense(graph.node_count(), 0), entities;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    if (graph.node(v).kind != kgx::NodeKind::kEntity) continue;
    dense[v] = entities.size();
    entities.push_back(v);
  }
  std::vector<std::pair<std::size_t, std::size_t>> arcs;
  for (const auto& [a, b] : graph.entity_links()) {
    if (a == b || graph.node(a).kind != kgx::NodeKind::kEntity || graph.node(b).kind != kgx::NodeKind::kEntity) continue;
    arcs.emplace_back(dense[a], dense[b]);
    arcs.emplace_back(dense[b], dense[a]);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
  const Csr boost_graph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), entities.size());
  std::vector<double> rank(entities.size());
  boost::graph::page_rank(boost_graph, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, boost_graph)),
                          boost::graph::n_iterations(50), 0.85);
  std::vector<int> component(entities.size());
  boost::connected_components(boost_graph, component.data());

  for (std::size_t i = 0; i < entities.size(); ++i) {
    const kgx::NodeData& node = graph.node(entities[i]);
    INFO(node.key);
    CHECK(node.pagerank == rank[i]);  // bit for bit
    CHECK(node.degree == boost::out_degree(i, boost_graph));
    CHECK(node.component == static_cast<std::size_t>(component[i]) + 1);
  }
}

}  // namespace

TEST_CASE("entity analytics match Boost's page_rank and connected_components on a random graph", "[graph]") {
  CheckAgainstBoost(403, 3000, 350, 0, 11);  // not a multiple of eight
}

TEST_CASE("entities without links keep degree 0 and their own component", "[graph]") {
  kgx::KnowledgeGraph graph;
  for (const char* key : {"entity/a", "entity/b", "entity/c", "entity/d", "entity/e"}) {
    kgx::NodeData node;
    node.key = key;
    graph.AddNode(std::move(node));
  }
  graph.AddEntityLinks({{0, 1}, {1, 2}});
  graph.Finalize();
  CHECK(graph.node(3).degree == 0);
  CHECK(graph.node(4).degree == 0);
  CHECK(graph.node(4).component == 3);
  CHECK(graph.node(4).pagerank == 1.0 - 0.85);  // no neighbour gives it a share
}

TEST_CASE("PageRank's rows read eight at a time match Boost's on graphs of every shape", "[graph]") {
  // Few vertices (no full group of eight), hubs (groups whose degrees differ much), sparse rows
  // of odd and even lengths, dense ones.
  for (int nodes = 1; nodes <= 17; ++nodes) CheckAgainstBoost(nodes, nodes * 2, nodes, 0, 20 + nodes);
  CheckAgainstBoost(1000, 6000, 990, 12, 5);
  CheckAgainstBoost(301, 200, 300, 0, 6);
  CheckAgainstBoost(120, 5000, 120, 3, 7);
}

TEST_CASE("PageRank on two threads gives Boost's bits", "[graph]") {
  // Large enough for the two threads to be used (64 Ki neighbour entries), with hubs and without,
  // node counts of several remainders by eight; and small ones, where one thread does it all.
  CheckAgainstBoost(9001, 60000, 8990, 20, 31, 2);
  CheckAgainstBoost(12002, 80000, 12000, 0, 32, 2);
  CheckAgainstBoost(5003, 100000, 3000, 3, 33, 2);
  CheckAgainstBoost(20000, 70000, 19000, 200, 34, 4);
  CheckAgainstBoost(403, 3000, 350, 0, 11, 2);
}
