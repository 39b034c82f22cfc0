// `kgx extract`: inputs -> graph -> the chosen formats, written atomically, plus a summary on
// standard error (documents, sections, entities per type, the most mentioned entities, outputs).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/summary.h"
#include "exporters/exporter.h"
#include "extractor/stage_times.h"

namespace kgx {

namespace {

std::vector<std::string> DefaultInputs(const Options& options) {
  if (!options.inputs.empty()) return options.inputs;
  return {"samples"};
}

}  // namespace

// Writes `graph` in every requested format; returns an exit status.
int WriteOutputs(const KnowledgeGraph& graph, const Options& options, std::vector<std::string>& written) {
  std::vector<std::string> formats = options.formats;
  if (formats.empty()) formats = {"graphml", "jsonld"};
  std::vector<const Exporter*> exporters;
  for (const std::string& format : formats) {
    const Exporter* exporter = FindExporter(format);
    if (!exporter) {
      std::string known;
      for (std::string_view name : ExporterNames()) known += (known.empty() ? "" : ", ") + std::string(name);
      std::cerr << "kgx: unknown format '" << format << "' (known: " << known << ")\n";
      return kExitUsage;
    }
    if (std::find(exporters.begin(), exporters.end(), exporter) == exporters.end()) exporters.push_back(exporter);
  }
  if (options.out == "-") {
    if (exporters.size() != 1) {
      std::cerr << "kgx: --out - writes one format; choose one with --format\n";
      return kExitUsage;
    }
    StdoutSink sink;
    exporters.front()->Write(graph, sink);
    std::cout.flush();
    return kExitOk;
  }
  AtomicFileSink sink(options.out);
  for (const Exporter* exporter : exporters) exporter->Write(graph, sink);
  if (Status status = sink.Commit(); !status.ok()) {
    std::cerr << "kgx: " << status.ToString() << '\n';
    return kExitFailure;
  }
  written = sink.written();
  return kExitOk;
}

int RunExtract(const Options& options) {
  if (options.formats.empty() == false && options.out == "-" && options.formats.size() > 1) {
    std::cerr << "kgx: --out - writes one format; choose one with --format\n";
    return kExitUsage;
  }
  StageTimer timer(Stage::kRules);
  auto rules = LoadRulesOrReport(options.rules_dirs, options.quiet);
  if (!rules) {
    std::cerr << "kgx: the rules have errors; nothing was extracted\n";
    return kExitUsage;
  }
  timer.Switch(Stage::kCount);  // the pipeline charges its own stages
  PipelineStats stats;
  // The graph is kept until the process exits, on purpose: freeing its millions of small
  // allocations one by one costs several percent of a run, and the system reclaims the memory
  // at once. The static pointer keeps it reachable, so leak checkers do not report it.
  static const KnowledgeGraph* kept_graph = nullptr;
  kept_graph = new KnowledgeGraph(RunPipeline(DefaultInputs(options), *rules, options.threads, options.quiet, stats));
  const KnowledgeGraph& graph = *kept_graph;
  std::vector<std::string> written;
  timer.Switch(Stage::kOutput);
  const int status = WriteOutputs(graph, options, written);
  timer.Switch(Stage::kCount);
  if (status == kExitOk && !options.quiet) PrintSummary(graph, stats, written, std::cerr);
  if (StageTimesEnabled()) PrintStageTimes(std::cerr);
  return status;
}

}  // namespace kgx
