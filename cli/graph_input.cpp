// Loading a query's graph (see graph_input.h).
#include "cli/graph_input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/pipeline.h"
#include "exporters/jsonl_reader.h"
#include "graph/graph_builder.h"

namespace kgx {

Result<KnowledgeGraph> LoadGraphFromJsonLines(const std::vector<std::string>& files) {
  std::vector<DocumentResult> documents;
  for (const std::string& file : files) {
    Status status;
    if (file == "-") {
      status = ReadJsonLines(std::cin, "<stdin>", documents);
    } else {
      std::error_code ec;
      if (std::filesystem::is_directory(file, ec)) return Status(ErrorCode::kIo, "is a folder, not a file", {file});
      std::ifstream in(file, std::ios::binary);
      if (!in) return Status(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), {file});
      status = ReadJsonLines(in, file, documents);
    }
    if (!status.ok()) return status;
  }
  // One run numbers documents in path order; shards are merged the same way. The same path
  // in two shards is one document read twice: keep the first.
  std::stable_sort(documents.begin(), documents.end(),
                   [](const DocumentResult& a, const DocumentResult& b) { return a.path < b.path; });
  documents.erase(std::unique(documents.begin(), documents.end(),
                              [](const DocumentResult& a, const DocumentResult& b) { return a.path == b.path; }),
                  documents.end());
  GraphBuilder builder;
  for (const DocumentResult& document : documents) builder.Add(document);
  return builder.Finish();
}

Result<KnowledgeGraph> LoadGraphForQuery(const Options& options) {
  if (!options.graph_file.empty()) return LoadGraphFromJsonLines({options.graph_file});
  auto rules = LoadRulesOrReport(options.rules_dirs, true, options.threads);
  if (!rules) return Status(ErrorCode::kInvalidRules, "the rules have errors");
  PipelineStats stats;
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("samples");
  return RunPipeline(inputs, *rules, options.threads, options.quiet, stats);
}

}  // namespace kgx
