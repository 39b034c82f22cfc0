// Reading the gold file and the extraction's records (see gold_data.h).
#include "cli/gold_data.h"

#include <algorithm>
#include <initializer_list>

#include "extractor/text_util.h"

namespace kgx::gold {

namespace {

// Collects the problems that would stop score.py (a missing key, a value of the wrong type).
class SchemaCheck {
 public:
  std::vector<std::string> Run(const Json& root) {
    if (!root.is_object()) return {"the top level is not a JSON object"};
    const Json& documents = Get(root, "documents");
    if (!Expect(documents.is_array(), "documents", "missing or not an array")) return problems_;
    for (std::size_t d = 0; d < documents.size(); ++d) Document(documents[d], "documents[" + std::to_string(d) + "]");
    const Json& aliases = Get(root, "aliases");
    if (Expect(aliases.is_null() || aliases.is_object(), "aliases", "not an object") && aliases.is_object()) {
      for (const auto& [surface, name] : aliases.items()) Expect(name.is_string(), "aliases." + surface, "not a string");
    }
    const Json& queries = Get(root, "queries");
    if (Expect(queries.is_null() || queries.is_array(), "queries", "not an array") && queries.is_array()) {
      for (std::size_t q = 0; q < queries.size(); ++q) Query(queries[q], "queries[" + std::to_string(q) + "]");
    }
    return problems_;
  }

 private:
  bool Expect(bool ok, const std::string& where, const std::string& what) {
    if (!ok) problems_.push_back(where + ": " + what);
    return ok;
  }
  bool ExpectStrings(const Json& record, std::initializer_list<const char*> keys, const std::string& where) {
    bool ok = true;
    for (const char* key : keys) ok = Expect(Get(record, key).is_string(), where + "." + key, "missing or not a string") && ok;
    return ok;
  }
  // Checks that record[key] is absent or an array of objects.
  void ExpectObjects(const Json& record, const char* key, const std::string& where) {
    const Json& list = Get(record, key);
    if (list.is_null()) return;
    if (!Expect(list.is_array(), where + "." + key, "not an array")) return;
    for (std::size_t i = 0; i < list.size(); ++i) {
      Expect(list[i].is_object(), where + "." + key + "[" + std::to_string(i) + "]", "not an object");
    }
  }
  void Document(const Json& doc, const std::string& where) {
    if (!Expect(doc.is_object(), where, "not an object")) return;
    ExpectStrings(doc, {"file"}, where);
    const Json& sections = Get(doc, "sections");
    if (!Expect(sections.is_array(), where + ".sections", "missing or not an array")) return;
    for (std::size_t s = 0; s < sections.size(); ++s) Section(sections[s], where + ".sections[" + std::to_string(s) + "]");
  }
  void Section(const Json& section, const std::string& where) {
    if (!Expect(section.is_object(), where, "not an object")) return;
    const Json& header = Get(section, "header_line");
    Expect(header.is_null() || header.is_number(), where + ".header_line", "not a number");
    const Json& entities = Get(section, "entities");
    if (Expect(entities.is_null() || entities.is_object(), where + ".entities", "not an object") && entities.is_object()) {
      for (const auto& [type, names] : entities.items()) {
        const bool ok = names.is_array() && std::all_of(names.begin(), names.end(), [](const Json& n) { return n.is_string(); });
        Expect(ok, where + ".entities." + type, "not an array of names");
      }
    }
    ExpectObjects(section, "quantities", where);
    ExpectObjects(section, "relations", where);
    const Json& relations = Get(section, "relations");
    for (std::size_t r = 0; relations.is_array() && r < relations.size(); ++r) {
      ExpectStrings(relations[r], {"subject", "predicate", "object"}, where + ".relations[" + std::to_string(r) + "]");
    }
  }
  void Query(const Json& query, const std::string& where) {
    if (!Expect(query.is_object(), where, "not an object")) return;
    Expect(query.contains("question"), where + ".question", "missing");
    ExpectStrings(query, {"entity"}, where);
    const Json& answer = Get(query, "answer");
    if (!Expect(answer.is_array(), where + ".answer", "missing or not an array")) return;
    for (std::size_t a = 0; a < answer.size(); ++a) {
      const std::string at = where + ".answer[" + std::to_string(a) + "]";
      if (Expect(answer[a].is_object(), at, "not an object")) ExpectStrings(answer[a], {"file"}, at);
    }
  }

