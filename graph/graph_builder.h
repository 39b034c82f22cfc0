// GraphBuilder: merges documents' extraction results, one at a time and in input order, into
// the knowledge graph of DESIGN.md §5 (documents, events, sections, entities, quantities; the
// structural edges, mentions, relations and co-occurrence). Pipeline: Resolver -> **GraphBuilder**.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/types.h"
#include "graph/knowledge_graph.h"

namespace kgx {

class GraphBuilder {
 public:
  // Adds the next document; documents are numbered D1, D2, … in the order they are added.
  void Add(const DocumentResult& document);
  // Finalizes and returns the graph; the builder is empty afterwards.
  KnowledgeGraph Finish();

  std::size_t documents() const { return documents_; }

 private:
  KnowledgeGraph graph_;
  std::size_t documents_ = 0;
};

// A relation of a document with the subject the graph links it from: an entity id, or empty for
// the relation's section. A relation without a subject belongs to its section's presenter (the
// first company the section is presented_by) when there is one, else to the section;
// presented_by and announced always to the section. Relations of an entity to itself and
// unknown predicates are left out.
struct LinkedRelation {
  const Relation* relation;
  EdgeKind kind;
  std::string_view subject;  // entity id, or empty: the section
};
std::vector<LinkedRelation> LinkRelations(const DocumentResult& document);

// The nodes a document contributes, as every builder makes them.
NodeData DocumentNode(const DocumentResult& document, const std::string& doc_id);
std::optional<NodeData> EventNode(const DocumentResult& document, const std::string& doc_id);
NodeData EntityNode(const Entity& entity);

// The record ids shared by the graph and the JSON Lines output.
std::string DocumentId(std::size_t number);                       // "D1"
std::string SectionId(const std::string& doc_id, std::size_t line);  // "D1#L120"

}  // namespace kgx
