// The records as JsonWriter writes them (through a pointer into room it makes at the end of the
// string) against the plain rendering: nlohmann's ordered_json of the same members, over hostile
// strings (quotes, '<', '&', backslashes, control characters, invalid UTF-8, Japanese,
// full-width, long runs that make the writer grow its room mid-record), after what is there.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "exporters/json_writer.h"
#include "exporters/jsonl_records.h"

namespace {

using Json = nlohmann::ordered_json;

std::string Plain(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A quantity's number as the records write it: whole numbers without a fraction.
Json Decimal(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return static_cast<long long>(value);
  }
  return value;
}

class Hostile {
 public:
  explicit Hostile(unsigned seed) : random_(seed) {}
  std::string Text(int most = 12) {
    static const std::vector<std::string> pieces = {
        "Aurora ", "\"", "\\", "<tag>", "&amp;", "\n", "\t", "\x01", "\x1f", "\x7f", std::string(1, '\0'), "日本語の",
        "オーロラ", "ＡＷＳ　Ｌａｍｂｄａ", "（１５％）", "é", "𝄞", "\xC3", "\xE3\x81", "\xFF", "\xED\xA0\x80",
        "\xE0\x9F\xBF", "plain ascii text of some length, ", std::string(300, 'x'), std::string(90, '"')};
    std::string s;
    const int length = std::uniform_int_distribution<int>(0, most)(random_);
    for (int k = 0; k < length; ++k) s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random_)];
    return s;
  }
  std::size_t Number() {
    const int digits = std::uniform_int_distribution<int>(1, 19)(random_);
    return std::uniform_int_distribution<std::size_t>(0, static_cast<std::size_t>(std::pow(10.0, digits)))(random_);
  }
  double Real() {
    switch (std::uniform_int_distribution<int>(0, 3)(random_)) {
      case 0: return static_cast<double>(Number() % 100000);
      case 1: return -2.5e10;
      case 2: return std::uniform_real_distribution<double>(-1e6, 1e6)(random_);
      default: return std::uniform_real_distribution<double>(0, 1e-3)(random_);
    }
  }
  bool Coin() { return std::uniform_int_distribution<int>(0, 1)(random_) == 1; }

 private:
  std::mt19937 random_;
};

// Appends the record to a string that already holds something (and little spare room).
template <typename Record>
std::string Written(const Record& record) {
  std::string out = "before\n";
  out.shrink_to_fit();
  kgx::AppendRecord(out, record);
  return out.substr(7);
}

}  // namespace

TEST_CASE("mention, quantity and relation records written in place are nlohmann's", "[jsonl]") {
  Hostile h(5);
  for (int i = 0; i < 1500; ++i) {
    const std::string entity = h.Text(3), doc = "D" + std::to_string(h.Number()), section = doc + "#L" + h.Text(1);
    const std::string text = h.Text(), context = h.Text(20);
    const std::size_t line = h.Number(), start = h.Number(), end = h.Number();
    Json mention;
    mention["kind"] = "mention";
    mention["entity"] = entity;
    mention["doc"] = doc;
    mention["section"] = section;
    mention["line"] = line;
    mention["start"] = start;
    mention["end"] = end;
    mention["text"] = text;
    mention["context"] = context;
    INFO(Plain(mention));
    CHECK(Written(kgx::MentionRecord{entity, doc, section, line, start, end, text, context}) == Plain(mention));
    // With the context and the place rendered beforehand, as the streamed writer gives them.
    std::string context_json;
    kgx::AppendString(context_json, context);
    const std::string place = kgx::PlaceJson(doc, section);
    CHECK(Written(kgx::MentionRecord{entity, doc, section, line, start, end, text, context, context_json, place}) ==
          Plain(mention));

    const std::string unit = h.Text(2), per = h.Coin() ? h.Text(2) : "", measures = h.Coin() ? h.Text(2) : "";
    std::optional<double> value, min, max;
    if (h.Coin()) value = h.Real();
    if (h.Coin()) min = h.Real();
    if (h.Coin()) max = h.Real();
    Json quantity;
    quantity["kind"] = "quantity";
    quantity["doc"] = doc;
    quantity["section"] = section;
    quantity["line"] = line;
    quantity["start"] = start;
    quantity["end"] = end;
    quantity["text"] = text;
    if (value) quantity["value"] = Decimal(*value);
    if (min) quantity["min"] = Decimal(*min);
    if (max) quantity["max"] = Decimal(*max);
    quantity["unit"] = unit;
    quantity["per"] = per.empty() ? Json(nullptr) : Json(per);
    if (!measures.empty()) quantity["measures"] = measures;
    CHECK(Written(kgx::QuantityRecord{doc, section, line, start, end, text, value, min, max, unit, per, measures}) ==
          Plain(quantity));

    const std::string subject = h.Text(3), object = h.Text(3), role = h.Coin() ? h.Text(2) : "";
    Json relation;
    relation["kind"] = "relation";
    relation["subject"] = subject;
    relation["predicate"] = "uses";
    relation["object"] = object;
    if (!role.empty()) relation["role"] = role;
    relation["doc"] = doc;
    relation["section"] = section;
    relation["line"] = line;
    relation["text"] = context;
    CHECK(Written(kgx::RelationRecord{subject, "uses", object, role, doc, section, line, context}) == Plain(relation));
    CHECK(Written(kgx::RelationRecord{subject, "uses", object, role, doc, section, line, context, place}) ==
          Plain(relation));
  }
}

