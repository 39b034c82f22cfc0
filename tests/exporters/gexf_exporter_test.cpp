// Tests of the gexf exporter: exact bytes for a small graph, and the rules of EXPORT-FORMATS.md
// §2 (GEXF 1.3 root, one attributes block per class, unique (source, target, kind), viz data).
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <tuple>

#include "export_test_support.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST_CASE("gexf writes the small graph byte for byte", "[gexf]") {
  const testing::MemorySink sink = testing::Export(GexfExporter(), testing::SmallGraph());
  CHECK(sink.order() == std::vector<std::string>{"graph.gexf"});
  testing::CheckGolden("small/graph.gexf", sink.Text("graph.gexf"));
}

TEST_CASE("gexf output does not depend on the global locale", "[gexf]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const std::string plain = testing::Export(GexfExporter(), graph).Text("graph.gexf");
  testing::ScopedGroupingLocale grouping;
  CHECK(testing::Export(GexfExporter(), graph).Text("graph.gexf") == plain);
}

TEST_CASE("gexf is 1.3 without schemaLocation and one attributes block per class", "[gexf]") {
  const std::string xml = testing::Export(GexfExporter(), testing::SmallGraph()).Text("graph.gexf");
  CHECK(xml.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                 "version=\"1.3\">") != std::string::npos);
  CHECK(xml.find("schemaLocation") == std::string::npos);
  CHECK(Count(xml, "<attributes class=\"node\">") == 1);
  CHECK(Count(xml, "<attributes class=\"edge\">") == 1);
  CHECK(Count(xml, "<viz:color ") == 7);
  CHECK(Count(xml, "<viz:size ") == 7);
  CHECK(xml.find("<viz:color r=\"255\" g=\"153\" b=\"0\" a=\"1.0\"/>") !=
        std::string::npos);  // aws_service
  CHECK(xml.find("<nodes count=\"7\">") != std::string::npos);
  CHECK(xml.find("<edges count=\"9\">") != std::string::npos);
}

TEST_CASE("gexf keeps (source, target, kind) unique when a person holds two roles",
          "[gexf][hostile]") {
  const std::string xml =
      testing::Export(GexfExporter(), testing::HostileGraph()).Text("graph.gexf");
  const std::regex edge(R"re(<edge id="\d+" source="([^"]*)" target="([^"]*)" kind="([^"]*)")re");
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::size_t edges = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), edge); it != std::sregex_iterator();
       ++it) {
    CHECK(seen.insert({(*it)[1], (*it)[2], (*it)[3]}).second);
    ++edges;
  }
  CHECK(edges == 10);
  CHECK(xml.find("kind=\"role_at:CEO\"") != std::string::npos);
}

TEST_CASE("gexf keeps hostile names as escaped attribute values", "[gexf][hostile]") {
  const std::string xml =
      testing::Export(GexfExporter(), testing::HostileGraph()).Text("graph.gexf");
  const std::string escaped = EscapeXmlAttribute(testing::HostileName());
  CHECK(escaped.find('\n') == std::string::npos);
  CHECK(escaped.find("&#10;") != std::string::npos);
  CHECK(xml.find("<node id=\"company/hostile\" label=\"" + escaped + "\">") != std::string::npos);
  // The alias list quotes each item and escapes \ and ' inside it.
  CHECK(xml.find("<attvalue for=\"aliases\" value=\"['Q&quot;uote \\'apos\\' ") !=
        std::string::npos);
  CHECK(xml.find("'alias;with;semicolons', 'unit separator']\"/>") != std::string::npos);
}

}  // namespace
}  // namespace kgx
