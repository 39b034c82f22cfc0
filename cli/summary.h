// The run summary printed by `kgx extract` (and `make demo`): what was read, what was found,
// which entities matter most, where the outputs went.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "graph/knowledge_graph.h"

namespace kgx {

// What a streamed run wrote, which its entity graph does not hold.
struct SummaryCounts {
  std::map<std::string, std::size_t> sections;  // by kind
  std::size_t quantities = 0, relations = 0;
};

// `counts`: given for a streamed run, whose graph holds only documents and entities.
void PrintSummary(const KnowledgeGraph& graph, const PipelineStats& stats, const std::vector<std::string>& written,
                  std::ostream& out, const SummaryCounts* counts = nullptr);

}  // namespace kgx
