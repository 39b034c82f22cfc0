// `kgx merge`: shard outputs of `kgx extract --format jsonl` -> the graph one run over all the
// shards' inputs would have built, written in the chosen formats (default jsonl).
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_input.h"

namespace kgx {

int WriteOutputs(const KnowledgeGraph& graph, const Options& options, std::vector<std::string>& written);

int RunMerge(const Options& options) {
  Result<KnowledgeGraph> graph = LoadGraphFromJsonLines(options.inputs);
  if (!graph.ok()) {
    std::cerr << "kgx: " << graph.status().ToString() << '\n';
    return kExitFailure;
  }
  Options output = options;
  if (output.formats.empty()) output.formats = {"jsonl"};
  std::vector<std::string> written;
  const int status = WriteOutputs(*graph, output, written);
  if (status == kExitOk && !options.quiet) {
    for (const std::string& path : written) std::cerr << "kgx: wrote " << path << '\n';
  }
  return status;
}

}  // namespace kgx
