// Tests of the neo4j exporter: exact bytes of every CSV file and import.sh for a small graph,
// and the rules of EXPORT-FORMATS.md §3a and §3e (typed headers, one id space, resolvable
// relationship ends, array delimiter absent from values, hostile text).
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "export_test_support.h"
#include "exporters/formats.h"

namespace kgx {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Parses RFC 4180 CSV as neo4j-admin reads it with --multiline-fields=true.
Rows ParseCsv(const std::string& text) {
  Rows rows(1);
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  if (rows.back().empty()) rows.pop_back();
  (void)was_quoted;
  return rows;
}

TEST_CASE("neo4j writes the small graph's files byte for byte", "[neo4j]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const testing::MemorySink sink = testing::Export(Neo4jExporter(), graph);
  CHECK(sink.order() == Neo4jExporter().FileNames(graph));
  CHECK(sink.order().size() == 16);
  for (const std::string& path : sink.order()) {
    INFO(path);
    testing::CheckGolden("small/" + path, sink.Text(path));
  }
}

TEST_CASE("neo4j output does not depend on the global locale", "[neo4j]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const testing::MemorySink plain = testing::Export(Neo4jExporter(), graph);
  testing::ScopedGroupingLocale grouping;
  const testing::MemorySink grouped = testing::Export(Neo4jExporter(), graph);
  for (const std::string& path : plain.order()) CHECK(grouped.Text(path) == plain.Text(path));
}

TEST_CASE("neo4j headers are typed and every relationship end is a node id", "[neo4j]") {
  const KnowledgeGraph graph = testing::HostileGraph();
  const testing::MemorySink sink = testing::Export(Neo4jExporter(), graph);
  const std::regex special(
      R"re(^[^:]*:(ID(\([^)]+\))?|LABEL|TYPE|IGNORE|START_ID(\([^)]+\))?|END_ID(\([^)]+\))?)$)re");
  const std::regex typed(
      R"re(^[^:]+(:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?)?$)re");
  std::set<std::string> ids;
  std::vector<std::pair<std::string, std::string>> ends;
  const std::string script = sink.Text("neo4j/import.sh");
  for (const std::string& path : sink.order()) {
    if (path == "neo4j/import.sh") continue;
    INFO(path);
    const std::string file = path.substr(6);
    CHECK(script.find((file.rfind("nodes_", 0) == 0 ? "--nodes=" : "--relationships=") + file +
                      " \\\n") != std::string::npos);
    const Rows rows = ParseCsv(sink.Text(path));
    const std::vector<std::string>& header = rows.front();
    for (const std::string& cell : header)
      CHECK((std::regex_match(cell, special) || std::regex_match(cell, typed)));
    for (std::size_t r = 1; r < rows.size(); ++r) {
      REQUIRE(rows[r].size() == header.size());
      if (header[0] == "key:ID(Node)") {
        CHECK(ids.insert(rows[r][0]).second);
      } else {
        ends.emplace_back(rows[r][0], rows[r][1]);
      }
    }
  }
  CHECK(ids.size() == graph.node_count());
  CHECK(ends.size() == graph.edge_count());
  for (const auto& [start, end] : ends) {
    CHECK(ids.count(start) == 1);
    CHECK(ids.count(end) == 1);
  }
  CHECK(script.find("neo4j-admin database import full \"${1:-neo4j}\" \\\n") != std::string::npos);
  CHECK(script.find("--array-delimiter=U+001F") != std::string::npos);
  CHECK(script.find("--multiline-fields=true") != std::string::npos);
}

TEST_CASE("neo4j keeps hostile names and splits arrays only on U+001F", "[neo4j][hostile]") {
  const testing::MemorySink sink = testing::Export(Neo4jExporter(), testing::HostileGraph());
  const Rows rows = ParseCsv(sink.Text("neo4j/nodes_entity_company.csv"));
  std::map<std::string, std::vector<std::string>> by_key;
  for (std::size_t r = 1; r < rows.size(); ++r) by_key[rows[r][0]] = rows[r];
  const std::vector<std::string>& hostile = by_key.at("company/hostile");
  CHECK(rows[0][1] == ":LABEL");
  CHECK(hostile[1] ==
        "Entity\x1F"
        "Company");
  CHECK(hostile[2] == testing::HostileNameSanitized());
  CHECK(rows[0][6] == "aliases:string[]");
  CHECK(hostile[6] == testing::HostileNameSanitized() +
                          "\x1F"
                          "alias;with;semicolons\x1F"
                          "unit separator");
  CHECK(by_key.count("company/日本電気") == 1);
}

}  // namespace
}  // namespace kgx
