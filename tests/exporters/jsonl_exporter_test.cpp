// Tests of the jsonl exporter's hand-written records: every line must be byte for byte what
// nlohmann::ordered_json writes for the same record (the comparative tester of STYLE.md: the fast
// writer against the slow obvious one), for hostile text too (controls, quotes, invalid UTF-8).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "export_test_support.h"
#include "exporters/formats.h"

namespace kgx {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Dump(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Strings that exercise every branch of a JSON string writer: ASCII, every control character,
// quote, backslash, DEL, two- to four-byte characters, and malformed UTF-8 of each kind.
std::string HostileText(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "a", "Z", " ", "\"", "\\", "/", "\x7f", "é", "オーロラ", "𝄞", "\xEF\xBF\xBD", "\xC0\x80", "\xC3",
      "\xE3\x81", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xFE", "\xFF", "\xF0\x9F\x98", "\xE2\x80\x94"};
  std::string text;
  const int length = std::uniform_int_distribution<int>(0, 12)(random);
  for (int i = 0; i < length; ++i) {
    if (std::uniform_int_distribution<int>(0, 4)(random) == 0) {
      text += static_cast<char>(std::uniform_int_distribution<int>(0, 0x1F)(random));
    } else {
      text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    }
  }
  return text;
}

TEST_CASE("jsonl mention records are byte for byte nlohmann's, for hostile text", "[jsonl]") {
  std::mt19937 random(20240611);
  KnowledgeGraph graph;
  NodeData section;
  section.key = "section/D1.L3";
  section.kind = NodeKind::kSection;
  section.type = "talk";
  section.id = "D1#L3";
  section.title = HostileText(random);
  section.provenance = Provenance{"D1", "D1#L3", "notes/a.txt", 3, 0, 0, section.title, ""};
  const auto s = graph.AddNode(section);
  NodeData entity;
  entity.key = "technology/x";
  entity.kind = NodeKind::kEntity;
  entity.type = "technology";
  entity.id = "technology/x";
  entity.label = "X";
  const auto e = graph.AddNode(entity);
  std::vector<Json> expected;
  EdgeData mentions;
  mentions.kind = EdgeKind::kMentions;
  for (std::size_t i = 0; i < 300; ++i) {
    Provenance p{"D1", "D1#L3", "notes/a.txt", 4 + i, 100 + i, 105 + i, HostileText(random), HostileText(random)};
    Json record;
    record["kind"] = "mention";
    record["entity"] = "technology/x";
    record["doc"] = p.doc;
    record["section"] = p.section;
    record["line"] = p.line;
    record["start"] = p.start;
    record["end"] = p.end;
    record["text"] = p.text;
    record["context"] = p.context;
    expected.push_back(record);
    mentions.evidence.push_back(std::move(p));
  }
  mentions.count = mentions.evidence.size();
  graph.AddEdge(s, e, std::move(mentions));
  graph.Finalize();

  const std::vector<std::string> lines = Lines(testing::Export(JsonLinesExporter(), graph).Text("graph.jsonl"));
  std::vector<std::string> mention_lines;
  for (const std::string& line : lines) {
    if (line.rfind("{\"kind\":\"mention\"", 0) == 0) mention_lines.push_back(line);
  }
  REQUIRE(mention_lines.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(mention_lines[i] == Dump(expected[i]));
  // And the section record, whose title is hostile too.
  Json record;
  record["kind"] = "section";
  record["id"] = "D1#L3";
  record["doc"] = "D1";
  record["section_kind"] = "talk";
  record["code"] = nullptr;
  record["title"] = section.title;
  record["line"] = 3;
  CHECK(std::find(lines.begin(), lines.end(), Dump(record)) != lines.end());
}

TEST_CASE("every jsonl line of the small graph reads back and dumps to the same bytes", "[jsonl]") {
  const std::string text = testing::Export(JsonLinesExporter(), testing::SmallGraph()).Text("graph.jsonl");
  const std::vector<std::string> lines = Lines(text);
  REQUIRE(lines.size() > 5);
  for (const std::string& line : lines) {
    const Json parsed = Json::parse(line);
    CHECK(Dump(parsed) == line);
  }
  CHECK(text.find("{\"kind\":\"quantity\",\"doc\":\"D1\",\"section\":\"D1#L3\",\"line\":7,\"start\":200,\"end\":204,"
                  "\"text\":\"5倍\",\"value\":5,\"unit\":\"times\",\"per\":null,\"measures\":\"aws_service/amazon-aurora\"}") !=
        std::string::npos);
}

}  // namespace
}  // namespace kgx
