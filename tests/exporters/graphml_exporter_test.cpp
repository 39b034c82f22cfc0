// Tests of the graphml exporter: exact bytes for a small graph, and the rules of
// EXPORT-FORMATS.md §1 (typed keys per domain, NMTOKEN ids, APOC keys, hostile text).
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "export_test_support.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

TEST_CASE("graphml writes the small graph byte for byte", "[graphml]") {
  const testing::MemorySink sink = testing::Export(GraphmlExporter(), testing::SmallGraph());
  CHECK(sink.order() == std::vector<std::string>{"graph.graphml"});
  CHECK(GraphmlExporter().FileNames(testing::SmallGraph()) == sink.order());
  testing::CheckGolden("small/graph.graphml", sink.Text("graph.graphml"));
}

TEST_CASE("graphml output does not depend on the global locale", "[graphml]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const std::string plain = testing::Export(GraphmlExporter(), graph).Text("graph.graphml");
  testing::ScopedGroupingLocale grouping;
  CHECK(testing::Export(GraphmlExporter(), graph).Text("graph.graphml") == plain);
}

TEST_CASE("graphml declares keys per domain, never for=all or the ids d3/d7", "[graphml]") {
  const std::string xml =
      testing::Export(GraphmlExporter(), testing::SmallGraph()).Text("graph.graphml");
  CHECK(xml.find("for=\"all\"") == std::string::npos);
  CHECK(xml.find("id=\"d3\"") == std::string::npos);
  CHECK(xml.find("id=\"d7\"") == std::string::npos);
  CHECK(xml.find("<default>") == std::string::npos);
  CHECK(xml.find("directed=") == std::string::npos);  // edgedefault only
  const std::regex key(
      R"re(<key id="([^"]+)" for="(node|edge|graph)" attr\.name="([^"]+)" attr\.type="(boolean|int|long|float|double|string)"/>)re");
  std::set<std::string> ids, names;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), key); it != std::sregex_iterator();
       ++it) {
    CHECK(ids.insert((*it)[1]).second);
    CHECK(names.insert(std::string((*it)[2]) + "/" + std::string((*it)[3])).second);
  }
  CHECK(ids.count("labels") == 1);  // APOC node labels
  CHECK(ids.count("label") == 1);   // APOC relationship type
  CHECK(xml.find("<graph id=\"kgx\" edgedefault=\"directed\">") < xml.find("<node "));
  CHECK(xml.rfind("<key ") < xml.find("<graph "));
}

TEST_CASE("graphml writes the relationship type as each edge's first data", "[graphml]") {
  const std::string xml =
      testing::Export(GraphmlExporter(), testing::SmallGraph()).Text("graph.graphml");
  const std::regex edge(
      R"re(<edge id="e(\d+)" source="[^"]+" target="[^"]+">\n\s*<data key="([^"]+)">([^<]*)</data>)re");
  std::size_t count = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), edge); it != std::sregex_iterator();
       ++it) {
    CHECK((*it)[1] == std::to_string(count));
    CHECK((*it)[2] == "label");
    CHECK(std::regex_match(std::string((*it)[3]), std::regex("[A-Z_]+")));
    ++count;
  }
  CHECK(count == 9);
  CHECK(xml.find("<data key=\"e_symmetric\">true</data>") != std::string::npos);
}

TEST_CASE("graphml keeps hostile names as escaped text with NMTOKEN ids", "[graphml][hostile]") {
  const KnowledgeGraph graph = testing::HostileGraph();
  const std::string xml = testing::Export(GraphmlExporter(), graph).Text("graph.graphml");
  const std::string escaped = EscapeXmlContent(testing::HostileName());
  CHECK(escaped.find("]]>") == std::string::npos);
  CHECK(escaped.find("&#13;") != std::string::npos);
  CHECK(xml.find("<data key=\"v_label\">" + escaped + "</data>") != std::string::npos);
  const std::regex node_id(R"re(<node id="([^"]*)">)re");
  std::size_t nodes = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), node_id);
       it != std::sregex_iterator(); ++it) {
    CHECK(std::regex_match(std::string((*it)[1]), std::regex("[A-Za-z0-9._:-]+")));
    ++nodes;
  }
  CHECK(nodes == graph.node_count());
  CHECK(xml.find("id=\"technology:c_23_3A_20_22we_27ird_22_20key_5C\"") != std::string::npos);
}

}  // namespace
}  // namespace kgx
