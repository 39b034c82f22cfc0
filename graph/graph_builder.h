// GraphBuilder: merges documents' extraction results, one at a time and in input order, into
// the knowledge graph of DESIGN.md §5 (documents, events, sections, entities, quantities; the
// structural edges, mentions, relations and co-occurrence). Pipeline: Resolver -> **GraphBuilder**.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>

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

// The record ids shared by the graph and the JSON Lines output.
std::string DocumentId(std::size_t number);                       // "D1"
std::string SectionId(const std::string& doc_id, std::size_t line);  // "D1#L120"

}  // namespace kgx
