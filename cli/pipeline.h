// Pipeline: runs the extractor over every input document, in parallel, and merges the results
// into the graph in input order (so the output is the same for every thread count). At most a
// few documents per worker are in memory at once.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractor/rule_set.h"
#include "graph/knowledge_graph.h"

namespace kgx {

struct PipelineStats {
  std::size_t files = 0;       // files listed
  std::size_t documents = 0;   // documents extracted
  std::size_t skipped = 0;     // files skipped (empty, binary, unreadable)
  std::size_t bytes = 0;
  std::size_t warnings = 0;
  double seconds = 0.0;
};

// What a sink's Prepare made of a document on the worker, for its Merge (a sink derives its own).
struct PreparedDocument {
  virtual ~PreparedDocument() = default;
};

// What the pipeline does with the documents it extracts.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // On the worker that extracted `document`, concurrently with other calls: the work that does
  // not need to know the documents before it. Its result goes to Merge. `number` is the
  // document's number (1, 2, … over the documents extracted) unless a file before it that was
  // still being read when it was claimed is skipped (empty, binary, unreadable): then it is higher.
  virtual std::unique_ptr<PreparedDocument> Prepare(const DocumentResult& /*document*/, std::size_t /*number*/) const {
    return nullptr;
  }
  // In input order, one document at a time; `number` is the one Prepare was given, `prepared`
  // what it returned.
  virtual void Merge(const DocumentResult& document, std::size_t number, std::unique_ptr<PreparedDocument> prepared) = 0;
};

// Extracts every input into `sink`. Warnings are printed to standard error as they come, in
// input order, unless `quiet`; `threads` 0 means all cores.
void RunPipeline(const std::vector<std::string>& inputs, const RuleSet& rules, std::size_t threads, bool quiet,
                 PipelineStats& stats, DocumentSink& sink);

// Extracts every input and returns the finalized graph. Warnings are printed to standard error
// as they come, in input order, unless `quiet`; `threads` 0 means all cores.
KnowledgeGraph RunPipeline(const std::vector<std::string>& inputs, const RuleSet& rules,
                           std::size_t threads, bool quiet, PipelineStats& stats);

// Loads the rule directories (the shipped rules when empty), printing every diagnostic to
// standard error. Returns nullptr on errors. `threads` as for --threads (0: all cores): with two
// or more, the rule families compile on two threads.
std::unique_ptr<RuleSet> LoadRulesOrReport(const std::vector<std::string>& dirs, bool quiet, std::size_t threads);

// The shipped rules directory: $KGX_RULES, else rules/ next to the current folder, else the
// source tree kgx was built from.
std::string DefaultRulesDir();

}  // namespace kgx
