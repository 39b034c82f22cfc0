// The port of shared/tools/score.py (see gold_scorer.h): name normalisation, the gold file's
// schema check, and one scoring function per figure family (sections, entities, quantities,
// relations, queries), each following score.py line by line, including its rounding.
#include "cli/gold_scorer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include "extractor/normalizer.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kTypes[] = {"aws_service", "company", "person", "technology"};

// ---------------------------------------------------------------------------------------------
// Python semantics of the JSON values score.py reads.

// Returns record[key], or null when absent (Python's dict.get); valid as long as `record`.
const Json& Get(const Json& record, const char* key) {
  static const Json kNull;
  if (!record.is_object()) return kNull;
  const auto it = record.find(key);
  return it == record.end() ? kNull : *it;
}

// Returns Python's truth value of a JSON value.
bool Truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0.0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  return !v.empty();
}

// Returns the string, or "" for anything else (score.py's `x or ""` on the values it reads).
std::string TextOf(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// Returns a dictionary key for an id value: the string itself, or a tagged dump for null and
// other values so that they never equal a string.
std::string KeyOf(const Json& v) { return v.is_string() ? v.get<std::string>() : "\x01" + v.dump(); }

std::optional<double> NumberOf(const Json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  return std::nullopt;
}

// Returns os.path.basename(path).
std::string Basename(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Returns Python's round(x, 4): correctly rounded, ties to even, like printf.
double Round4(double x) {
  char buffer[64];
  const auto printed = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 4);
  double rounded = x;
  std::from_chars(buffer, printed.ptr, rounded);
  return rounded;
}

PrecisionRecall Prf(std::size_t tp, std::size_t fp, std::size_t fn) {
  const double p = tp + fp ? double(tp) / double(tp + fp) : (fn == 0 ? 1.0 : 0.0);
  const double r = tp + fn ? double(tp) / double(tp + fn) : 1.0;
  const double f = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
  return {Round4(p), Round4(r), Round4(f), tp, fp, fn};
}

template <typename T>
std::vector<T> Minus(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <typename T>
std::size_t CountCommon(const std::set<T>& a, const std::set<T>& b) {
  std::size_t n = 0;
  for (const T& x : a) n += b.count(x);
  return n;
}

template <typename T>
Figure PrfFigure(std::string key, const std::set<T>& gold, const std::set<T>& found) {
  const std::size_t tp = CountCommon(gold, found);
  return {std::move(key), FigureKind::kPrecisionRecall, Prf(tp, found.size() - tp, gold.size() - tp), 0.0, 0};
}

// ---------------------------------------------------------------------------------------------
// Name normalisation: score.py's norm(). NFKC and Latin case come from the extractor's
// normalizer; what it does differently from Python is undone or completed here.

// Returns the code point Python's NFKC leaves for the dashes that kgx's normalizer turns into
// ASCII '-' or '~' (which norm() would then drop or keep differently), or 0 for the others.
char32_t KeptDash(char32_t cp) {
  switch (cp) {
    case 0x2010: case 0x2011: return 0x2010;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2053: case 0x2212: case 0x301C: return cp;
    case 0x207B: case 0x208B: return 0x2212;
    case 0xFE31: case 0xFE58: return 0x2014;
    case 0xFE32: return 0x2013;
    default: return 0;
  }
}

// Returns NFKC of `text` with ASCII and Latin letters lower-cased and the dashes kept as NFKC
// leaves them: the runs between dashes are normalized apart (a dash is a normalization boundary).
std::u32string NfkcKeepingDashes(std::string_view text) {
  std::u32string out;
  std::string run;
  const auto flush = [&] {
    const std::string folded = run.empty() ? std::string() : NormalizeForMatching(run);
    for (std::size_t i = 0, length = 0; i < folded.size(); i += length) out += DecodeUtf8(folded, i, length);
    run.clear();
  };
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const char32_t cp = DecodeUtf8(text, i, length);
    if (const char32_t dash = KeptDash(cp)) {
      flush();
      out += dash;
    } else {
      run.append(text.substr(i, length));
    }
  }
  flush();
  return out;
}

// Case pairs that Python's casefold() folds and FoldLatinCase does not: code points in
// [first, last] (with `alternate`, every second one from `first`) fold to cp + delta.
struct FoldRange {
  char32_t first, last;
  int delta;
  bool alternate;
};
constexpr FoldRange kFoldRanges[] = {
    {0x023A, 0x023A, 10795, false}, {0x023E, 0x023E, 10792, false},  // Latin Ⱥ Ⱦ
    {0x0345, 0x0345, 116, false},                                     // combining iota -> ι
    {0x0370, 0x0372, 1, true},      {0x0376, 0x0376, 1, false},       // Greek
    {0x037F, 0x037F, 116, false},   {0x0386, 0x0386, 38, false},
    {0x0388, 0x038A, 37, false},    {0x038C, 0x038C, 64, false},
    {0x038E, 0x038F, 63, false},    {0x0391, 0x03A1, 32, false},
    {0x03A3, 0x03AB, 32, false},    {0x03C2, 0x03C2, 1, false},       // final sigma -> σ
    {0x03CF, 0x03CF, 8, false},     {0x03D8, 0x03EE, 1, true},
    {0x03F7, 0x03F7, 1, false},     {0x03FA, 0x03FA, 1, false},
    {0x03FD, 0x03FF, -130, false},
    {0x0400, 0x040F, 80, false},    {0x0410, 0x042F, 32, false},      // Cyrillic
    {0x0460, 0x0480, 1, true},      {0x048A, 0x04BE, 1, true},
    {0x04C0, 0x04C0, 15, false},    {0x04C1, 0x04CD, 1, true},
    {0x04D0, 0x052E, 1, true},
    {0x0531, 0x0556, 48, false},                                      // Armenian
    {0x10A0, 0x10C5, 7264, false},  {0x10C7, 0x10C7, 7264, false},    // Georgian
    {0x10CD, 0x10CD, 7264, false},  {0x1C90, 0x1CBA, -3008, false},
    {0x1CBD, 0x1CBF, -3008, false},
    {0x13F8, 0x13FD, -8, false},    {0xAB70, 0xABBF, -38864, false},  // Cherokee folds to capitals
    {0x1E00, 0x1E94, 1, true},      {0x1EA0, 0x1EFE, 1, true},        // Latin Extended Additional
};

// Full case foldings that expand to several code points.
struct FoldExpansion {
  char32_t cp;
  const char32_t* folded;
};
constexpr FoldExpansion kFoldExpansions[] = {
    {0x00DF, U"ss"},       {0x1E9E, U"ss"},       {0x0130, U"i\u0307"},  {0x01F0, U"j\u030C"},
    {0x0390, U"\u03B9\u0308\u0301"},              {0x03B0, U"\u03C5\u0308\u0301"},
    {0x1E96, U"h\u0331"},  {0x1E97, U"t\u0308"},  {0x1E98, U"w\u030A"},  {0x1E99, U"y\u030A"},
};

// Completes FoldLatinCase to Python's casefold() for Latin, Greek, Cyrillic, Armenian, Georgian
// and Cherokee (checked against Python on every code point). Not folded, unlike Python: Greek
// Extended (polytonic), Coptic, Glagolitic, Latin Extended-C/D, Cyrillic Extended-B/C, Ⅎ, Ↄ and
// historic scripts; names in them compare as written. (ICU's NFKC may also know characters that
// the Python at hand does not, such as Cyrillic Extended-D in Unicode 15.)
std::u32string CompleteCaseFold(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (const char32_t cp : text) {
    const auto expansion = std::find_if(std::begin(kFoldExpansions), std::end(kFoldExpansions),
                                        [cp](const FoldExpansion& e) { return e.cp == cp; });
    if (expansion != std::end(kFoldExpansions)) {
      out += expansion->folded;
      continue;
    }
    char32_t folded = cp;
    for (const FoldRange& range : kFoldRanges) {
      if (cp < range.first || cp > range.last) continue;
      if (!range.alternate || (cp - range.first) % 2 == 0) folded = static_cast<char32_t>(int(cp) + range.delta);
      break;
    }
    out += folded;
  }
  return out;
}

// Returns true for the characters Python's str.isspace() and the regex \s accept.
bool IsPythonSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Returns true for the characters of norm()'s class [\s\-_.,'’:/()].
bool IsNameSeparator(char32_t cp) {
  return IsPythonSpace(cp) || cp == U'-' || cp == U'_' || cp == U'.' || cp == U',' || cp == U'\'' ||
         cp == 0x2019 || cp == U':' || cp == U'/' || cp == U'(' || cp == U')';
}

