// The streamed JSON Lines writer: records rendered on a worker under the number a document was
// expected to get are spooled with the number it got, and hostile text goes through unharmed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "export_test_support.h"
#include "exporters/jsonl_stream.h"

namespace {

namespace fs = std::filesystem;

// A document whose every text field holds HostileName() with Japanese and full-width text.
kgx::DocumentResult HostileDocument(const std::string& path) {
  const std::string hostile = kgx::testing::HostileName() + " 日本語のメモ ＡＵＲＯＲＡ";
  kgx::DocumentResult document;
  document.path = path;
  document.title = hostile;
  document.sections.push_back({"", kgx::SectionKind::kTalk, "DAT303", hostile, 1, 3});
  document.sections.push_back({"", kgx::SectionKind::kOther, "", "二つ目", 4, 6});
  document.entities.push_back(
      {"aws_service/amazon-aurora", kgx::EntityType::kAwsService, "Amazon Aurora", {"オーロラ"}, false});
  document.entities.push_back({"company/netflix", kgx::EntityType::kCompany, "Netflix", {hostile}, false});
  // Mentions on one line share their context; one on a later line has its own.
  document.mentions.push_back({"aws_service/amazon-aurora", 0, 2, 10, 16, "Aurora", hostile});
  document.mentions.push_back({"company/netflix", 0, 2, 20, 27, "Netflix", hostile});
  document.mentions.push_back({"company/netflix", 1, 5, 90, 97, "Ｎｅｔｆｌｉｘ", "\"quoted\" <b>&amp;</b>\\"});
  kgx::Quantity later{1, 5, 100, 104, "30秒", 30.0, {}, {}, "second", "", {}, ""};
  kgx::Quantity earlier{0, 2, 30, 40, hostile, 5.5e11, {}, {}, "event", "day", {}, "company/netflix"};
  document.quantities = {later, earlier};
  document.relations.push_back({"company/netflix", "uses", "aws_service/amazon-aurora", "", 0, 2, hostile});
  document.relations.push_back({"", "presented_by", "company/netflix", "", 0, 1, hostile});
  return document;
}

// Streams the documents, each rendered as the number given with it, and returns graph.jsonl.
std::string Streamed(const std::vector<std::pair<kgx::DocumentResult, std::size_t>>& documents, const fs::path& spool) {
  fs::create_directories(spool);
  kgx::JsonlStream stream;
  REQUIRE(stream.Open(spool.string()).ok());
  for (const auto& [document, number] : documents) {
    stream.Add(document, number, kgx::RenderDocumentRecords(document, number));
  }
  kgx::testing::MemorySink sink;
  kgx::KnowledgeGraph graph;
  REQUIRE(stream.Finish(sink, graph).ok());
  fs::remove_all(spool);
  return sink.Text("graph.jsonl");
}

}  // namespace

TEST_CASE("streamed records rendered under a number the document did not get carry the one it got", "[jsonl]") {
  const fs::path spool = fs::temp_directory_path() / "kgx-jsonl-stream-test";
  const kgx::DocumentResult first = HostileDocument("notes/a.txt"), second = HostileDocument("notes/b.txt");
  const std::string expected = Streamed({{first, 1}, {second, 2}}, spool);
  // The pipeline expected a file before each to be a document, and it was skipped.
  CHECK(Streamed({{first, 2}, {second, 4}}, spool) == expected);
  CHECK(expected.find("\"doc\":\"D2\",\"section\":\"D2#L4\"") != std::string::npos);
  CHECK(expected.find("D3") == std::string::npos);
  CHECK(expected.find("D4") == std::string::npos);
}

TEST_CASE("a document's records are rendered in file order, with hostile text escaped", "[jsonl]") {
  const std::string records = kgx::RenderDocumentRecords(HostileDocument("notes/a.txt"), 7).text;
  // Sections, mentions, quantities (by start, not as extracted), relations; presented_by in the section.
  const auto at = [&](std::string_view text) { return records.find(text); };
  CHECK(at("{\"kind\":\"section\",\"id\":\"D7#L1\"") == 0);
  CHECK(at("\"presented_by\":[\"company/netflix\"]") < at("\"id\":\"D7#L4\""));
  CHECK(at("\"id\":\"D7#L4\"") < at("{\"kind\":\"mention\""));
  CHECK(at("\"start\":30") < at("\"start\":100"));
  CHECK(at("\"start\":100") < at("{\"kind\":\"relation\""));
  CHECK(records.find("presented_by\",") == std::string::npos);
  CHECK(at("\\\"quoted\\\" <b>&amp;</b>\\\\\"") != std::string::npos);
  CHECK(at("日本語のメモ ＡＵＲＯＲＡ") != std::string::npos);
  // One record per line, every line valid JSON: raw control bytes and bad UTF-8 never get through.
  std::size_t lines = 0;
  for (std::size_t from = 0; from < records.size(); ++lines) {
    const std::size_t end = records.find('\n', from);
    REQUIRE(end != std::string::npos);
    const std::string line = records.substr(from, end - from);
    CHECK_NOTHROW(nlohmann::json::parse(line));
    for (const char c : line) CHECK(static_cast<unsigned char>(c) >= 0x20);
    from = end + 1;
  }
  CHECK(lines == 2 + 3 + 2 + 1);
}

TEST_CASE("what the worker hands over with the records is what the merging side computed itself", "[jsonl]") {
  kgx::DocumentResult document = HostileDocument("notes/a.txt");
  // A quantity at a place already taken is no record; a relation of an entity to itself no link.
  document.quantities.push_back(document.quantities.front());
  document.relations.push_back({"company/netflix", "uses", "company/netflix", "", 0, 2, "self"});
  const kgx::DocumentRecords rendered = kgx::RenderDocumentRecords(document, 3);
  const std::vector<kgx::LinkedRelation> linked = kgx::LinkRelations(document);
  REQUIRE(rendered.linked_relations.size() == linked.size());
  for (std::size_t i = 0; i < linked.size(); ++i) {
    CHECK(rendered.linked_relations[i].relation == linked[i].relation);
    CHECK(rendered.linked_relations[i].kind == linked[i].kind);
    CHECK(rendered.linked_relations[i].subject == linked[i].subject);
  }
  std::size_t quantity_records = 0;
  for (std::size_t at = rendered.text.find("{\"kind\":\"quantity\""); at != std::string::npos;
       at = rendered.text.find("{\"kind\":\"quantity\"", at + 1)) {
    ++quantity_records;
  }
  CHECK(quantity_records == 2);
  CHECK(rendered.quantities == quantity_records);
  CHECK(rendered.text == kgx::RenderDocumentRecords(document, 3).text);
}
