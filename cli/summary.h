// The run summary printed by `kgx extract` (and `make demo`): what was read, what was found,
// which entities matter most, where the outputs went.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/pipeline.h"
#include "graph/knowledge_graph.h"

namespace kgx {

void PrintSummary(const KnowledgeGraph& graph, const PipelineStats& stats,
                  const std::vector<std::string>& written, std::ostream& out);

}  // namespace kgx
