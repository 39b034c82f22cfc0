// Writes the hostile-names graph's exports, with what a reader must get back, into the folder
// named by KGX_HOSTILE_OUT, for tests/exporters/check_consumers.sh --hostile; also checks that
// no exporter lets a raw control character or ill-formed UTF-8 through.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "export_test_support.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

// Returns true when `text` holds a byte no exporter may write: a C0 control other than TAB, LF
// and CR (the Neo4j array delimiter U+001F excepted where allowed), or DEL.
bool HasRawControl(const std::string& text, bool allow_unit_separator) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0x1F && allow_unit_separator) continue;
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) return true;
  }
  return false;
}

TEST_CASE("No exporter writes raw controls or ill-formed UTF-8 for hostile names", "[hostile]") {
  const KnowledgeGraph graph = testing::HostileGraph();
  for (const Exporter* exporter : {&GraphmlExporter(), &GexfExporter(), &JsonLdExporter(),
                                   &Neo4jExporter(), &CypherExporter(), &DotExporter()}) {
    const testing::MemorySink sink = testing::Export(*exporter, graph);
    for (const std::string& path : sink.order()) {
      INFO(path);
      const bool csv = path.rfind("neo4j/", 0) == 0;  // arrays are U+001F-delimited
      std::string text = sink.Text(path);
      CHECK_FALSE(HasRawControl(text, csv));
      if (csv) std::erase(text, '\x1F');
      CHECK(SanitizeText(text) == text);
    }
  }
}

TEST_CASE("The hostile graph's exports are written to KGX_HOSTILE_OUT", "[hostile-out]") {
  const char* folder = std::getenv("KGX_HOSTILE_OUT");
  if (folder == nullptr || *folder == '\0') {
    SUCCEED("KGX_HOSTILE_OUT is not set: nothing to write");
    return;
  }
  const KnowledgeGraph graph = testing::HostileGraph();
  testing::DirectorySink sink(folder);
  for (const Exporter* exporter : {&GraphmlExporter(), &GexfExporter(), &JsonLdExporter(),
                                   &Neo4jExporter(), &CypherExporter(), &DotExporter()}) {
    exporter->Write(graph, sink);
  }
  // graph.jsonl lets the checker compare record counts; written only when its exporter copes.
  try {
    const testing::MemorySink jsonl = testing::Export(*FindExporter("jsonl"), graph);
    sink.Begin("graph.jsonl") << jsonl.Text("graph.jsonl");
  } catch (const std::exception& error) {
    WARN("graph.jsonl not written: the jsonl exporter failed: " << error.what());
  }

  nlohmann::ordered_json expected;
  expected["hostile_key"] = "company/hostile";
  expected["hostile_text"] = testing::HostileNameSanitized();
  expected["hostile_aliases"] = {testing::HostileNameSanitized(), "alias;with;semicolons",
                                 "unit separator"};
  for (std::size_t i = 0; i < graph.node_count(); ++i) {
    const NodeData& node = graph.node(i);
    const std::string label = SanitizeText(node.label);
    expected["labels"][node.key] = label;
    expected["iris"][node.key] = JsonLdIri(node.key);
    if (node.kind != NodeKind::kDocument && node.kind != NodeKind::kQuantity) {
      expected["dot_labels"][node.key] = label;
    }
  }
  CHECK(expected["labels"]["company/hostile"] == testing::HostileNameSanitized());
  std::ofstream(std::string(folder) + "/expected.json", std::ios::binary)
      << expected.dump(2) << "\n";
}

}  // namespace
}  // namespace kgx
