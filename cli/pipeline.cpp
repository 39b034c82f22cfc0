// Parallel extraction with an in-order merge (see pipeline.h). Workers claim document indices
// from a counter but never run more than a window ahead of the merge, which bounds memory.
#include "cli/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/progress.h"
#include "extractor/extractor.h"
#include "extractor/reader.h"
#include "extractor/stage_times.h"
#include "graph/graph_builder.h"

namespace kgx {

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("KGX_RULES"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::exists("rules/sections.rules", ec)) return "rules";
  return KGX_DEFAULT_RULES_DIR;
}

std::unique_ptr<RuleSet> LoadRulesOrReport(const std::vector<std::string>& dirs, bool quiet, std::size_t threads) {
  std::vector<std::string> use = dirs;
  if (use.empty()) use.push_back(DefaultRulesDir());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<RuleDiagnostic> diagnostics;
  auto rules = RuleSet::Load(use, diagnostics, threads);
  for (const RuleDiagnostic& d : diagnostics) {
    if (d.is_error || !quiet) std::cerr << d.ToString() << '\n';
  }
  return rules;
}

namespace {

struct Slot {
  std::optional<DocumentResult> result;
  std::unique_ptr<PreparedDocument> prepared;
  std::size_t number = 0;  // the document number Prepare assumed
  std::vector<Warning> warnings;
  std::size_t worker = 0;  // which worker made it (and frees it)
};

void PrintWarnings(const std::vector<Warning>& warnings, bool quiet, PipelineStats& stats) {
  stats.warnings += warnings.size();
  if (quiet) return;
  for (const Warning& w : warnings) std::cerr << w.ToString() << '\n';
}

}  // namespace

void RunPipeline(const std::vector<std::string>& inputs, const RuleSet& rules, std::size_t threads, bool quiet,
                 PipelineStats& stats, DocumentSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Warning> listing_warnings;
  const std::vector<std::string> files = ListInputFiles(inputs, listing_warnings);
  PrintWarnings(listing_warnings, quiet, stats);
  stats.files = files.size();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, std::max<std::size_t>(1, files.size()));

  const Extractor extractor(rules);
  Progress progress(files.size(), quiet);
  const std::size_t window = threads * 4;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Slot> slots;  // finished documents waiting for the merge
  // Merged documents, each freed by the worker that made it: a document is thousands of small
  // allocations; freed on the merging thread they made it the bottleneck of a two-thread run, and
  // freed by another worker they contend for the allocator's per-thread arenas.
  std::vector<std::vector<Slot>> retired(threads);
  std::size_t next_claim = 0;
  std::size_t next_merge = 0;
  std::size_t skipped_merged = 0;  // files before next_merge that were skipped

  // Reads and extracts one document (on a worker, or inline with one thread); `number` is its
  // document number if no file in flight before it is skipped.
  const auto extract = [&](std::size_t index, std::size_t number) {
    Slot slot;
    slot.number = number;
    StageTimer read_timer(Stage::kRead);
    std::optional<SourceText> source = ReadSource(files[index], slot.warnings);
    read_timer.Switch(Stage::kCount);  // Extract charges its own stages
    if (source) {
      slot.result = extractor.Extract(*source);
      for (Warning& w : slot.result->warnings) slot.warnings.push_back(std::move(w));
      slot.result->warnings.clear();
      StageTimer output_timer(Stage::kOutput);
      slot.prepared = sink.Prepare(*slot.result, number);
    }
    return slot;
  };
  const auto merge = [&](Slot& slot) {
    PrintWarnings(slot.warnings, quiet, stats);
    if (slot.result) {
      stats.documents++;
      stats.bytes += slot.result->bytes;
      StageTimer graph_timer(Stage::kGraph);
      sink.Merge(*slot.result, slot.number, std::move(slot.prepared));
      progress.Advance(slot.result->bytes);
    } else {
      stats.skipped++;
      progress.Advance(0);
    }
  };

  // One thread does everything itself: `--threads 1` means one core.
  std::vector<std::thread> workers;
  if (threads == 1) {
    for (std::size_t index = 0; index < files.size(); ++index) {
      Slot slot = extract(index, index + 1 - stats.skipped);
      merge(slot);
    }
    next_merge = files.size();
  } else {
    const auto work = [&](std::size_t worker) {
      std::vector<Slot> to_free;
      for (;;) {
        std::size_t index, number;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return next_claim >= files.size() || next_claim < next_merge + window; });
          if (next_claim >= files.size()) return;
          index = next_claim++;
          number = index + 1 - skipped_merged;
          to_free.swap(retired[worker]);
        }
        to_free.clear();
        Slot slot = extract(index, number);
        slot.worker = worker;
        {
          std::lock_guard lock(mutex);
          slots[index] = std::move(slot);
        }
        changed.notify_all();
      }
    };
    for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(work, t);
  }

  while (next_merge < files.size()) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots.count(next_merge) > 0; });
      slot = std::move(slots[next_merge]);
      slots.erase(next_merge);
    }
    merge(slot);
    {
      std::lock_guard lock(mutex);
      ++next_merge;
      if (!slot.result) ++skipped_merged;
      if (!workers.empty()) retired[slot.worker].push_back(std::move(slot));
    }
    changed.notify_all();
  }
  for (std::thread& worker : workers) worker.join();
  progress.Finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

namespace {

class GraphSink final : public DocumentSink {
 public:
  void Merge(const DocumentResult& document, std::size_t, std::unique_ptr<PreparedDocument>) override {
    builder.Add(document);
  }
  GraphBuilder builder;
};

}  // namespace

KnowledgeGraph RunPipeline(const std::vector<std::string>& inputs, const RuleSet& rules,
                           std::size_t threads, bool quiet, PipelineStats& stats) {
  const auto started = std::chrono::steady_clock::now();
  GraphSink sink;
  RunPipeline(inputs, rules, threads, quiet, stats, sink);
  StageTimer graph_timer(Stage::kGraph);
  KnowledgeGraph graph = sink.builder.Finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return graph;
}

}  // namespace kgx
