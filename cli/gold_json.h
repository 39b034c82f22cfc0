// The JSON values of gold files and kgx-jsonl/1 records read with Python's semantics, as
// shared/tools/score.py reads them (gold_scorer.h is its port).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kgx::gold {

using Json = nlohmann::ordered_json;

// Returns record[key], or null when absent (Python's dict.get); valid as long as `record`.
inline const Json& Get(const Json& record, const char* key) {
  static const Json kNull;
  if (!record.is_object()) return kNull;
  const auto it = record.find(key);
  return it == record.end() ? kNull : *it;
}

// Returns Python's truth value of a JSON value.
inline bool Truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0.0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  return !v.empty();
}

// Returns the string, or "" for anything else (score.py's `x or ""` on the values it reads).
inline std::string TextOf(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// Returns a dictionary key for an id value: the string itself, or a tagged dump for null and
// other values so that they never equal a string.
inline std::string KeyOf(const Json& v) { return v.is_string() ? v.get<std::string>() : "\x01" + v.dump(); }

inline std::optional<double> NumberOf(const Json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  return std::nullopt;
}

// Returns os.path.basename(path).
inline std::string Basename(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace kgx::gold
