// kgx-jsonl/1 reader (see jsonl_reader.h). Relations whose subject is a section id return to
// "no subject", which the graph builder resolves exactly as it did the first time.
#include "exporters/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace kgx {

namespace {

using Json = nlohmann::json;

std::optional<double> OptionalNumber(const Json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

std::string String(const Json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  return it->get<std::string>();
}

std::size_t Size(const Json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return 0;
  return it->get<std::size_t>();
}

struct DocState {
  DocumentResult result;
  std::map<std::string, std::size_t> section_index;  // section id -> index
};

}  // namespace

Status ReadJsonLines(std::istream& in, const std::string& name, std::vector<DocumentResult>& documents) {
  std::map<std::string, DocState> docs;   // doc id -> state
  std::vector<std::string> doc_order;
  std::map<std::string, Entity> entities;  // id -> entity
  std::map<std::string, std::set<std::string>> doc_entities;
  std::string line;
  std::size_t number = 0;
  struct Pending {
    Json record;
    std::size_t line;
  };
  std::vector<Pending> later;  // mentions, quantities, relations: need their sections first
  struct Presenter {
    std::string doc;
    Relation relation;
    std::size_t line;
  };
  std::vector<Presenter> presenters;  // from sections' presented_by: need the entities first
  // Turns the shard read so far into documents and starts the next one.
  const auto finish_shard = [&]() -> Status {
    for (Pending& pending : later) {
      const Json& record = pending.record;
      try {
        auto doc = docs.find(String(record, "doc"));
        if (doc == docs.end()) return Status(ErrorCode::kInvalidArgument, "record for an unknown document", {name, pending.line});
        DocState& state = doc->second;
        auto section = state.section_index.find(String(record, "section"));
        if (section == state.section_index.end()) {
          return Status(ErrorCode::kInvalidArgument, "record for an unknown section", {name, pending.line});
        }
        const std::string kind = String(record, "kind");
        if (kind == "mention") {
          Mention m;
          m.entity = String(record, "entity");
          if (!entities.count(m.entity)) return Status(ErrorCode::kInvalidArgument, "mention of an unknown entity", {name, pending.line});
          m.section = section->second;
          m.line = Size(record, "line");
          m.start = Size(record, "start");
          m.end = Size(record, "end");
          m.text = String(record, "text");
          m.context = String(record, "context");
          doc_entities[doc->first].insert(m.entity);
          state.result.mentions.push_back(std::move(m));
        } else if (kind == "quantity") {
          Quantity q;
          q.section = section->second;
          q.line = Size(record, "line");
          q.start = Size(record, "start");
          q.end = Size(record, "end");
          q.text = String(record, "text");
          q.value = OptionalNumber(record, "value");
          q.min = OptionalNumber(record, "min");
          q.max = OptionalNumber(record, "max");
          q.unit = String(record, "unit");
          q.per = String(record, "per");
          q.measures = String(record, "measures");
          if (!q.measures.empty()) doc_entities[doc->first].insert(q.measures);
          state.result.quantities.push_back(std::move(q));
        } else {
          Relation r;
          r.subject = String(record, "subject");
          if (state.section_index.count(r.subject)) r.subject.clear();  // the section itself
          r.predicate = String(record, "predicate");
          r.object = String(record, "object");
          r.role = String(record, "role");
          r.section = section->second;
          r.line = Size(record, "line");
          r.text = String(record, "text");
          for (const std::string* id : {&r.subject, &r.object}) {
            if (id->empty()) continue;
            if (!entities.count(*id)) return Status(ErrorCode::kInvalidArgument, "relation with an unknown entity", {name, pending.line});
            doc_entities[doc->first].insert(*id);
          }
          state.result.relations.push_back(std::move(r));
        }
      } catch (const Json::exception& e) {
        return Status(ErrorCode::kInvalidArgument, std::string("malformed record: ") + e.what(), {name, pending.line});
      }
    }
    for (Presenter& p : presenters) {
      if (!entities.count(p.relation.object)) return Status(ErrorCode::kInvalidArgument, "section presented by an unknown entity", {name, p.line});
      doc_entities[p.doc].insert(p.relation.object);
      docs[p.doc].result.relations.push_back(std::move(p.relation));
    }
    for (const std::string& id : doc_order) {
      DocState& state = docs[id];
      for (const std::string& entity : doc_entities[id]) state.result.entities.push_back(entities[entity]);
      documents.push_back(std::move(state.result));
    }
    docs.clear();
    doc_order.clear();
    entities.clear();
    doc_entities.clear();
    later.clear();
    presenters.clear();
    return Status::Ok();
  };
  bool shard_has_records = false;  // records other than documents seen in this shard
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    Json record = Json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      return Status(ErrorCode::kInvalidArgument, "not a JSON object", {name, number});
    }
    try {
      const std::string kind = String(record, "kind");
      // Shards concatenated into one stream (`cat part-* | kgx merge -`): a document record after
      // other records, or one whose id this shard already has, begins the next shard.
      if (kind == "document" && (shard_has_records || docs.count(String(record, "id")))) {
        if (Status done = finish_shard(); !done.ok()) return done;
        shard_has_records = false;
      }
      if (kind != "document") shard_has_records = true;
      if (kind == "document") {
        const std::string id = String(record, "id");
        if (!docs.count(id)) doc_order.push_back(id);
        DocState& state = docs[id];
        state.result.path = String(record, "path");
        state.result.title = String(record, "title");
        state.result.event = String(record, "event");
      } else if (kind == "entity") {
        Entity entity;
        entity.id = String(record, "id");
        if (std::any_of(entity.id.begin(), entity.id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
          return Status(ErrorCode::kInvalidArgument, "entity id with a control character", {name, number});
        }
        const auto type = ParseEntityType(String(record, "type"));
        if (!type) return Status(ErrorCode::kInvalidArgument, "unknown entity type", {name, number});
        entity.type = *type;
        entity.name = String(record, "name");
        if (record.contains("aliases")) entity.aliases = record["aliases"].get<std::vector<std::string>>();
        entity.discovered = record.value("discovered", false);
        entities[entity.id] = entity;
      } else if (kind == "section") {
        const std::string doc_key = String(record, "doc");
        DocState& state = docs[doc_key];
        Section section;
        section.id = String(record, "id");
        const std::string k = String(record, "section_kind");
        section.kind = k == "talk" ? SectionKind::kTalk : k == "keynote" ? SectionKind::kKeynote : SectionKind::kOther;
        section.code = String(record, "code");
        section.title = String(record, "title");
        section.line = Size(record, "line");
        if (record.contains("presented_by")) {
          for (const auto& id : record["presented_by"]) {
            Relation presented;
            presented.predicate = "presented_by";
            presented.object = id.get<std::string>();
            presented.section = state.result.sections.size();
            presented.line = section.line;
            presenters.push_back({doc_key, std::move(presented), number});
          }
        }
        state.section_index[section.id] = state.result.sections.size();
        state.result.sections.push_back(std::move(section));
      } else if (kind == "mention" || kind == "quantity" || kind == "relation") {
        later.push_back({std::move(record), number});
      } else {
        return Status(ErrorCode::kInvalidArgument, "unknown record kind '" + kind + "'", {name, number});
      }
    } catch (const Json::exception& e) {
      return Status(ErrorCode::kInvalidArgument, std::string("malformed record: ") + e.what(), {name, number});
    }
  }
  return finish_shard();
}

}  // namespace kgx
