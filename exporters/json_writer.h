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

// Stands for a document's id in records rendered before the document is numbered.
inline constexpr char kDocIdMark = '\x01';

std::string Dump(const Json& record);
// Orders "D2" before "D10".
bool DocLess(std::string_view a, std::string_view b);
// Appends `s` as a JSON string (quoted, escaped) exactly as nlohmann's dump writes it.
void AppendString(std::string& out, std::string_view s);
void AppendNumber(std::string& out, std::size_t value);
// Appends a quantity's number as nlohmann writes it, but whole numbers without a fraction
// ("25000000000", not "2.5e10"): those, nearly all, without building a Json value.
void AppendDecimal(std::string& out, double value);

// Builds one JSON object into a string: {"key":value,...}. Keys are given with their quotes and
// colon ("\"kind\":"), so each costs one append.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) { out_ += '{'; }
  JsonWriter& Text(std::string_view key, std::string_view value) {
    Key(key);
    AppendString(out_, value);
    return *this;
  }
  // A document or section id ("D12", "D12#L5"). An id that starts with kDocIdMark is a streamed
  // document's id still to be filled in (jsonl_stream.h): it is copied unescaped, so the mark
  // stays one raw byte, which escaped JSON text never contains. Graph ids never start with it:
  // builders number documents themselves.
  JsonWriter& Id(std::string_view key, std::string_view id) {
    if (id.empty() || id.front() != kDocIdMark) return Text(key, id);
    Key(key);
    out_ += '"';
    out_ += id;
    out_ += '"';
    return *this;
  }
  // A value already rendered as JSON.
  JsonWriter& Raw(std::string_view key, std::string_view json) {
    Key(key);
    out_ += json;
    return *this;
  }
  JsonWriter& TextOrNull(std::string_view key, std::string_view value) {
    Key(key);
    if (value.empty()) {
      out_ += "null";
    } else {
      AppendString(out_, value);
    }
    return *this;
  }
  JsonWriter& Integer(std::string_view key, std::size_t value) {
    Key(key);
    AppendNumber(out_, value);
    return *this;
  }
  JsonWriter& Decimal(std::string_view key, double value) {
    Key(key);
    AppendDecimal(out_, value);
    return *this;
  }
  void End() { out_ += '}'; }

 private:
  void Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += key;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace kgx