// Removes a leading "amazon" or "aws" followed by blanks or hyphens: ^(amazon|aws)[\s\-]+.
void DropVendorPrefix(std::u32string& s) {
  for (const std::u32string_view prefix : {std::u32string_view(U"amazon"), std::u32string_view(U"aws")}) {
    if (!s.starts_with(prefix)) continue;
    std::size_t end = prefix.size();
    while (end < s.size() && (IsPythonSpace(s[end]) || s[end] == U'-')) ++end;
    if (end > prefix.size()) s.erase(0, end);
    return;
  }
}

// Returns score.py's unit(): the normalized unit without trailing 's' ("requests" -> "request").
std::string UnitKey(const Json& unit) {
  std::string key = NormalizeGoldName(TextOf(unit));
  while (!key.empty() && key.back() == 's') key.pop_back();
  return key;
}

// ---------------------------------------------------------------------------------------------
// The gold file.

struct GoldDocument {
  std::string file;
  std::vector<Json> sections;   // in header-line order; a missing header line counts as 1
  std::vector<double> starts;   // their header lines

  // Returns the index of the section whose line range holds `line` (the first one for lines
  // before every header).
  std::size_t SectionAt(double line) const {
    const auto after = std::upper_bound(starts.begin(), starts.end(), line);
    return after == starts.begin() ? 0 : static_cast<std::size_t>(after - starts.begin()) - 1;
  }
};

