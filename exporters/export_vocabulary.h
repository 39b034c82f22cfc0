// The names and looks every exporter agrees on, so that GraphML, GEXF, JSON-LD, Neo4j CSV,
// Cypher and DOT describe the same graph the same way: Neo4j labels and relationship types,
// colours by node kind and entity type, node sizes from PageRank, display labels, and evidence
// lists as JSON text. Reads the finalized graph only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgx {

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
  // Returns "#rrggbb" (lower-case hex).
  std::string Hex() const;
};

// Returns `snake` as UpperCamelCase ASCII ("aws_service" -> "AwsService"): every run of
// [A-Za-z0-9] starts a capital, everything else separates; "Unknown" when nothing is left, and
// a leading digit gets a "T" in front, so the result is always a plain Cypher/Neo4j name.
std::string UpperCamel(std::string_view snake);

// Returns UpperCamelCase `camel` as lower snake case ("AwsService" -> "aws_service").
std::string LowerSnake(std::string_view camel);

// Returns the label a node is MERGEd on and constrained by: Document, Event, Section, Entity or
// Quantity.
std::string PrimaryLabel(const NodeData& node);

// Returns every Neo4j label of a node, primary first: {"Entity", "AwsService"},
// {"Section", "Talk"}, {"Document"} …
std::vector<std::string> NodeLabels(const NodeData& node);

// Returns the Neo4j relationship type of an edge kind: "MENTIONS", "MIGRATED_TO" …
std::string RelationshipType(EdgeKind kind);

// Returns what a person reads for a node: its label, or its key when the label is empty.
const std::string& DisplayLabel(const NodeData& node);

// Returns the colour of a node: by entity type for entities (aws_service orange, company blue,
// person green, technology purple), by section kind for sections, by node kind otherwise.
Rgb NodeColor(const NodeData& node);

// Node sizes for drawing formats: entities from 10 to 50 by the square root of their PageRank
// relative to the largest (by degree when no node has a PageRank), other kinds a fixed size.
class NodeSizer {
 public:
  explicit NodeSizer(const KnowledgeGraph& graph);
  double Size(const NodeData& node) const;

 private:
  bool by_pagerank_ = true;
  double max_score_ = 0.0;
};

// Returns `evidence` as a compact JSON array of {"doc","section","path","line","start","end",
// "text","context"} objects (section and context only when set), every string sanitised; "[]"
// when empty.
std::string EvidenceJson(const std::vector<Provenance>& evidence);

// Returns `strings` sanitised as a compact JSON array of strings.
std::string StringListJson(const std::vector<std::string>& strings);

}  // namespace kgx
