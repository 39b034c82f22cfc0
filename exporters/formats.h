// The exporters known to the registry, one accessor per format (each defined in its own file).
#pragma once

#include "exporters/exporter.h"

namespace kgx {

const Exporter& JsonLinesExporter();  // jsonl: contract kgx-jsonl/1 (DESIGN.md §3)
const Exporter& GraphmlExporter();    // graphml: graph.graphml (EXPORT-FORMATS.md §1)
const Exporter& GexfExporter();       // gexf: graph.gexf, GEXF 1.3 (§2)
const Exporter& JsonLdExporter();     // jsonld: graph.jsonld, JSON-LD 1.1 + schema.org (§4)
const Exporter& Neo4jExporter();      // neo4j: neo4j/*.csv + import.sh for neo4j-admin (§3a)
const Exporter& CypherExporter();     // cypher: graph.cypher, idempotent Neo4j 5 script (§3b)
const Exporter& DotExporter();        // dot: graph.dot, entity-level view for Graphviz (§5)

}  // namespace kgx
