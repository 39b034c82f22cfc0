// `kgx extract`: inputs -> graph -> the chosen formats, written atomically, plus a summary on
// standard error (documents, sections, entities per type, the most mentioned entities, outputs).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>
#include <utility>

#include "cli/commands.h"
#include "cli/keep_until_exit.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/summary.h"
#include "exporters/exporter.h"
#include "exporters/jsonl_stream.h"
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

// `--format jsonl` alone is streamed (exporters/jsonl_stream.h): the per-document records are
// rendered by the workers and spooled to disk, so memory holds only the entity graph.
bool StreamsJsonl(const Options& options) {
  return !options.formats.empty() &&
         std::all_of(options.formats.begin(), options.formats.end(), [](const std::string& f) { return f == "jsonl"; });
}

class JsonlSink final : public DocumentSink {
 public:
  struct Prepared final : PreparedDocument {
    DocumentRecords records;
  };
  std::unique_ptr<PreparedDocument> Prepare(const DocumentResult& document, std::size_t number) const override {
    auto prepared = std::make_unique<Prepared>();
    prepared->records = RenderDocumentRecords(document, number);
    return prepared;
  }
  void Merge(const DocumentResult& document, std::size_t number, std::unique_ptr<PreparedDocument> prepared) override {
    stream.Add(document, number, static_cast<const Prepared&>(*prepared).records);
  }
  JsonlStream stream;
};

// The threads the end of a run may use (PageRank): the run's, `--threads 0` meaning every core.
std::size_t EndThreads(const Options& options) {
  return options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

// The streamed run: extraction into the spool, then graph.jsonl (atomically, or to stdout).
int ExtractStreamed(const Options& options, const RuleSet& rules, PipelineStats& stats,
                    std::vector<std::string>& written, KnowledgeGraph& entity_graph, JsonlSink& sink) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string spool_folder = options.out == "-" ? fs::temp_directory_path(ec).string() : options.out;
  if (options.out != "-") {
    fs::create_directories(options.out, ec);
    if (ec) {
      std::cerr << "kgx: " << options.out << ": cannot create folder: " << ec.message() << '\n';
      return kExitFailure;
    }
  }
  if (Status opened = sink.stream.Open(spool_folder); !opened.ok()) {
    std::cerr << "kgx: " << opened.ToString() << '\n';
    return kExitFailure;
  }
  RunPipeline(DefaultInputs(options), rules, options.threads, options.quiet, stats, sink);
  StageTimer timer(Stage::kOutput);
  if (options.out == "-") {
    StdoutSink out;
    Status status = sink.stream.Finish(out, entity_graph, EndThreads(options));
    std::cout.flush();
    if (!status.ok()) std::cerr << "kgx: " << status.ToString() << '\n';
    return status.ok() ? kExitOk : kExitFailure;
  }
  AtomicFileSink out(options.out);
  Status status = sink.stream.Finish(out, entity_graph, EndThreads(options));
  if (status.ok()) status = out.Commit();
  if (!status.ok()) {
    std::cerr << "kgx: " << status.ToString() << '\n';
    return kExitFailure;
  }
  written = out.written();
  return kExitOk;
}

int RunExtract(const Options& options) {
  if (options.formats.empty() == false && options.out == "-" && options.formats.size() > 1) {
    std::cerr << "kgx: --out - writes one format; choose one with --format\n";
    return kExitUsage;
  }
  StageTimer timer(Stage::kRules);
  // The rules and the graph are kept until the process exits (keep_until_exit.h says why).
  std::unique_ptr<RuleSet> loaded = LoadRulesOrReport(options.rules_dirs, options.quiet, options.threads);
  if (!loaded) {
    std::cerr << "kgx: the rules have errors; nothing was extracted\n";
    return kExitUsage;
  }
  const RuleSet* rules = &KeepUntilExit(std::move(loaded));
  timer.Switch(Stage::kCount);  // the pipeline charges its own stages
  PipelineStats stats;
  if (StreamsJsonl(options)) {
    JsonlSink sink;
    KnowledgeGraph& entity_graph = KeepUntilExit(std::make_unique<KnowledgeGraph>());
    std::vector<std::string> written;
    const int status = ExtractStreamed(options, *rules, stats, written, entity_graph, sink);
    if (status == kExitOk && !options.quiet) {
      const SummaryCounts counts{sink.stream.sections(), sink.stream.quantities(), sink.stream.relations()};
      PrintSummary(entity_graph, stats, written, std::cerr, &counts);
    }
    if (StageTimesEnabled()) PrintStageTimes(std::cerr);
    return status;
  }
  const KnowledgeGraph& graph = KeepUntilExit(
      std::make_unique<KnowledgeGraph>(RunPipeline(DefaultInputs(options), *rules, options.threads, options.quiet, stats)));
  std::vector<std::string> written;
  timer.Switch(Stage::kOutput);
  const int status = WriteOutputs(graph, options, written);
  timer.Switch(Stage::kCount);
  if (status == kExitOk && !options.quiet) PrintSummary(graph, stats, written, std::cerr);
  if (StageTimesEnabled()) PrintStageTimes(std::cerr);
  return status;
}

}  // namespace kgx
