// Questions answered from the graph: which sections mention an entity, its neighbours, the
// shortest chain of relations between two entities, the top entities. Names are looked up by
// canonical name or any alias, after normalization (case, width, katakana forms in the rules).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgx {

struct EntityLookup {
  std::optional<KnowledgeGraph::NodeIndex> node;
  std::vector<std::string> suggestions;  // closest known names when not found
};

// Finds the entity named `name` (optionally of entity type `type`, "" = any).
EntityLookup FindEntity(const KnowledgeGraph& graph, std::string_view name, std::string_view type = "");

struct SectionHit {
  KnowledgeGraph::NodeIndex section;
  std::vector<Provenance> evidence;  // mentions of every asked entity, in document order
};

// Returns the sections that mention every one of `entities`, in document and line order.
std::vector<SectionHit> SectionsMentioningAll(const KnowledgeGraph& graph,
                                              const std::vector<KnowledgeGraph::NodeIndex>& entities,
                                              std::string_view section_kind = "");

struct Neighbor {
  KnowledgeGraph::NodeIndex node;
  std::string relation;  // edge kind; "co_occurs" etc.
  bool outgoing;         // true: entity -> neighbor
  double weight;
  std::string role;
  std::vector<Provenance> evidence;
};

// Returns the entities related to `entity` (relations, co-occurrence, measures skipped),
// strongest first, optionally filtered by neighbour type and relation name.
std::vector<Neighbor> NeighborsOf(const KnowledgeGraph& graph, KnowledgeGraph::NodeIndex entity,
                                  std::string_view type = "", std::string_view relation = "");

// Returns entities ordered by `by` ("pagerank", "degree" or "mentions"), ties by key.
std::vector<KnowledgeGraph::NodeIndex> TopEntities(const KnowledgeGraph& graph, std::string_view by,
                                                   std::string_view type, std::size_t limit);

}  // namespace kgx
