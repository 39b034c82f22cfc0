// Terminal progress line (see progress.h).
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace kgx {

Progress::Progress(std::size_t total_files, bool quiet)
    : total_files_(total_files), enabled_(!quiet && isatty(STDERR_FILENO)),
      started_(std::chrono::steady_clock::now()), last_(started_) {}

void Progress::Advance(std::size_t bytes) {
  ++files_;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  if (elapsed < 1.0 || std::chrono::duration<double>(now - last_).count() < 0.2) return;
  last_ = now;
  const double mb = static_cast<double>(bytes_) / 1e6;
  const double rate = mb / elapsed;
  const double per_file = elapsed / static_cast<double>(files_);
  const double eta = per_file * static_cast<double>(total_files_ - files_);
  std::fprintf(stderr, "\r\033[Kkgx: %zu/%zu files, %.1f MB, %.1f MB/s, ETA %.0f s", files_, total_files_, mb, rate, eta);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Finish() {
  if (shown_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace kgx
