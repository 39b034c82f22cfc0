// EntityGraphBuilder: the entity-level part of the knowledge graph, for runs that stream their
// per-document records (`kgx extract --format jsonl`) instead of keeping them. It holds documents,
// events, entities with their mention counts, and each pair of linked entities once (they occur
// in one section, or a relation joins them): memory grows with the entities and their links, not
// with the mentions. Degree, PageRank and components come out as in the full graph
// (GraphBuilder), whose entity links are the same; the links carry no edge data (weights and
// evidence are the full graph's).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractor/types.h"
#include "graph/entity_refs.h"
#include "graph/graph_builder.h"
#include "graph/id_ordinals.h"
#include "graph/knowledge_graph.h"
#include "graph/pair_set.h"

namespace kgx {

class EntityGraphBuilder {
 public:
  // Adds the next document (D1, D2, … in the order added), with its LinkRelations(document).
  void Add(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations);
  // The same, with `refs` = ResolveEntityRefs(document, linked_relations) worked out beforehand
  // (on a worker): no entity id is looked up here but those of the document's entity list.
  void Add(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations,
           const EntityRefs& refs);
  // Finalizes (with up to `threads` threads, see KnowledgeGraph::Finalize) and returns the graph;
  // the builder is empty afterwards.
  KnowledgeGraph Finish(std::size_t threads = 1);

 private:
  // The ordinal of document entity `index` (EntityRefs), given the document's `ordinals`; an id
  // this document does not list is looked up among those of the documents before it.
  std::uint32_t OrdinalOf(std::uint32_t index, const std::vector<std::uint32_t>& ordinals,
                          std::string_view entity_id) const;

  KnowledgeGraph graph_;
  std::size_t documents_ = 0;
  IdOrdinals ordinals_;                  // entity id -> entity ordinal
  std::vector<std::size_t> mentions_;    // by entity ordinal
  std::vector<std::size_t> node_of_;     // entity ordinal -> node index
  PairSet links_;                        // (smaller ordinal, larger ordinal)
};

}  // namespace kgx
