// Analytics of the entity graph (entities and the relation edges between them): degree,
// PageRank and connected components from Boost.Graph's algorithms, plus mention counts.
// Computed by KnowledgeGraph::Finalize and stored on the nodes for every exporter.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgx {

struct EntityAnalytics {
  // One value per node index; 0 for nodes that are not entities.
  std::vector<std::size_t> degree;         // distinct entity neighbours
  std::vector<double> pagerank;            // damping 0.85, over entity-entity edges both ways
  std::vector<std::size_t> component;      // 1-based, numbered in node order
  std::vector<std::size_t> mention_count;  // occurrences in sections
};

// Computes the analytics of a finalized graph; with `threads` >= 2, PageRank on two threads (the
// same bits).
EntityAnalytics ComputeEntityAnalytics(const KnowledgeGraph& graph, std::size_t threads = 1);

}  // namespace kgx
