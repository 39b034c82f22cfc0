// Streamed JSON Lines: how `kgx extract --format jsonl` writes a corpus of any size with memory
// bounded by the entity graph and the documents in flight, not by the corpus. The bytes are
// those of the jsonl exporter writing the full graph (tests compare them).
//   1. On a worker, RenderDocumentRecords: the document's sections, mentions, quantities and
//      relations in file order, with the id the document gets unless a file before it that is
//      still being read is skipped (the pipeline knows which files before it were); with them
//      the linked relations, the entity each mention and relation names (EntityRefs) and the
//      count of quantities, which the merging side needs too.
//   2. In input order, JsonlStream::Add numbers the document, spools the records to a temporary
//      file (rendered again in the rare case their id was not the document's) and adds the
//      document to the entity graph (EntityGraphBuilder).
//   3. JsonlStream::Finish writes graph.jsonl: documents, entities, then the spooled records.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "exporters/exporter.h"
#include "exporters/spool_file.h"
#include "extractor/status.h"
#include "extractor/types.h"
#include "graph/entity_graph_builder.h"
#include "graph/entity_refs.h"
#include "graph/graph_builder.h"

namespace kgx {

// A document's records and what was worked out to write them.
struct DocumentRecords {
  std::string text;                              // the records, one a line
  std::vector<LinkedRelation> linked_relations;  // LinkRelations(document): points into it
  std::size_t quantities = 0;                    // quantity records (one per place)
  EntityRefs entity_refs;                        // ResolveEntityRefs(document, linked_relations)
};

// Returns the records of `document` as document number `number` ("D<number>"). Thread-safe (reads
// only `document`).
DocumentRecords RenderDocumentRecords(const DocumentResult& document, std::size_t number);

class JsonlStream {
 public:
  // The spool file goes into `spool_folder` (which must exist).
  Status Open(const std::string& spool_folder);
  // Numbers `document` and spools its records, `rendered` (RenderDocumentRecords(document,
  // rendered_as)) as document number `rendered_as`.
  void Add(const DocumentResult& document, std::size_t rendered_as, const DocumentRecords& rendered);
  // Writes graph.jsonl through `sink` and returns the entity graph (for the run's summary);
  // `threads` as for EntityGraphBuilder::Finish.
  Status Finish(FileSink& sink, KnowledgeGraph& entity_graph, std::size_t threads = 1);

  // What was written, for the summary.
  const std::map<std::string, std::size_t>& sections() const { return sections_; }
  std::size_t quantities() const { return quantities_; }
  std::size_t relations() const { return relations_; }

 private:
  SpoolFile spool_;
  EntityGraphBuilder graph_;
  std::string documents_;  // their records; small, one per file
  std::size_t numbered_ = 0;
  std::map<std::string, std::size_t> sections_;
  std::size_t quantities_ = 0, relations_ = 0;
};

}  // namespace kgx
