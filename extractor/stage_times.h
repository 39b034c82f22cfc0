// StageTimes: opt-in accounting of CPU seconds per pipeline stage, for `make bench` and for
// finding where a run spends its time. On when the environment has KGX_STAGE_TIMES=1; then
// `kgx extract` prints one line on standard error at the end. Off, a StageTimer costs one
// load of a cached flag. Times are thread CPU time summed over all threads.
#pragma once

#include <time.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string_view>

namespace kgx {

enum class Stage {
  kRules,       // loading and compiling the rules
  kRead,        // reading files, UTF-8 checks
  kNormalize,   // NFKC, punctuation, case folding, offset map, lines
  kSegment,     // sections and event
  kGazetteer,   // literal scan, word boundaries, contexts, near misses
  kDiscovery,   // discovery patterns and later mentions of discovered names
  kResolve,     // mentions with original offsets, text and evidence lines
  kQuantities,  // quantity parser
  kRelations,   // relation rules
  kGraph,       // merging documents into the graph, co-occurrence, Finalize and analytics
  kOutput,      // exporters
  kCount
};

inline constexpr std::array<std::string_view, static_cast<std::size_t>(Stage::kCount)> kStageNames = {
    "rules", "read", "normalize", "segment", "gazetteer", "discovery",
    "resolve", "quantities", "relations", "graph", "output"};

// Returns true when KGX_STAGE_TIMES=1 (read once).
inline bool StageTimesEnabled() {
  static const bool enabled = [] {
    const char* value = std::getenv("KGX_STAGE_TIMES");
    return value != nullptr && std::string_view(value) == "1";
  }();
  return enabled;
}

inline std::array<std::atomic<std::int64_t>, static_cast<std::size_t>(Stage::kCount)>& StageNanoseconds() {
  static std::array<std::atomic<std::int64_t>, static_cast<std::size_t>(Stage::kCount)> totals{};
  return totals;
}

inline std::int64_t ThreadCpuNanoseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Adds the calling thread's CPU time from construction (or the last Switch) to its stage.
class StageTimer {
 public:
  explicit StageTimer(Stage stage) : stage_(stage), enabled_(StageTimesEnabled()) {
    if (enabled_) started_ = ThreadCpuNanoseconds();
  }
  ~StageTimer() { Stop(); }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

  // Charges the time so far to the current stage and goes on timing `next` (Stage::kCount:
  // pause, charge nothing until the next Switch).
  void Switch(Stage next) {
    Stop();
    stage_ = next;
    if (enabled_) started_ = ThreadCpuNanoseconds();
  }

 private:
  void Stop() {
    if (!enabled_ || started_ < 0) return;
    if (stage_ == Stage::kCount) {  // a pause: charged to nothing
      started_ = -1;
      return;
    }
    StageNanoseconds()[static_cast<std::size_t>(stage_)].fetch_add(ThreadCpuNanoseconds() - started_,
                                                                  std::memory_order_relaxed);
    started_ = -1;
  }
  Stage stage_;
  bool enabled_;
  std::int64_t started_ = -1;
};

// Writes "kgx: stage CPU seconds: rules 0.31, read 0.02, …" and a newline to `out`.
inline void PrintStageTimes(std::ostream& out) {
  out << "kgx: stage CPU seconds:";
  for (std::size_t i = 0; i < kStageNames.size(); ++i) {
    const double seconds = static_cast<double>(StageNanoseconds()[i].load()) / 1e9;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", seconds);
    out << (i == 0 ? " " : ", ") << kStageNames[i] << ' ' << buffer;
  }
  out << '\n';
}

}  // namespace kgx
