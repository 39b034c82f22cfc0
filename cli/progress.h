// Progress: one line on standard error (files, MB, MB/s, ETA), only when standard error is a
// terminal and the run has lasted more than a second; nothing of it in pipes or logs.
#pragma once

#include <chrono>
#include <cstddef>

namespace kgx {

class Progress {
 public:
  Progress(std::size_t total_files, bool quiet);
  void Advance(std::size_t bytes);  // one more file done
  void Finish();                    // clears the line

 private:
  std::size_t total_files_;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point started_, last_;
};

}  // namespace kgx