struct GoldData {
  std::string path;
  Json root;
  std::vector<GoldDocument> documents;         // one per file, in first-seen order
  std::map<std::string, std::string> aliases;  // normalized surface form -> normalized name

  const GoldDocument* Document(const std::string& file) const {
    for (const GoldDocument& d : documents) {
      if (d.file == file) return &d;
    }
    return nullptr;
  }
  // Returns score.py's canon(name): the normalized name, through the gold aliases.
  std::string Canon(const Json& name) const {
    std::string key = NormalizeGoldName(TextOf(name));
    const auto alias = aliases.find(key);
    return alias == aliases.end() ? key : alias->second;
  }
};

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

// Builds the documents (sorted sections) and the alias map from a checked gold file.
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

// ---------------------------------------------------------------------------------------------
// The extraction: kgx-jsonl/1 records grouped by kind, and the lookups score.py builds.

struct Prediction {
  std::map<std::string, std::vector<Json>> by_kind;
  std::map<std::string, std::string> doc_file;   // document id -> base name of its path
  std::map<std::string, Json> entity_type;       // entity id -> type
  std::map<std::string, Json> entity_name;       // entity or section id -> name (or code/title)

  const std::vector<Json>& Records(const std::string& kind) const {
    static const std::vector<Json> kNone;
    const auto it = by_kind.find(kind);
    return it == by_kind.end() ? kNone : it->second;
  }
};

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

// ---------------------------------------------------------------------------------------------
// Scoring, one figure family per function, in score.py's order.

using EntityKey = std::tuple<std::string, std::size_t, std::string, std::string>;  // file, section, type, name
using RelationKey = std::tuple<std::string, std::string, std::string, std::string>;  // file, subj, pred, obj

class Scorer {
 public:
  Scorer(const GoldData& gold, const Prediction& pred, EvalReport& report)
      : gold_(gold), pred_(pred), report_(report) {}

  void Run() {
    Sections();
    Entities();
    Quantities();
    Relations();
    Queries();
    for (const GoldDocument& d : gold_.documents) {
      const bool extracted = std::any_of(pred_.doc_file.begin(), pred_.doc_file.end(),
                                         [&](const auto& id_file) { return id_file.second == d.file; });
      if (!extracted) report_.gold_documents_not_extracted.push_back(d.file);
    }
  }

 private:
  // Returns the gold document a record belongs to (by its document's path), or nullptr.
  const GoldDocument* DocumentOf(const Json& record) const {
    const Json& doc = Get(record, "doc");
    const auto known = pred_.doc_file.find(KeyOf(doc));
    return gold_.Document(known != pred_.doc_file.end() ? known->second : Basename(TextOf(doc)));
  }
  // Returns a predicted name: that of the entity (or section) `id` names, else `fallback`.
  Json NameOf(const Json& id, const Json& fallback) const {
    const auto it = pred_.entity_name.find(KeyOf(id));
    return it == pred_.entity_name.end() ? fallback : it->second;
  }

