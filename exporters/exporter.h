// Exporter: one output format of the knowledge graph, registered by name (registry.cpp).
// An exporter renders the finalized graph into one or more files through a FileSink; the CLI's
// sink writes each to a temporary file and renames it into place, or to standard output.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgx {

// Where an exporter writes. Begin() returns a stream for the named file (a path relative to the
// output folder) that stays valid until the next Begin() call.
class FileSink {
 public:
  virtual ~FileSink() = default;
  virtual std::ostream& Begin(const std::string& relative_path) = 0;
  // Appends bytes [offset, offset + length) of the open file `fd` to the file Begin() opened last,
  // after what its stream holds, without passing them through the process where both files allow
  // (copy_file_range), and returns how many it appended; the caller writes the rest through the
  // stream. A sink that cannot appends none.
  virtual std::size_t AppendFile(int /*fd*/, std::size_t /*offset*/, std::size_t /*length*/) { return 0; }
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  // The --format name: "graphml", "gexf", "jsonld", "neo4j", "cypher", "dot", "jsonl".
  virtual std::string_view name() const = 0;
  // The files it writes, relative to --out: {"graph.graphml"} or {"neo4j/nodes_entity.csv", …}.
  // Only the first is written when the output is standard output.
  virtual std::vector<std::string> FileNames(const KnowledgeGraph& graph) const = 0;
  // Writes every file of FileNames() through `sink`, deterministically.
  virtual void Write(const KnowledgeGraph& graph, FileSink& sink) const = 0;
};

// Returns the exporter named `name`, or nullptr.
const Exporter* FindExporter(std::string_view name);
// Returns the names of all exporters, in registry order.
std::vector<std::string_view> ExporterNames();

}  // namespace kgx
