// Tests of the dot exporter: exact bytes for a small graph, and the rules of EXPORT-FORMATS.md
// §5 (every id and value quoted and escaped, entity-level view with its counts, fonts, weight
// in penwidth and kg_weight).
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "export_test_support.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

TEST_CASE("dot writes the small graph byte for byte", "[dot]") {
  const testing::MemorySink sink = testing::Export(DotExporter(), testing::SmallGraph());
  CHECK(sink.order() == std::vector<std::string>{"graph.dot"});
  testing::CheckGolden("small/graph.dot", sink.Text("graph.dot"));
}

TEST_CASE("dot output does not depend on the global locale", "[dot]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const std::string plain = testing::Export(DotExporter(), graph).Text("graph.dot");
  testing::ScopedGroupingLocale grouping;
  CHECK(testing::Export(DotExporter(), graph).Text("graph.dot") == plain);
}

TEST_CASE("dot shows entities, sections and events and states both graphs' counts", "[dot]") {
  const std::string dot = testing::Export(DotExporter(), testing::SmallGraph()).Text("graph.dot");
  CHECK(dot.find("kg_nodes=\"5\", kg_edges=\"5\", kg_graph_nodes=\"7\", kg_graph_edges=\"9\"") !=
        std::string::npos);
  CHECK(dot.find("kg_kind=\"co_occurs\"") == std::string::npos);  // weight 1: through the section
  CHECK(dot.find("\"document/D1\"") == std::string::npos);
  CHECK(dot.find("\"quantity/") == std::string::npos);
  CHECK_FALSE(std::regex_search(dot, std::regex("[ \\[]weight=")));  // no Graphviz layout weight
  CHECK(dot.find("penwidth=\"2\"") != std::string::npos);
  CHECK(dot.find("shape=\"record\"") == std::string::npos);
  for (const char* scope : {"graph [fontname=", "node [fontname=", "edge [fontname="})
    CHECK(dot.find(scope) != std::string::npos);
}

TEST_CASE("dot quotes keyword ids and escapes hostile names", "[dot][hostile]") {
  const std::string dot = testing::Export(DotExporter(), testing::HostileGraph()).Text("graph.dot");
  std::istringstream lines(dot);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(std::regex_search(
        line, std::regex(R"re(^(//|digraph "kgx" \{$|  (graph|node|edge) \[|  "|\}$))re")));
  }
  CHECK(dot.find("  \"technology/node\" [label=\"node\"") != std::string::npos);
  CHECK(dot.find("  \"technology/node\" -> \"technology/graph\" [kg_kind=\"co_occurs\", "
                 "kg_weight=\"2\"") != std::string::npos);
  CHECK(dot.find("[label=" + QuoteDotString(testing::HostileName()) + ",") != std::string::npos);
  CHECK(QuoteDotString(testing::HostileName()).find("C:\\\\tmp\\\\\"") != std::string::npos);
  CHECK(dot.find("\"technology/c#: \\\"we'ird\\\" key\\\\\"") != std::string::npos);
}

}  // namespace
}  // namespace kgx
