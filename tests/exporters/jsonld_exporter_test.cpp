// Tests of the jsonld exporter: exact bytes for a small graph, and the rules of
// EXPORT-FORMATS.md §4 (inline context defining every term, absolute urn:kgx: ids, references
// coerced to @id, one plain triple per edge plus a statement with its evidence).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "export_test_support.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

using Json = nlohmann::json;

Json Parse(const KnowledgeGraph& graph) {
  return Json::parse(testing::Export(JsonLdExporter(), graph).Text("graph.jsonld"));
}

// Checks that every key of `value` (recursively) is a keyword or a term of `context`.
void CheckTermsDefined(const Json& value, const Json& context) {
  if (value.is_array()) {
    for (const Json& item : value) CheckTermsDefined(item, context);
    return;
  }
  if (!value.is_object()) return;
  for (const auto& [key, item] : value.items()) {
    INFO("property " << key);
    CHECK((key.rfind('@', 0) == 0 || context.contains(key)));
    CheckTermsDefined(item, context);
  }
}

TEST_CASE("jsonld writes the small graph byte for byte", "[jsonld]") {
  const testing::MemorySink sink = testing::Export(JsonLdExporter(), testing::SmallGraph());
  CHECK(sink.order() == std::vector<std::string>{"graph.jsonld"});
  testing::CheckGolden("small/graph.jsonld", sink.Text("graph.jsonld"));
}

TEST_CASE("jsonld output does not depend on the global locale", "[jsonld]") {
  const KnowledgeGraph graph = testing::SmallGraph();
  const std::string plain = testing::Export(JsonLdExporter(), graph).Text("graph.jsonld");
  testing::ScopedGroupingLocale grouping;
  CHECK(testing::Export(JsonLdExporter(), graph).Text("graph.jsonld") == plain);
}

TEST_CASE("jsonld defines every term inline and uses absolute ids", "[jsonld]") {
  const Json doc = Parse(testing::SmallGraph());
  const Json& context = doc["@context"];
  CHECK(context["kgx"] == "urn:kgx:vocab#");
  for (const auto& [term, definition] : context.items()) {
    if (!definition.is_string()) continue;
    const std::string iri = definition;
    CHECK((iri.find(':') != std::string::npos));  // a compact or absolute IRI, never relative
  }
  CheckTermsDefined(doc["@graph"], context);
  std::set<std::string> ids;
  for (const Json& node : doc["@graph"]) {
    const std::string id = node["@id"];
    CHECK(id.rfind("urn:kgx:", 0) == 0);
    CHECK(id.find_first_of(" <>\"{}|\\^`") == std::string::npos);
    CHECK(ids.insert(id).second);
  }
  CHECK(ids.size() == 1 + 7 + 9);  // graph header, nodes, statements
}

TEST_CASE("jsonld types nodes with schema.org and links them by the graph's edges", "[jsonld]") {
  const Json doc = Parse(testing::SmallGraph());
  const auto find = [&](const std::string& id) {
    for (const Json& node : doc["@graph"]) {
      if (node["@id"] == id) return node;
    }
    return Json();
  };
  const Json talk = find("urn:kgx:section/D1.L3");
  CHECK(talk["@type"][0] == "Event");
  CHECK(talk["superEvent"] == Json::array({"urn:kgx:event/aws-reinvent-2016"}));
  CHECK(talk["mentions"] ==
        Json::array({"urn:kgx:aws_service/amazon-aurora", "urn:kgx:company/netflix"}));
  CHECK(find("urn:kgx:company/netflix")["@type"][0] == "Organization");
  CHECK(find("urn:kgx:person/adrian-cockcroft")["@type"][0] == "Person");
  CHECK(find("urn:kgx:aws_service/amazon-aurora")["@type"][0] == "SoftwareApplication");
  CHECK(find("urn:kgx:document/D1")["@type"][0] == "DigitalDocument");
  const Json quantity = find("urn:kgx:quantity/D1.L7.200");
  CHECK(quantity["@type"][0] == "QuantitativeValue");
  CHECK(quantity["value"] == 5.0);
  CHECK(quantity["unitText"] == "times");
  const Json role =
      find("urn:kgx:stmt/role_at/person%2Fadrian-cockcroft/company%2Fnetflix/Cloud%20Architect");
  CHECK(role["predicate"] == "roleAt");
  CHECK(role["roleName"] == "Cloud Architect");
  CHECK(role["provenance"][0]["line"] == 6);
}

TEST_CASE("jsonld keeps hostile names as sanitised JSON strings", "[jsonld][hostile]") {
  const Json doc = Parse(testing::HostileGraph());
  std::size_t found = 0;
  for (const Json& node : doc["@graph"]) {
    if (node["@id"] == "urn:kgx:company/hostile") {
      CHECK(node["name"] == testing::HostileNameSanitized());
      CHECK(node["alternateName"][0] == testing::HostileNameSanitized());
      ++found;
    }
    if (node.contains("key") && node["key"] == "technology/c#: \"we'ird\" key\\") {
      CHECK(node["@id"] == "urn:kgx:technology/c%23%3A%20%22we%27ird%22%20key%5C");
      ++found;
    }
  }
  CHECK(found == 2);
  CheckTermsDefined(doc["@graph"], doc["@context"]);
}

}  // namespace
}  // namespace kgx