  // Talk and keynote headers, by file and header line.
  void Sections() {
    std::set<std::pair<std::string, std::optional<double>>> gold, found;
    for (const GoldDocument& d : gold_.documents) {
      for (const Json& s : d.sections) {
        const Json& kind = Get(s, "kind");
        if (kind == "talk" || kind == "keynote") gold.emplace(d.file, s["header_line"].get<double>());
      }
    }
    for (const Json& s : pred_.Records("section")) {
      const Json kind = s.contains("section_kind") ? s["section_kind"] : Json("talk");
      if (kind != "talk" && kind != "keynote") continue;
      if (const GoldDocument* d = DocumentOf(s)) found.emplace(d->file, NumberOf(Get(s, "line")));
    }
    report_.figures.push_back(PrfFigure("sections", gold, found));
  }

  // Entities per gold section, overall, per type and regardless of type.
  void Entities() {
    std::set<EntityKey> gold;
    std::map<EntityKey, std::string> shown;
    for (const GoldDocument& d : gold_.documents) {
      for (std::size_t i = 0; i < d.sections.size(); ++i) {
        for (const auto& [type, names] : Get(d.sections[i], "entities").items()) {
          for (const Json& name : names) {
            const EntityKey key{d.file, i, type, gold_.Canon(name)};
            gold.insert(key);
            shown.emplace(key, TextOf(name));
          }
        }
      }
    }
    for (const Json& m : pred_.Records("mention")) {
      const GoldDocument* d = DocumentOf(m);
      const std::optional<double> line = NumberOf(Get(m, "line"));
      if (d == nullptr || !line) continue;
      const auto known_type = pred_.entity_type.find(KeyOf(Get(m, "entity")));
      const Json type = known_type != pred_.entity_type.end() ? known_type->second : Get(m, "type");
      if (std::find(std::begin(kTypes), std::end(kTypes), TextOf(type)) == std::end(kTypes)) continue;
      const Json name = NameOf(Get(m, "entity"), Truthy(Get(m, "name")) ? Get(m, "name") : Get(m, "text"));
      const EntityKey key{d->file, d->SectionAt(*line), TextOf(type), gold_.Canon(name)};
      pred_entities_.insert(key);
      shown.emplace(key, TextOf(name));
    }
    report_.figures.push_back(PrfFigure("entity", gold, pred_entities_));
    for (const char* type : kTypes) {
      const auto of_type = [type](const std::set<EntityKey>& all) {
        std::set<EntityKey> out;
        for (const EntityKey& k : all) {
          if (std::get<2>(k) == type) out.insert(k);
        }
        return out;
      };
      report_.figures.push_back(PrfFigure(std::string("entity.") + type, of_type(gold), of_type(pred_entities_)));
    }
    const auto any_type = [](const std::set<EntityKey>& all) {
      std::set<std::tuple<std::string, std::size_t, std::string>> out;
      for (const auto& [file, section, type, name] : all) out.emplace(file, section, name);
      return out;
    };
    report_.figures.push_back(PrfFigure("entity.any_type", any_type(gold), any_type(pred_entities_)));
    for (const EntityKey& k : Minus(gold, pred_entities_)) report_.missed_entities.push_back(Describe(k, shown));
    for (const EntityKey& k : Minus(pred_entities_, gold)) report_.spurious_entities.push_back(Describe(k, shown));
  }

  // Returns the entity of `key` with its shown name and its gold section's label and line.
  EntityFind Describe(const EntityKey& key, const std::map<EntityKey, std::string>& shown) const {
    const auto& [file, section, type, name] = key;
    const Json& s = gold_.Document(file)->sections[section];
    return {file, section, type, name, shown.at(key), TextOf(Truthy(Get(s, "code")) ? s["code"] : Get(s, "title")),
            s["header_line"].get<double>()};
  }

