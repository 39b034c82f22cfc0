// The entity-level graph of streamed runs (see entity_graph_builder.h).
#include "graph/entity_graph_builder.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "graph/graph_builder.h"

namespace kgx {

void EntityGraphBuilder::Add(const DocumentResult& document) {
  const std::string doc_id = DocumentId(++documents_);
  graph_.AddNode(DocumentNode(document, doc_id));
  if (auto event = EventNode(document, doc_id)) graph_.AddNode(std::move(*event));

  std::unordered_map<std::string_view, std::uint32_t> node_of;
  node_of.reserve(document.entities.size());
  for (const Entity& entity : document.entities) {
    const auto existing = graph_.Find(entity.id);
    node_of.emplace(entity.id, static_cast<std::uint32_t>(existing ? *existing : graph_.AddNode(EntityNode(entity))));
  }
  if (mentions_.size() < graph_.node_count()) mentions_.resize(graph_.node_count(), 0);

  // Mentions, and a link for every two entities of one section; each link is looked up once per
  // document, however many of its sections share it.
  std::vector<std::pair<std::size_t, std::uint32_t>> members;  // (section, entity node)
  members.reserve(document.mentions.size());
  for (const Mention& mention : document.mentions) {
    const std::uint32_t node = node_of.at(mention.entity);
    ++mentions_[node];
    members.emplace_back(mention.section, node);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t begin = 0, end = 0; begin < members.size(); begin = end) {
    while (end < members.size() && members[end].first == members[begin].first) ++end;
    for (std::size_t a = begin; a < end; ++a) {
      for (std::size_t b = a + 1; b < end; ++b) pairs.emplace_back(members[a].second, members[b].second);
    }
  }
  // Relations between two entities link them too; those of a section do not.
  for (const LinkedRelation& linked : LinkRelations(document)) {
    if (linked.subject.empty()) continue;
    const std::uint32_t subject = node_of.at(linked.subject);
    const std::uint32_t object = node_of.at(linked.relation->object);
    pairs.emplace_back(std::min(subject, object), std::max(subject, object));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [a, b] : pairs) links_.Insert(a, b);
}

KnowledgeGraph EntityGraphBuilder::Finish() {
  for (std::size_t v = 0; v < mentions_.size(); ++v) {
    if (mentions_[v] > 0) graph_.MutableNode(v).unlinked_mentions = mentions_[v];
  }
  graph_.AddEntityLinks(links_.Sorted());
  graph_.Finalize();
  KnowledgeGraph done = std::move(graph_);
  *this = EntityGraphBuilder();
  return done;
}

}  // namespace kgx
