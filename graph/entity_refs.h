// EntityRefs: which of a document's listed entities each mention and each relation between
// entities names, worked out from the document alone. Streamed runs resolve them on a worker, so
// that the merging thread adds the document to the entity graph (EntityGraphBuilder) without
// hashing an entity id per mention; that thread is the one part of the run that is not parallel.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "extractor/types.h"
#include "graph/graph_builder.h"

namespace kgx {

struct EntityRefs {
  static constexpr std::uint32_t kUnlisted = std::numeric_limits<std::uint32_t>::max();
  // Per mention, the index in document.entities of its entity (the first that has its id), or
  // kUnlisted.
  std::vector<std::uint32_t> mentions;
  // Per linked relation with a subject, in order: the indices of its subject and object.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> relations;
  // Per listed entity, IdOrdinals::HashOf its id.
  std::vector<std::uint32_t> entity_hashes;
};

// Thread-safe (reads only its arguments); `linked_relations` is LinkRelations(document).
EntityRefs ResolveEntityRefs(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations);

}  // namespace kgx
