// Streamed JSON Lines (see jsonl_stream.h).
#include "exporters/jsonl_stream.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "exporters/json_writer.h"
#include "exporters/jsonl_records.h"
#include "exporters/ordered_records.h"
#include "graph/graph_builder.h"

namespace kgx {

namespace {

// The graph keeps one quantity per place (its node key): the first. Returns the index of each
// quantity that is the first at its start, by start.
std::vector<std::size_t> FirstAtTheirPlace(const std::vector<Quantity>& quantities) {
  std::vector<std::pair<std::size_t, std::size_t>> places;  // (start, index)
  places.reserve(quantities.size());
  for (std::size_t i = 0; i < quantities.size(); ++i) places.emplace_back(quantities[i].start, i);
  std::sort(places.begin(), places.end());
  std::vector<std::size_t> first;
  first.reserve(places.size());
  for (std::size_t k = 0; k < places.size(); ++k) {
    if (k == 0 || places[k].first != places[k - 1].first) first.push_back(places[k].second);
  }
  return first;
}

// Returns about the bytes of the document's records, a little more rather than less: every
// mention repeats its line as context, so the records are several times the document.
std::size_t EstimatedRecordBytes(const DocumentResult& document) {
  constexpr std::size_t kRecordFrame = 192;  // keys, ids and numbers of one record
  std::size_t bytes = 0;
  for (const Section& s : document.sections) bytes += kRecordFrame + s.title.size() + s.code.size();
  for (const Mention& m : document.mentions) bytes += kRecordFrame + m.entity.size() + m.text.size() + m.context.size();
  for (const Quantity& q : document.quantities) bytes += kRecordFrame + q.text.size() + q.measures.size();
  for (const Relation& r : document.relations) bytes += kRecordFrame + r.object.size() + r.text.size();
  return bytes + bytes / 8;
}

}  // namespace

DocumentRecords RenderDocumentRecords(const DocumentResult& document, std::size_t number) {
  const std::string doc_id = DocumentId(number);
  DocumentRecords rendered;
  std::string& out = rendered.text;
  out.reserve(EstimatedRecordBytes(document));
  std::vector<std::string> section_ids, places;  // places: PlaceJson of each section
  section_ids.reserve(document.sections.size());
  places.reserve(document.sections.size());
  rendered.linked_relations = LinkRelations(document);
  const std::vector<LinkedRelation>& linked_relations = rendered.linked_relations;
  rendered.entity_refs = ResolveEntityRefs(document, linked_relations);
  // IsSectionPresenter(EdgeKindName(kind), …), without the name.
  const auto is_section_presenter = [](const LinkedRelation& linked) {
    return linked.kind == EdgeKind::kPresentedBy && linked.subject.empty();
  };
  std::vector<std::vector<std::string_view>> presenters(document.sections.size());
  for (const LinkedRelation& linked : linked_relations) {
    if (is_section_presenter(linked)) {
      presenters[linked.relation->section].push_back(linked.relation->object);
    }
  }
  RecordRun records(out);
  for (std::size_t i = 0; i < document.sections.size(); ++i) {
    const Section& s = document.sections[i];
    std::vector<std::string_view>& ids = presenters[i];
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    section_ids.push_back(SectionId(doc_id, s.line));
    places.push_back(PlaceJson(doc_id, section_ids.back()));
    records.Add(out, s.line,
                SectionRecord{section_ids.back(), doc_id, SectionKindName(s.kind), s.code, s.title, s.line, ids});
  }
  records.End(out);
  // Mentions on one line share its context: it is written as JSON once for them all.
  std::string_view context;
  std::string context_json;
  for (const Mention& m : document.mentions) {
    if (context_json.empty() || m.context != context) {
      context = m.context;
      context_json.clear();
      AppendString(context_json, context);
    }
    records.Add(out, m.start,
                MentionRecord{m.entity, doc_id, section_ids[m.section], m.line, m.start, m.end, m.text, m.context,
                              context_json, places[m.section]});
  }
  records.End(out);
  // The graph keeps one quantity per start: those are written in the order of their starts.
  const std::vector<std::size_t> quantities = FirstAtTheirPlace(document.quantities);
  rendered.quantities = quantities.size();
  for (const std::size_t i : quantities) {
    const Quantity& q = document.quantities[i];
    records.Add(out, q.start,
                QuantityRecord{doc_id, section_ids[q.section], q.line, q.start, q.end, q.text, q.value, q.min, q.max,
                               q.unit, q.per, q.measures, places[q.section]});
  }
  records.End(out);
  // Relations come rule by rule: they are rendered by line, subject, predicate and object, nearly
  // the order of their records, which End then seldom has to sort.
  const auto subject_of = [&](const LinkedRelation& linked) {
    return linked.subject.empty() ? std::string_view(section_ids[linked.relation->section]) : linked.subject;
  };
  std::vector<const LinkedRelation*> relations;
  relations.reserve(linked_relations.size());
  for (const LinkedRelation& linked : linked_relations) {
    if (!is_section_presenter(linked)) relations.push_back(&linked);
  }
  std::stable_sort(relations.begin(), relations.end(), [&](const LinkedRelation* a, const LinkedRelation* b) {
    if (a->relation->line != b->relation->line) return a->relation->line < b->relation->line;
    const std::string_view subject_a = subject_of(*a), subject_b = subject_of(*b);
    if (subject_a != subject_b) return subject_a < subject_b;
    if (a->kind != b->kind) return EdgeKindName(a->kind) < EdgeKindName(b->kind);
    return a->relation->object < b->relation->object;
  });
  for (const LinkedRelation* const relation : relations) {
    const LinkedRelation& linked = *relation;
    const Relation& r = *linked.relation;
    const std::string_view subject = subject_of(linked);
    records.Add(out, r.line,
                RelationRecord{subject, EdgeKindName(linked.kind), r.object, r.role, doc_id, section_ids[r.section],
                               r.line, r.text, places[r.section]});
  }
  records.End(out);
  return rendered;
}

Status JsonlStream::Open(const std::string& spool_folder) { return spool_.Open(spool_folder); }

void JsonlStream::Add(const DocumentResult& document, std::size_t rendered_as, const DocumentRecords& rendered) {
  const std::string doc_id = DocumentId(++numbered_);
  AppendRecord(documents_, DocumentRecord{doc_id, document.path, document.title, document.event});
  documents_ += '\n';
  if (rendered_as == numbered_) {
    spool_.Append(rendered.text);
  } else {  // a file before it was skipped after all: its id is another
    spool_.Append(RenderDocumentRecords(document, numbered_).text);
  }

  for (const Section& s : document.sections) ++sections_[std::string(SectionKindName(s.kind))];
  quantities_ += rendered.quantities;
  relations_ += rendered.linked_relations.size();
  graph_.Add(document, rendered.linked_relations, rendered.entity_refs);
}

Status JsonlStream::Finish(FileSink& sink, KnowledgeGraph& entity_graph, std::size_t threads) {
  entity_graph = graph_.Finish(threads);
  std::ostream& out = sink.Begin("graph.jsonl");
  out.write(documents_.data(), static_cast<std::streamsize>(documents_.size()));
  std::string entities;
  for (std::size_t v = 0; v < entity_graph.node_count(); ++v) {
    const NodeData& node = entity_graph.node(v);
    if (node.kind != NodeKind::kEntity) continue;
    AppendRecord(entities, EntityRecord{node.id, node.type, node.label, &node.aliases, node.discovered,
                                        node.mention_count, node.degree, node.component, node.pagerank});
    entities += '\n';
  }
  out.write(entities.data(), static_cast<std::streamsize>(entities.size()));
  return spool_.CopyTo(out, &sink);
}

}  // namespace kgx
