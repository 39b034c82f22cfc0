// JSON text written by hand for the JSON Lines records: byte-identical to nlohmann's
// dump(-1, ' ', false, replace), which stays the fallback for invalid UTF-8 and for doubles,
// at a fraction of its cost (the per-document records are the bulk of a run's output).
// Internal to exporters/.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
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

// The same, each writing at `p` and returning the end of what it wrote (the bytes after it, up
// to the room given, may be overwritten). Numbers need kNumberRoom or kDoubleRoom bytes of room.
// WriteString writes within [p, limit) or returns nullptr: s.size() + 2 bytes are enough for
// text without escapes, s.size() + kStringSlack for a few escapes, and StringRoom(s.size()) for
// any text (six bytes a byte, as "\u0001", and the quotes).
constexpr std::size_t StringRoom(std::size_t size) { return 6 * size + 2; }
inline constexpr std::size_t kStringSlack = 32;
inline constexpr std::size_t kNumberRoom = 20;
inline constexpr std::size_t kDoubleRoom = 64;  // the serializer's number buffer
char* WriteString(char* p, const char* limit, std::string_view s);
char* WriteNumber(char* p, std::size_t value);
char* WriteDouble(char* p, double value);
char* WriteDecimal(char* p, double value);

// Builds one JSON object and appends it to a string: {"key":value,...}. The object is opened with
// its first member as one constant ("{\"kind\":\"mention\""), and the keys after it are given with
// their comma, quotes and colon (",\"doc\":"), so each costs one copy. The pieces are written
// through a pointer into a buffer of its own (on the stack unless the record is long), with no
// call or check per piece but one for room; End() appends the object to the string at once.
class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string_view opening) : out_(out) { Raw(opening, {}); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& Text(std::string_view key, std::string_view value) {
    char* const p = Copy(Room(key.size() + value.size() + kStringSlack), key);
    char* const end = WriteString(p, limit_, value);
    if (end == nullptr) return TextWithEscapes(key, value);
    return Done(end);
  }
  // A value already rendered as JSON.
  JsonWriter& Raw(std::string_view key, std::string_view json) {
    return Done(Copy(Copy(Room(key.size() + json.size()), key), json));
  }
  JsonWriter& TextOrNull(std::string_view key, std::string_view value) {
    if (value.empty()) return Raw(key, "null");
    return Text(key, value);
  }
  JsonWriter& Integer(std::string_view key, std::size_t value) {
    return Done(WriteNumber(Copy(Room(key.size() + kNumberRoom), key), value));
  }
  JsonWriter& Decimal(std::string_view key, double value) {
    return Done(WriteDecimal(Copy(Room(key.size() + kDoubleRoom), key), value));
  }
  JsonWriter& Double(std::string_view key, double value) {
    return Done(WriteDouble(Copy(Room(key.size() + kDoubleRoom), key), value));
  }
  // An array of strings.
  template <typename Strings>
  JsonWriter& TextArray(std::string_view key, const Strings& items) {
    Raw(key, "[");
    bool first = true;
    for (const auto& item : items) {
      Text(first ? std::string_view() : std::string_view(","), item);
      first = false;
    }
    return Raw("]", {});
  }
  // Closes the object (`closing`) and appends it to the string.
  void End(std::string_view closing = "}") {
    Raw(closing, {});
    out_.append(begin_, static_cast<std::size_t>(at_ - begin_));
  }

 private:
  // The write position, with at least `bytes` of room after it.
  char* Room(std::size_t bytes) {
    if (static_cast<std::size_t>(limit_ - at_) < bytes) Grow(bytes);
    return at_;
  }
  void Grow(std::size_t bytes);
  JsonWriter& TextWithEscapes(std::string_view key, std::string_view value);
  static char* Copy(char* p, std::string_view s) {
    if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view's data may be null
    return p + s.size();
  }
  JsonWriter& Done(char* end) {
    at_ = end;
    return *this;
  }

  std::string& out_;
  char local_[1024];  // most records fit; left uninitialized
  std::unique_ptr<char[]> heap_;  // a longer record's buffer
  char* begin_ = local_;
  char* at_ = local_;
  char* limit_ = local_ + sizeof local_;
};

}  // namespace kgx
