// Rendering of the JSON Lines records (see jsonl_records.h).
#include "exporters/jsonl_records.h"

#include <algorithm>

#include "exporters/json_writer.h"

namespace kgx {

void AppendRecord(std::string& out, const DocumentRecord& r) {
  JsonWriter(out, "{\"kind\":\"document\"")
      .Text(",\"id\":", r.id)
      .Text(",\"path\":", r.path)
      .Text(",\"title\":", r.title)
      .TextOrNull(",\"event\":", r.event)
      .End();
}

// The members in the order nlohmann's ordered_json wrote them when it rendered these records.
void AppendRecord(std::string& out, const EntityRecord& r) {
  JsonWriter record(out, "{\"kind\":\"entity\"");
  record.Text(",\"id\":", r.id).Text(",\"type\":", r.type).Text(",\"name\":", r.name);
  if (r.aliases) {
    record.TextArray(",\"aliases\":", *r.aliases);
  } else {
    record.Raw(",\"aliases\":", "[]");
  }
  if (r.discovered) record.Raw(",\"discovered\":true", {});
  record.Integer(",\"mentions\":", r.mentions).Integer(",\"degree\":", r.degree);
  record.Double(",\"pagerank\":", r.pagerank).Integer(",\"component\":", r.component).End();
}

bool IsSectionPresenter(std::string_view predicate, bool subject_is_section) {
  return subject_is_section && predicate == "presented_by";
}

void AppendRecord(std::string& out, const SectionRecord& r) {
  JsonWriter record(out, "{\"kind\":\"section\"");
  record.Text(",\"id\":", r.id)
      .Text(",\"doc\":", r.doc)
      .Text(",\"section_kind\":", r.section_kind)
      .TextOrNull(",\"code\":", r.code)
      .Text(",\"title\":", r.title)
      .Integer(",\"line\":", r.line);
  if (!r.presented_by.empty()) record.TextArray(",\"presented_by\":", r.presented_by);
  record.End();
}

namespace {

JsonWriter& Place(JsonWriter& record, std::string_view doc, std::string_view section, std::string_view place_json) {
  if (!place_json.empty()) return record.Raw({}, place_json);
  return record.Text(",\"doc\":", doc).Text(",\"section\":", section);
}

}  // namespace

std::string PlaceJson(std::string_view doc, std::string_view section) {
  std::string json;
  json.reserve(24 + doc.size() + section.size());  // the keys, quotes and ids: one allocation
  JsonWriter members(json, {});
  Place(members, doc, section, {});
  members.End({});  // members, not an object: no closing brace
  return json;
}

void AppendRecord(std::string& out, const MentionRecord& r) {
  JsonWriter record(out, "{\"kind\":\"mention\"");
  record.Text(",\"entity\":", r.entity);
  Place(record, r.doc, r.section, r.place_json)
      .Integer(",\"line\":", r.line)
      .Integer(",\"start\":", r.start)
      .Integer(",\"end\":", r.end)
      .Text(",\"text\":", r.text);
  if (r.context_json.empty()) {
    record.Text(",\"context\":", r.context);
  } else {
    record.Raw(",\"context\":", r.context_json);
  }
  record.End();
}

void AppendRecord(std::string& out, const QuantityRecord& r) {
  JsonWriter record(out, "{\"kind\":\"quantity\"");
  Place(record, r.doc, r.section, r.place_json)
      .Integer(",\"line\":", r.line)
      .Integer(",\"start\":", r.start)
      .Integer(",\"end\":", r.end)
      .Text(",\"text\":", r.text);
  if (r.value) record.Decimal(",\"value\":", *r.value);
  if (r.min) record.Decimal(",\"min\":", *r.min);
  if (r.max) record.Decimal(",\"max\":", *r.max);
  record.Text(",\"unit\":", r.unit).TextOrNull(",\"per\":", r.per);
  if (!r.measures.empty()) record.Text(",\"measures\":", r.measures);
  record.End();
}

void AppendRecord(std::string& out, const RelationRecord& r) {
  JsonWriter record(out, "{\"kind\":\"relation\"");
  record.Text(",\"subject\":", r.subject).Text(",\"predicate\":", r.predicate).Text(",\"object\":", r.object);
  if (!r.role.empty()) record.Text(",\"role\":", r.role);
  Place(record, r.doc, r.section, r.place_json).Integer(",\"line\":", r.line).Text(",\"text\":", r.text).End();
}

}  // namespace kgx
