// The entity-level graph of streamed runs (see entity_graph_builder.h).
#include "graph/entity_graph_builder.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace kgx {

std::uint32_t EntityGraphBuilder::OrdinalOf(std::uint32_t index, const std::vector<std::uint32_t>& ordinals,
                                            std::string_view entity_id) const {
  if (index != EntityRefs::kUnlisted) return ordinals[index];
  const std::uint32_t ordinal = ordinals_.Find(entity_id);
  if (ordinal == IdOrdinals::kNone) {
    throw std::out_of_range("a mention or relation of an entity no document lists: " + std::string(entity_id));
  }
  return ordinal;
}

void EntityGraphBuilder::Add(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations) {
  Add(document, linked_relations, ResolveEntityRefs(document, linked_relations));
}

void EntityGraphBuilder::Add(const DocumentResult& document, const std::vector<LinkedRelation>& linked_relations,
                             const EntityRefs& refs) {
  const std::string doc_id = DocumentId(++documents_);
  graph_.AddNode(DocumentNode(document, doc_id));
  if (auto event = EventNode(document, doc_id)) graph_.AddNode(std::move(*event));

  // Entities by their ordinal (the order the run first met them): dense numbers for the pair set.
  std::vector<std::string_view> ids;
  ids.reserve(document.entities.size());
  for (const Entity& entity : document.entities) ids.push_back(entity.id);
  std::vector<std::uint32_t> ordinals;
  ordinals_.AddAll(ids, refs.entity_hashes, ordinals);
  for (std::size_t i = 0; i < ordinals.size(); ++i) {
    if (ordinals[i] < node_of_.size()) continue;
    node_of_.push_back(graph_.AddNode(EntityNode(document.entities[i])));
    mentions_.push_back(0);
  }

  // Mentions, and a link for every two entities of one section; each link is looked up once per
  // document, however many of its sections share it.
  std::vector<std::pair<std::size_t, std::uint32_t>> members;  // (section, entity ordinal)
  members.reserve(document.mentions.size());
  for (std::size_t m = 0; m < document.mentions.size(); ++m) {
    const std::uint32_t entity = OrdinalOf(refs.mentions[m], ordinals, document.mentions[m].entity);
    ++mentions_[entity];
    members.emplace_back(document.mentions[m].section, entity);
  }
  // Mentions come in the order of their starts, so a section's are already together: then only
  // each section's few entities are sorted, not the document's mentions as one list.
  const auto by_section = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(members.begin(), members.end(), by_section)) {
    std::stable_sort(members.begin(), members.end(), by_section);
  }
  std::vector<std::uint32_t> section_entities;  // one section's, ascending, distinct
  for (std::size_t begin = 0, end = 0; begin < members.size(); begin = end) {
    section_entities.clear();
    for (; end < members.size() && members[end].first == members[begin].first; ++end) {
      section_entities.push_back(members[end].second);
    }
    std::sort(section_entities.begin(), section_entities.end());
    section_entities.erase(std::unique(section_entities.begin(), section_entities.end()), section_entities.end());
    links_.InsertAll(section_entities.data(), section_entities.size());
  }
  // Relations between two entities link them too; those of a section do not.
  std::size_t r = 0;
  for (const LinkedRelation& linked : linked_relations) {
    if (linked.subject.empty()) continue;
    const auto [subject_index, object_index] = refs.relations[r++];
    const std::uint32_t subject = OrdinalOf(subject_index, ordinals, linked.subject);
    const std::uint32_t object = OrdinalOf(object_index, ordinals, linked.relation->object);
    links_.Insert(std::min(subject, object), std::max(subject, object));
  }
}

KnowledgeGraph EntityGraphBuilder::Finish(std::size_t threads) {
  for (std::size_t e = 0; e < mentions_.size(); ++e) graph_.MutableNode(node_of_[e]).unlinked_mentions = mentions_[e];
  std::vector<std::pair<std::size_t, std::size_t>> links = links_.Pairs();
  for (auto& [a, b] : links) {
    a = node_of_[a];
    b = node_of_[b];
  }
  graph_.AddEntityLinks(std::move(links));
  graph_.Finalize(threads);
  KnowledgeGraph done = std::move(graph_);
  *this = EntityGraphBuilder();
  return done;
}

}  // namespace kgx
