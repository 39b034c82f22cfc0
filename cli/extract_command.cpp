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
  auto rules = LoadRulesOrReport(options.rules_dirs, options.quiet);
  if (!rules) {
    std::cerr << "kgx: the rules have errors; nothing was extracted\n";
    return kExitUsage;
  }
  PipelineStats stats;
  const KnowledgeGraph graph = RunPipeline(DefaultInputs(options), *rules, options.threads, options.quiet, stats);
  std::vector<std::string> written;
  const int status = WriteOutputs(graph, options, written);
  if (status == kExitOk && !options.quiet) PrintSummary(graph, stats, written, std::cerr);
  return status;
}

}  // namespace kgx
