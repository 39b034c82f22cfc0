// JSON text written by hand for the JSON Lines records: byte-identical to nlohmann's
// dump(-1, ' ', false, replace), which stays the fallback for invalid UTF-8 and for doubles,
// at a fraction of its cost (the per-document records are the bulk of a run's output).
// Internal to exporters/.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kgx {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& record);
// Orders "D2" before "D10".
bool DocLess(std::string_view a, std::string_view b);
// Appends `s` as a JSON string (quoted, escaped) exactly as nlohmann's dump writes it.
void AppendString(std::string& out, std::string_view s);
void AppendNumber(std::string& out, std::size_t value);
// Appends a double exactly as nlohmann's dump writes it (shortest round-trip digits; null when
// not finite).
void AppendDouble(std::string& out, double value);
// Appends a quantity's number as nlohmann writes it, but whole numbers without a fraction
// ("25000000000", not "2.5e10"): those, nearly all, without building a Json value.
void AppendDecimal(std::string& out, double value);

// Builds one JSON object into a string: {"key":value,...}. The object is opened with its first
// member as one constant ("{\"kind\":\"mention\""), and the keys after it are given with their
// comma, quotes and colon (",\"doc\":"), so each costs one append.
class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string_view opening) : out_(out) { out_ += opening; }
  JsonWriter& Text(std::string_view key, std::string_view value) {
    out_ += key;
    AppendString(out_, value);
    return *this;
  }
  // A value already rendered as JSON.
  JsonWriter& Raw(std::string_view key, std::string_view json) {
    out_ += key;
    out_ += json;
    return *this;
  }
  JsonWriter& TextOrNull(std::string_view key, std::string_view value) {
    out_ += key;
    if (value.empty()) {
      out_ += "null";
    } else {
      AppendString(out_, value);
    }
    return *this;
  }
  JsonWriter& Integer(std::string_view key, std::size_t value) {
    out_ += key;
    AppendNumber(out_, value);
    return *this;
  }
  JsonWriter& Decimal(std::string_view key, double value) {
    out_ += key;
    AppendDecimal(out_, value);
    return *this;
  }
  void End() { out_ += '}'; }

 private:
  std::string& out_;
};

}  // namespace kgx
