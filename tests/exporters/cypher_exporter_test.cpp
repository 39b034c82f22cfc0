// Tests of the cypher exporter: exact bytes for a small graph, and the rules of EXPORT-FORMATS.md
// §3b (Neo4j 5 constraints first, batched UNWIND + MERGE, escaped single-quoted literals).
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "export_test_support.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

// Returns the text of a Cypher single-quoted literal body as Neo4j reads it.
std::string Unquote(const std::string& body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out.push_back(body[i]);
      continue;
    }
    const char next = body[++i];
    out.push_back(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
  }
  return out;
}

TEST_CASE("cypher writes the small graph byte for byte", "[cypher]") {
  const testing::MemorySink sink = testing::Export(CypherExporter(), testing::SmallGraph());
  CHECK(sink.order() == std::vector<std::string>{"graph.cypher"});
  testing::CheckGolden("small/graph.cypher", sink.Text("graph.cypher"));
}

TEST_CASE("cypher output does not depend on the global locale", "[cypher]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const std::string plain = testing::Export(CypherExporter(), graph).Text("graph.cypher");
  testing::ScopedGroupingLocale grouping;
  CHECK(testing::Export(CypherExporter(), graph).Text("graph.cypher") == plain);
}

TEST_CASE("cypher puts Neo4j 5 constraints first and MERGEs on the key", "[cypher]") {
  const std::string script =
      testing::Export(CypherExporter(), testing::SmallGraph()).Text("graph.cypher");
  CHECK(script.find("ASSERT") == std::string::npos);
  CHECK(script.find(
            "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;") <
        script.find("UNWIND"));
  CHECK(script.find("MERGE (n:Entity {key: row.key})\nSET n += row, n:AwsService;") !=
        std::string::npos);
  CHECK(script.find("MERGE (a)-[r:ROLE_AT {role: row.role}]->(b)") != std::string::npos);
  CHECK(script.find("MATCH (a:Section {key: row.s})\nMATCH (b:Entity {key: row.t})\nMERGE "
                    "(a)-[r:MENTIONS]->(b)") != std::string::npos);
  CHECK(script.find("`weight`: 2.0") != std::string::npos);  // floats stay floats
}

TEST_CASE("cypher batches rows into statements of at most 500", "[cypher]") {
  KnowledgeGraph graph;
  for (int i = 0; i < 1201; ++i) {
    NodeData node;
    node.key = "technology/t" + std::to_string(1000 + i);
    node.kind = NodeKind::kEntity;
    node.type = "technology";
    node.label = "T" + std::to_string(i);
    graph.AddNode(node);
  }
  graph.Finalize();
  const std::string script = testing::Export(CypherExporter(), graph).Text("graph.cypher");
  std::size_t statements = 0;
  for (auto at = script.find("UNWIND ["); at != std::string::npos;
       at = script.find("UNWIND [", at + 1))
    ++statements;
  CHECK(statements == 3);
}

TEST_CASE("cypher escapes hostile names in literals", "[cypher][hostile]") {
  const std::string script =
      testing::Export(CypherExporter(), testing::HostileGraph()).Text("graph.cypher");
  // No literal spans lines: every line is a comment, a schema line, a row or a clause.
  std::istringstream lines(script);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(std::regex_match(
        line,
        std::regex(
            R"re(^(//.*|CREATE CONSTRAINT .*;|UNWIND \[|  \{.*\},?|\] AS row|MERGE .*|MATCH .*|SET .*;)$)re")));
  }
  const std::regex hostile(R"re(\{`key`: 'company/hostile', `name`: '((?:[^'\\]|\\.)*)')re");
  std::smatch match;
  REQUIRE(std::regex_search(script, match, hostile));
  CHECK(Unquote(match[1]) == testing::HostileNameSanitized());
  CHECK(script.find("`key`: 'technology/c#: \"we\\'ird\" key\\\\'") != std::string::npos);
}

}  // namespace
}  // namespace kgx
