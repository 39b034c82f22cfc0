// Where a query's graph comes from: a saved graph.jsonl (--graph FILE) or the inputs, extracted
// on the fly with the rules; both give the same graph for the same notes.
#pragma once

#include "cli/options.h"
#include "extractor/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

Result<KnowledgeGraph> LoadGraphForQuery(const Options& options);

// Reads kgx-jsonl/1 files and builds the graph, documents ordered by path (as one run over all of
// them would have numbered them).
Result<KnowledgeGraph> LoadGraphFromJsonLines(const std::vector<std::string>& files);

}  // namespace kgx
