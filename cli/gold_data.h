// The two inputs of the gold scorer: a checked gold file (kgx-gold/1, shared/gold/README.md)
// with its sections in header-line order, and the kgx-jsonl/1 records of an extraction grouped
// by kind, with the lookups score.py builds from them.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/gold_json.h"
#include "cli/gold_name.h"
#include "extractor/status.h"

namespace kgx::gold {

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

// Returns the problems that would stop score.py (a missing key, a value of the wrong type).
std::vector<std::string> CheckGoldSchema(const Json& root);

// Builds the documents (sorted sections) and the alias map from a checked gold file.
GoldData BuildGold(Json root, const std::string& path);

// Parses `text` as JSON; a syntax error names path:line:col.
Result<Json> ParseGoldJson(std::string_view text, const std::string& path);

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

// Groups the records of `jsonl`; a line that is not a JSON object is an error at its number.
Result<Prediction> ReadPrediction(std::string_view jsonl);

}  // namespace kgx::gold
