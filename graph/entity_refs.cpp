// A document's entity references by index (see entity_refs.h).
#include "graph/entity_refs.h"

#include <cstddef>
#include <string_view>

#include "graph/id_ordinals.h"

namespace kgx {

namespace {

// The document's entity ids in an open-addressing table (a few hundred ids, probed a few hundred
// times): flat and allocation-light, several times cheaper here than an unordered_map.
class LocalIndex {
 public:
  // `hashes`: IdOrdinals::HashOf of each entity's id, filled here.
  LocalIndex(const std::vector<Entity>& entities, std::vector<std::uint32_t>& hashes) : entities_(entities) {
    std::size_t size = 16;
    while (size < 2 * entities.size()) size *= 2;
    mask_ = size - 1;
    slots_.assign(size, EntityRefs::kUnlisted);
    hashes.reserve(entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
      hashes.push_back(IdOrdinals::HashOf(entities[i].id));
      std::uint32_t& slot = slots_[SlotOf(entities[i].id, hashes.back())];
      if (slot == EntityRefs::kUnlisted) slot = static_cast<std::uint32_t>(i);  // the first keeps its place
    }
  }

  std::uint32_t Find(std::string_view id) const { return slots_[SlotOf(id, IdOrdinals::HashOf(id))]; }

 private:
  // The slot holding `id`, or the empty one where it would go.
  std::size_t SlotOf(std::string_view id, std::uint32_t hash) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t entity = slots_[i];
      if (entity == EntityRefs::kUnlisted || entities_[entity].id == id) return i;
    }
  }

  const std::vector<Entity>& entities_;
  std::size_t mask_ = 0;
  std::vector<std::uint32_t> slots_;
};

}  // namespace

EntityRefs ResolveEntityRefs(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations) {
  EntityRefs refs;
  const LocalIndex index(document.entities, refs.entity_hashes);
  refs.mentions.reserve(document.mentions.size());
  for (const Mention& mention : document.mentions) refs.mentions.push_back(index.Find(mention.entity));
  for (const LinkedRelation& linked : linked_relations) {
    if (linked.subject.empty()) continue;
    refs.relations.emplace_back(index.Find(linked.subject), index.Find(linked.relation->object));
  }
  return refs;
}

}  // namespace kgx