  std::vector<std::string> problems_;
};

// Returns "file:line:col" information for a JSON parse error at nlohmann's `byte`.
Location ParseErrorLocation(std::string_view text, std::size_t byte, const std::string& path) {
  const std::size_t at = std::min(byte > 0 ? byte - 1 : 0, text.size());
  const std::string_view before = text.substr(0, at);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return {path, static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1, at - line_start + 1};
}

// Returns the reason of an nlohmann parse error without its id and position prefix.
std::string ParseErrorReason(const std::string& what) {
  const std::size_t head = what.find("parse error");
  const std::size_t colon = head == std::string::npos ? std::string::npos : what.find(": ", head);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::vector<std::string> CheckGoldSchema(const Json& root) { return SchemaCheck().Run(root); }

GoldData BuildGold(Json root, const std::string& path) {
  GoldData gold;
  gold.path = path;
  gold.root = std::move(root);
  for (const Json& doc : gold.root["documents"]) {
    GoldDocument document;
    document.file = doc["file"].get<std::string>();
    for (Json section : doc["sections"]) {
      if (Get(section, "header_line").is_null()) section["header_line"] = 1;
      document.sections.push_back(std::move(section));
    }
    std::stable_sort(document.sections.begin(), document.sections.end(), [](const Json& a, const Json& b) {
      return a["header_line"].get<double>() < b["header_line"].get<double>();
    });
    for (const Json& section : document.sections) document.starts.push_back(section["header_line"].get<double>());
    // A file named twice keeps its first place and its last annotation, as a Python dict does.
    auto same = std::find_if(gold.documents.begin(), gold.documents.end(),
                             [&](const GoldDocument& d) { return d.file == document.file; });
    if (same == gold.documents.end()) gold.documents.push_back(std::move(document));
    else *same = std::move(document);
  }
  for (const auto& [surface, name] : Get(gold.root, "aliases").items()) {
    gold.aliases[NormalizeGoldName(surface)] = NormalizeGoldName(name.get<std::string>());
  }
  return gold;
}

Result<Json> ParseGoldJson(std::string_view text, const std::string& path) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return Status(ErrorCode::kInvalidArgument, "not JSON: " + ParseErrorReason(e.what()),
                  ParseErrorLocation(text, e.byte, path));
  }
}

Result<Prediction> ReadPrediction(std::string_view jsonl) {
  Prediction pred;
  std::size_t number = 0;
  for (std::size_t start = 0; start < jsonl.size();) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = TrimAscii(jsonl.substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty()) continue;
    Json record = Json::parse(line.begin(), line.end(), nullptr, false);
    if (!record.is_object()) {
      return Status(ErrorCode::kInvalidArgument, "not a JSON object", Location{"records", number, 0});
    }
    const std::string kind = record.contains("kind") ? KeyOf(record["kind"]) : "?";
    pred.by_kind[kind].push_back(std::move(record));
  }
  for (const Json& d : pred.Records("document")) {
    const Json& path = Get(d, "path");
    pred.doc_file[KeyOf(Get(d, "id"))] = Basename(TextOf(Truthy(path) ? path : Get(d, "id")));
  }
  for (const Json& e : pred.Records("entity")) {
    pred.entity_type[KeyOf(Get(e, "id"))] = Get(e, "type");
    pred.entity_name[KeyOf(Get(e, "id"))] = Get(e, "name");
  }
  // A relation may have a talk as its subject: gold names it by its code (or title).
  for (const Json& s : pred.Records("section")) {
    const Json& code = Get(s, "code");
    pred.entity_name.emplace(KeyOf(Get(s, "id")), Truthy(code) ? code : Get(s, "title"));
  }
  return pred;
}

}  // namespace kgx::gold