  // Quantities: matched greedily in gold order (same file and line, one text holds the other),
  // then the matched ones compared by value (or range), unit and per.
  void Quantities() {
    std::vector<std::pair<std::string, const Json*>> gold, found;
    for (const GoldDocument& d : gold_.documents) {
      for (const Json& s : d.sections) {
        for (const Json& q : Get(s, "quantities")) gold.emplace_back(d.file, &q);
      }
    }
    for (const Json& q : pred_.Records("quantity")) {
      if (const GoldDocument* d = DocumentOf(q)) found.emplace_back(d->file, &q);
    }
    std::vector<bool> used(found.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> matched;  // gold index, found index
    for (std::size_t g = 0; g < gold.size(); ++g) {
      const std::optional<std::size_t> f = MatchQuantity(gold[g], found, used);
      if (f) {
        used[*f] = true;
        matched.emplace_back(g, *f);
      } else {
        report_.missed_quantities.push_back(QuantityOf(gold[g]));
      }
    }
    for (std::size_t f = 0; f < found.size(); ++f) {
      if (!used[f]) report_.spurious_quantities.push_back(QuantityOf(found[f]));
    }
    report_.figures.push_back({"quantity", FigureKind::kPrecisionRecall,
                               Prf(matched.size(), found.size() - matched.size(), gold.size() - matched.size()), 0.0, 0});
    std::size_t right = 0;
    for (const auto& [g, f] : matched) {
      if (SameValue(*gold[g].second, *found[f].second)) {
        ++right;
      } else {
        report_.wrong_quantities.push_back({QuantityOf(gold[g]), QuantityOf(found[f])});
      }
    }
    const double share = matched.empty() ? 0.0 : Round4(double(right) / double(matched.size()));
    report_.figures.push_back({"quantity.value_acc", FigureKind::kShare, {}, share, matched.size()});
  }

  static std::optional<std::size_t> MatchQuantity(const std::pair<std::string, const Json*>& gold,
                                                  const std::vector<std::pair<std::string, const Json*>>& found,
                                                  const std::vector<bool>& used) {
    const Json& g = *gold.second;
    for (std::size_t f = 0; f < found.size(); ++f) {
      const Json& p = *found[f].second;
      if (used[f] || found[f].first != gold.first || Get(p, "line") != Get(g, "line")) continue;
      const std::string a = TextOf(Get(p, "text")), b = TextOf(Get(g, "text"));
      if (!a.empty() && !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos)) return f;
    }
    return std::nullopt;
  }

  // Returns score.py's close(x, y): both null, or equal within a relative 1e-6.
  static bool Close(const Json& x, const Json& y) {
    if (x.is_null() || y.is_null()) return x.is_null() && y.is_null();
    const std::optional<double> a = NumberOf(x), b = NumberOf(y);
    return a && b && std::fabs(*a - *b) <= 1e-6 * std::max(1.0, std::fabs(*b));
  }

  static bool SameValue(const Json& g, const Json& p) {
    if (UnitKey(Get(g, "unit")) != UnitKey(Get(p, "unit")) || UnitKey(Get(g, "per")) != UnitKey(Get(p, "per"))) {
      return false;
    }
    if (g.contains("value")) return Close(Get(p, "value"), g["value"]);
    return Close(Get(p, "min"), Get(g, "min")) && Close(Get(p, "max"), Get(g, "max"));
  }

  static QuantityFind QuantityOf(const std::pair<std::string, const Json*>& q) {
    const Json& record = *q.second;
    return {q.first, NumberOf(Get(record, "line")).value_or(0.0), TextOf(Get(record, "text")),
            record.dump(-1, ' ', false, Json::error_handler_t::replace)};
  }

  // Relations per document, without lines.
  void Relations() {
    std::set<RelationKey> gold, found;
    std::map<RelationKey, std::pair<std::string, std::string>> shown;
    for (const GoldDocument& d : gold_.documents) {
      for (const Json& s : d.sections) {
        for (const Json& r : Get(s, "relations")) {
          const RelationKey key{d.file, gold_.Canon(r["subject"]), r["predicate"].get<std::string>(), gold_.Canon(r["object"])};
          gold.insert(key);
          shown.emplace(key, std::pair(TextOf(r["subject"]), TextOf(r["object"])));
        }
      }
    }
    for (const Json& r : pred_.Records("relation")) {
      const GoldDocument* d = DocumentOf(r);
      if (d == nullptr) continue;
      const Json subject = NameOf(Get(r, "subject"), Get(r, "subject"));
      const Json object = NameOf(Get(r, "object"), Get(r, "object"));
      const RelationKey key{d->file, gold_.Canon(subject), KeyOf(Get(r, "predicate")), gold_.Canon(object)};
      found.insert(key);
      shown.emplace(key, std::pair(TextOf(subject), TextOf(object)));
    }
    report_.figures.push_back(PrfFigure("relation", gold, found));
    const auto to_find = [&](const RelationKey& key) {
      const auto& [file, subject, predicate, object] = key;
      const auto& [subject_shown, object_shown] = shown.at(key);
      return RelationFind{file, subject, predicate, object, subject_shown, object_shown};
    };
    for (const RelationKey& k : Minus(gold, found)) report_.missed_relations.push_back(to_find(k));
    for (const RelationKey& k : Minus(found, gold)) report_.spurious_relations.push_back(to_find(k));
  }

