// The closed set of output formats, chosen by name at run time. A new format is one file pair,
// one declaration in formats.h and one line here.
#include "exporters/exporter.h"
#include "exporters/formats.h"

namespace kgx {
namespace {

const std::vector<const Exporter*>& Registry() {
  static const std::vector<const Exporter*> kExporters = {
      &JsonLinesExporter(),
      &GraphmlExporter(),
      &GexfExporter(),
      &JsonLdExporter(),
      &Neo4jExporter(),
      &CypherExporter(),
      &DotExporter(),
  };
  return kExporters;
}

}  // namespace

const Exporter* FindExporter(std::string_view name) {
  for (const Exporter* exporter : Registry()) {
    if (exporter->name() == name) return exporter;
  }
  return nullptr;
}

std::vector<std::string_view> ExporterNames() {
  std::vector<std::string_view> names;
  for (const Exporter* exporter : Registry()) names.push_back(exporter->name());
  return names;
}

}  // namespace kgx
