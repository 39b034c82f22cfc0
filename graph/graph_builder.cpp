// Building the graph from DocumentResults (see graph_builder.h). Relations without a subject
// belong to their section: to the company presenting it when the notes name one, else to the
// section itself.
#include "graph/graph_builder.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "extractor/slug.h"

namespace kgx {

std::string DocumentId(std::size_t number) { return "D" + std::to_string(number); }
std::string SectionId(const std::string& doc_id, std::size_t line) {
  return doc_id + "#L" + std::to_string(line);
}

namespace {

std::string SectionKey(const std::string& doc_id, std::size_t line) {
  return "section/" + doc_id + ".L" + std::to_string(line);
}

// Returns true when `a` comes before `b` in input order (D2 before D10, then line, then offset).
bool EarlierPlace(const Provenance& a, const Provenance& b) {
  if (a.doc.size() != b.doc.size()) return a.doc.size() < b.doc.size();
  return std::tie(a.doc, a.line, a.start) < std::tie(b.doc, b.line, b.start);
}

std::string SectionLabel(const Section& section) {
  return section.code.empty() ? section.title : section.code + " " + section.title;
}

}  // namespace

std::vector<LinkedRelation> LinkRelations(const DocumentResult& document) {
  // The document's companies (sorted ids), looked up only when a section names a presenter:
  // most relations are not presented_by, and documents list hundreds of entities.
  const bool names_presenters = std::any_of(document.relations.begin(), document.relations.end(),
                                            [](const Relation& r) { return r.predicate == "presented_by"; });
  std::vector<std::string_view> companies;
  if (names_presenters) {
    for (const Entity& entity : document.entities) {
      if (entity.type == EntityType::kCompany) companies.push_back(entity.id);
    }
    std::sort(companies.begin(), companies.end());
  }
  const auto is_company = [&](const std::string& id) {
    return std::binary_search(companies.begin(), companies.end(), std::string_view(id));
  };
  std::map<std::size_t, std::string_view> presenter;  // section -> company
  for (const Relation& r : document.relations) {
    if (r.predicate == "presented_by" && !presenter.count(r.section) && is_company(r.object)) presenter[r.section] = r.object;
  }
  std::vector<LinkedRelation> linked;
  linked.reserve(document.relations.size());
  for (const Relation& r : document.relations) {
    const auto kind = ParseEdgeKind(r.predicate);
    if (!kind) continue;
    std::string_view subject = r.subject;
    if (subject.empty() && *kind != EdgeKind::kPresentedBy && *kind != EdgeKind::kAnnounced) {
      if (const auto it = presenter.find(r.section); it != presenter.end()) subject = it->second;
    }
    if (subject == r.object) continue;
    linked.push_back({&r, *kind, subject});
  }
  return linked;
}

NodeData DocumentNode(const DocumentResult& document, const std::string& doc_id) {
  NodeData node;
  node.key = "document/" + doc_id;
  node.kind = NodeKind::kDocument;
  node.type = "document";
  node.id = doc_id;
  node.path = document.path;
  node.title = document.title;
  node.event = document.event;
  node.label = document.title.empty() ? document.path : document.title;
  node.provenance = Provenance{doc_id, "", document.path, 1, 0, 0, document.title, ""};
  return node;
}

std::optional<NodeData> EventNode(const DocumentResult& document, const std::string& doc_id) {
  if (document.event.empty()) return std::nullopt;
  NodeData event;
  event.key = "event/" + Slugify(document.event);
  event.kind = NodeKind::kEvent;
  event.type = "event";
  event.id = event.key;
  event.label = document.event;
  event.title = document.event;
  event.provenance = Provenance{doc_id, "", document.path, 0, 0, 0, document.event, ""};
  return event;
}

NodeData EntityNode(const Entity& entity) {
  NodeData node;
  node.key = entity.id;
  node.kind = NodeKind::kEntity;
  node.type = std::string(EntityTypeName(entity.type));
  node.id = entity.id;
  node.label = entity.name;
  node.aliases = entity.aliases;
  node.discovered = entity.discovered;
  return node;
}

void GraphBuilder::Add(const DocumentResult& document) {
  const std::string doc_id = DocumentId(++documents_);
  const auto doc_index = graph_.AddNode(DocumentNode(document, doc_id));
  std::optional<KnowledgeGraph::NodeIndex> event_index;
  if (auto event = EventNode(document, doc_id)) event_index = graph_.AddNode(std::move(*event));

  // Sections.
  std::vector<KnowledgeGraph::NodeIndex> section_nodes;
  std::vector<std::string> section_ids;
  for (const Section& section : document.sections) {
    NodeData node;
    node.key = SectionKey(doc_id, section.line);
    node.kind = NodeKind::kSection;
    node.type = std::string(SectionKindName(section.kind));
    node.id = SectionId(doc_id, section.line);
    node.code = section.code;
    node.title = section.title;
    node.label = SectionLabel(section);
    node.path = document.path;
    node.event = document.event;
    node.provenance = Provenance{doc_id, node.id, document.path, section.line, 0, 0, section.title, ""};
    section_ids.push_back(node.id);
    const auto index = graph_.AddNode(std::move(node));
    section_nodes.push_back(index);
    EdgeData has;
    has.kind = EdgeKind::kHasSection;
    has.evidence.push_back(Provenance{doc_id, section_ids.back(), document.path, section.line, 0, 0, section.title, ""});
    graph_.AddEdge(doc_index, index, has);
    if (event_index) {
      EdgeData part;
      part.kind = EdgeKind::kPartOfEvent;
      graph_.AddEdge(index, *event_index, part);
    }
  }

  // Entities and mentions. A node is built only for an entity the graph does not have yet.
  std::unordered_map<std::string, KnowledgeGraph::NodeIndex> entity_nodes;
  entity_nodes.reserve(document.entities.size());
  for (const Entity& entity : document.entities) {
    if (const auto existing = graph_.Find(entity.id)) {
      entity_nodes.emplace(entity.id, *existing);
      continue;
    }
    entity_nodes.emplace(entity.id, graph_.AddNode(EntityNode(entity)));
  }
  // One mentions edge per (section, entity) of this document, with every occurrence as evidence.
  std::unordered_map<std::uint64_t, std::size_t> mention_edge;  // (section, entity) -> index below
  std::vector<std::pair<std::pair<std::size_t, KnowledgeGraph::NodeIndex>, EdgeData>> mention_edges;
  for (const Mention& mention : document.mentions) {
    const auto entity = entity_nodes.at(mention.entity);
    Provenance where{doc_id, section_ids[mention.section], document.path, mention.line,
                     mention.start, mention.end, mention.text, mention.context};
    const NodeData& seen = graph_.node(entity);
    if (!seen.provenance || EarlierPlace(where, *seen.provenance)) graph_.MutableNode(entity).provenance = where;
    const std::uint64_t key = (static_cast<std::uint64_t>(mention.section) << 32) ^ entity;
    auto [it, added] = mention_edge.try_emplace(key, mention_edges.size());
    if (added) {
      EdgeData edge;
      edge.kind = EdgeKind::kMentions;
      edge.weight = 0.0;
      edge.count = 0;
      mention_edges.push_back({{mention.section, entity}, std::move(edge)});
    }
    EdgeData& edge = mention_edges[it->second].second;
    edge.weight += 1.0;
    edge.count += 1;
    edge.evidence.push_back(std::move(where));
  }
  for (auto& [ends, edge] : mention_edges) graph_.AddEdge(section_nodes[ends.first], ends.second, std::move(edge));

  // Co-occurrence is derived from the mentions edges once, in Finish().

  // Quantities.
  for (const Quantity& q : document.quantities) {
    NodeData node;
    node.key = "quantity/" + doc_id + ".L" + std::to_string(q.line) + "." + std::to_string(q.start);
    node.kind = NodeKind::kQuantity;
    node.type = "quantity";
    node.id = node.key;
    node.label = q.text;
    node.value = q.value;
    node.min = q.min;
    node.max = q.max;
    node.unit = q.unit;
    node.per = q.per;
    Provenance where{doc_id, section_ids[q.section], document.path, q.line, q.start, q.end, q.text, ""};
    node.provenance = where;
    const auto index = graph_.AddNode(std::move(node));
    EdgeData states;
    states.kind = EdgeKind::kStates;
    states.evidence.push_back(where);
    graph_.AddEdge(section_nodes[q.section], index, std::move(states));
    if (!q.measures.empty()) {
      EdgeData measures;
      measures.kind = EdgeKind::kMeasures;
      measures.evidence.push_back(where);
      graph_.AddEdge(index, entity_nodes.at(q.measures), std::move(measures));
    }
  }

  // Relations.
  for (const LinkedRelation& linked : LinkRelations(document)) {
    const Relation& r = *linked.relation;
    const auto subject = linked.subject.empty() ? section_nodes[r.section] : entity_nodes.at(std::string(linked.subject));
    EdgeData edge;
    edge.kind = linked.kind;
    edge.role = r.role;
    edge.evidence.push_back(Provenance{doc_id, section_ids[r.section], document.path, r.line, 0, 0, r.text, ""});
    graph_.AddEdge(subject, entity_nodes.at(r.object), std::move(edge));
  }
}

KnowledgeGraph GraphBuilder::Finish() {
  graph_.DeriveCoOccurrences();
  graph_.Finalize();
  KnowledgeGraph done = std::move(graph_);
  graph_ = KnowledgeGraph();
  documents_ = 0;
  return done;
}

}  // namespace kgx
