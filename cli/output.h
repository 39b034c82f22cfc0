// Atomic output: every file is written to a temporary file in its own folder and renamed into
// place only when all of a run's files are complete, so a failure or a kill never leaves a
// truncated graph.* behind nor destroys the previous one. `-` writes to standard output.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "exporters/exporter.h"
#include "extractor/status.h"

namespace kgx {

class AtomicFileSink final : public FileSink {
 public:
  explicit AtomicFileSink(std::string out_dir) : out_dir_(std::move(out_dir)) {}
  ~AtomicFileSink() override;  // removes temporary files that were not committed

  std::ostream& Begin(const std::string& relative_path) override;
  // copy_file_range into the temporary file (CopyFileRange), after its stream is flushed; the
  // stream then goes on at the new end.
  std::size_t AppendFile(int fd, std::size_t offset, std::size_t length) override;
  // Flushes and renames every file into place. Returns the first error (and removes the
  // temporary files) if any write failed.
  Status Commit();
  const std::vector<std::string>& written() const { return written_; }

 private:
  struct Pending {
    std::string temp_path, final_path;
  };
  Status CloseCurrent();
  std::string out_dir_;
  std::unique_ptr<std::ofstream> current_;
  std::vector<Pending> pending_;
  std::vector<std::string> written_;
  Status error_;
};

// Writes only the first Begin()'s file to standard output; others are discarded.
class StdoutSink final : public FileSink {
 public:
  std::ostream& Begin(const std::string& relative_path) override;

 private:
  bool started_ = false;
  std::ofstream discard_;
};

}  // namespace kgx