  // Queries: the gold sections of each answer against the sections where the entity was found.
  void Queries() {
    const Json& queries = Get(gold_.root, "queries");
    std::size_t exact = 0;
    for (const Json& q : queries) {
      const std::string target = gold_.Canon(q["entity"]);
      std::set<std::pair<std::string, std::size_t>> want, got;
      for (const Json& a : q["answer"]) {
        const GoldDocument* d = gold_.Document(a["file"].get<std::string>());
        for (std::size_t i = 0; d != nullptr && i < d->sections.size(); ++i) {
          const Json& s = d->sections[i];
          const Json& code = Get(a, "code");
          if (Truthy(code) ? Get(s, "code") == code : Get(s, "title") == Get(a, "title")) want.emplace(d->file, i);
        }
      }
      for (const auto& [file, section, type, name] : pred_entities_) {
        if (name == target) got.emplace(file, section);
      }
      exact += want == got;
      const Json question = q["question"];
      report_.queries.push_back({question.is_string() ? question.get<std::string>() : question.dump(), want.size(),
                                 got.size(), want == got});
    }
    const double share = queries.empty() ? 1.0 : Round4(double(exact) / double(queries.size()));
    report_.figures.push_back({"query.exact", FigureKind::kShare, {}, share, queries.size()});
  }

  const GoldData& gold_;
  const Prediction& pred_;
  EvalReport& report_;
  std::set<EntityKey> pred_entities_;
};

}  // namespace

std::string NormalizeGoldName(std::string_view name) {
  std::u32string s = CompleteCaseFold(NfkcKeepingDashes(name));
  std::size_t begin = 0, end = s.size();
  while (begin < end && IsPythonSpace(s[begin])) ++begin;
  while (end > begin && IsPythonSpace(s[end - 1])) --end;
  s = s.substr(begin, end - begin);
  DropVendorPrefix(s);
  std::string out;
  for (const char32_t cp : s) {
    if (!IsNameSeparator(cp)) AppendUtf8(cp, out);
  }
  return out;
}

const Figure* EvalReport::Find(std::string_view key) const {
  for (const Figure& f : figures) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

struct GoldFile::Data {
  GoldData gold;
};

GoldFile::GoldFile(std::unique_ptr<Data> data) : data_(std::move(data)) {}
GoldFile::GoldFile(GoldFile&&) noexcept = default;
GoldFile& GoldFile::operator=(GoldFile&&) noexcept = default;
GoldFile::~GoldFile() = default;

const std::string& GoldFile::path() const { return data_->gold.path; }
std::size_t GoldFile::document_count() const { return data_->gold.documents.size(); }

Result<GoldFile> GoldFile::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot read the gold file", Location{path});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kIo, "cannot read the gold file", Location{path});
  return Parse(text.str(), path);
}

Result<GoldFile> GoldFile::Parse(std::string_view text, const std::string& path) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return Status(ErrorCode::kInvalidArgument, "not JSON: " + ParseErrorReason(e.what()),
                  ParseErrorLocation(text, e.byte, path));
  }
  const std::vector<std::string> problems = SchemaCheck().Run(root);
  if (!problems.empty()) {
    std::string message = "not a kgx-gold/1 file: ";
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
    return Status(ErrorCode::kInvalidArgument, message, Location{path});
  }
  auto data = std::make_unique<Data>();
  data->gold = BuildGold(std::move(root), path);
  return GoldFile(std::move(data));
}

Result<EvalReport> GoldFile::Score(std::string_view jsonl) const {
  Result<Prediction> pred = ReadPrediction(jsonl);
  if (!pred.ok()) return pred.status();
  EvalReport report;
  Scorer(data_->gold, *pred, report).Run();
  return report;
}

}  // namespace kgx