TEST_CASE("document, section and entity records written in place are nlohmann's", "[jsonl]") {
  Hostile h(17);
  for (int i = 0; i < 1500; ++i) {
    const std::string id = h.Text(2), path = h.Text(), title = h.Text(), event = h.Coin() ? h.Text(3) : "";
    Json document;
    document["kind"] = "document";
    document["id"] = id;
    document["path"] = path;
    document["title"] = title;
    document["event"] = event.empty() ? Json(nullptr) : Json(event);
    INFO(Plain(document));
    CHECK(Written(kgx::DocumentRecord{id, path, title, event}) == Plain(document));

    const std::string code = h.Coin() ? h.Text(2) : "";
    std::vector<std::string> presenters;
    for (std::size_t k = h.Number() % 4; k > 0; --k) presenters.push_back(h.Text(3));
    const std::vector<std::string_view> presented_by(presenters.begin(), presenters.end());
    const std::size_t line = h.Number();
    Json section;
    section["kind"] = "section";
    section["id"] = id;
    section["doc"] = path;
    section["section_kind"] = "talk";
    section["code"] = code.empty() ? Json(nullptr) : Json(code);
    section["title"] = title;
    section["line"] = line;
    if (!presenters.empty()) section["presented_by"] = presenters;
    CHECK(Written(kgx::SectionRecord{id, path, "talk", code, title, line, presented_by}) == Plain(section));

    const bool discovered = h.Coin();
    const std::size_t mentions = h.Number(), degree = h.Number(), component = h.Number();
    const double pagerank = h.Real();
    Json entity;
    entity["kind"] = "entity";
    entity["id"] = id;
    entity["type"] = event;
    entity["name"] = title;
    entity["aliases"] = presenters;
    if (discovered) entity["discovered"] = true;
    entity["mentions"] = mentions;
    entity["degree"] = degree;
    entity["pagerank"] = pagerank;
    entity["component"] = component;
    CHECK(Written(kgx::EntityRecord{id, event, title, &presenters, discovered, mentions, degree, component, pagerank}) ==
          Plain(entity));
  }
}

TEST_CASE("a record written into a string without spare room after a long one is whole", "[jsonl]") {
  // Grows mid-string many times: every record must land right after the one before.
  std::string out;
  std::string expected;
  Hostile h(3);
  for (int i = 0; i < 400; ++i) {
    const std::string text = h.Text(30);
    kgx::AppendRecord(out, kgx::MentionRecord{"technology/x", "D1", "D1#L1", 1, 2, 3, text, text});
    out += '\n';
    Json mention;
    mention["kind"] = "mention";
    mention["entity"] = "technology/x";
    mention["doc"] = "D1";
    mention["section"] = "D1#L1";
    mention["line"] = 1;
    mention["start"] = 2;
    mention["end"] = 3;
    mention["text"] = text;
    mention["context"] = text;
    expected += Plain(mention) + '\n';
  }
  CHECK(out == expected);
}
