// The port of shared/tools/score.py (see gold_scorer.h): one scoring function per figure family
// (sections, entities, quantities, relations, queries), each following score.py line by line,
// including its rounding. Its inputs are read by gold_data.h, names compared by gold_name.h.
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

#include "cli/gold_data.h"

namespace kgx {

namespace {

using namespace gold;  // NOLINT: the scorer is written in the gold file's vocabulary

constexpr const char* kTypes[] = {"aws_service", "company", "person", "technology"};

// ---------------------------------------------------------------------------------------------
// score.py's arithmetic.

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

// Returns score.py's unit(): the normalized unit without trailing 's' ("requests" -> "request").
std::string UnitKey(const Json& unit) {
  std::string key = NormalizeGoldName(TextOf(unit));
  while (!key.empty() && key.back() == 's') key.pop_back();
  return key;
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
  Result<Json> root = ParseGoldJson(text, path);
  if (!root.ok()) return root.status();
  const std::vector<std::string> problems = CheckGoldSchema(*root);
  if (!problems.empty()) {
    std::string message = "not a kgx-gold/1 file: ";
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
    return Status(ErrorCode::kInvalidArgument, message, Location{path});
  }
  auto data = std::make_unique<Data>();
  data->gold = BuildGold(std::move(*root), path);
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
