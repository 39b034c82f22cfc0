// Temporary-file-then-rename output (see output.h).
#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/range_copy.h"

namespace kgx {

namespace fs = std::filesystem;

namespace {

// Flushes the file at `path` to the disk; returns false (errno set) on failure.
bool SyncFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return synced;
}

}  // namespace

AtomicFileSink::~AtomicFileSink() {
  current_.reset();
  for (const Pending& p : pending_) {
    std::error_code ec;
    fs::remove(p.temp_path, ec);
  }
}

Status AtomicFileSink::CloseCurrent() {
  if (!current_) return Status::Ok();
  current_->flush();
  const bool good = current_->good();
  current_->close();
  current_.reset();
  if (!good && error_.ok()) {
    error_ = Status(ErrorCode::kIo, std::string("write failed: ") + std::strerror(errno),
                    {pending_.back().final_path});
  }
  return error_;
}

std::ostream& AtomicFileSink::Begin(const std::string& relative_path) {
  (void)CloseCurrent();
  const fs::path final_path = fs::path(out_dir_) / relative_path;
  std::error_code ec;
  fs::create_directories(final_path.parent_path(), ec);
  if (ec && error_.ok()) {
    error_ = Status(ErrorCode::kIo, "cannot create folder: " + ec.message(), {final_path.parent_path().string()});
  }
  if (fs::is_directory(final_path, ec) && error_.ok()) {
    error_ = Status(ErrorCode::kIo, "output path is a folder", {final_path.string()});
  }
  // Hidden and named apart, so that even a killed run never leaves anything named graph.*.
  const std::string temp =
      (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  pending_.push_back({temp, final_path.string()});
  current_ = std::make_unique<std::ofstream>(temp, std::ios::binary | std::ios::trunc);
  if (!*current_ && error_.ok()) {
    error_ = Status(ErrorCode::kIo, std::string("cannot write: ") + std::strerror(errno), {final_path.string()});
  }
  return *current_;
}

std::size_t AtomicFileSink::AppendFile(int fd, std::size_t offset, std::size_t length) {
  if (!current_ || !error_.ok() || !current_->flush()) return 0;
  const int out = ::open(pending_.back().temp_path.c_str(), O_WRONLY | O_CLOEXEC);
  if (out < 0) return 0;
  const off_t end = ::lseek(out, 0, SEEK_END);
  const std::size_t done =
      end < 0 ? 0 : CopyFileRange(fd, offset, out, static_cast<std::size_t>(end), length);
  ::close(out);
  current_->seekp(0, std::ios::end);
  return done;
}

Status AtomicFileSink::Commit() {
  (void)CloseCurrent();
  if (!error_.ok()) return error_;
  for (const Pending& p : pending_) {
    // The data reaches the disk before the name does, so a crash right after the rename
    // cannot leave an empty graph.* in place of the previous one.
    if (!SyncFile(p.temp_path)) {
      error_ = Status(ErrorCode::kIo, std::string("cannot write: ") + std::strerror(errno), {p.final_path});
      return error_;
    }
    std::error_code ec;
    fs::rename(p.temp_path, p.final_path, ec);
    if (ec) {
      error_ = Status(ErrorCode::kIo, "cannot rename into place: " + ec.message(), {p.final_path});
      return error_;
    }
    written_.push_back(p.final_path);
  }
  pending_.clear();
  return Status::Ok();
}

std::ostream& StdoutSink::Begin(const std::string&) {
  if (started_) return discard_;  // closed stream: writes are dropped
  started_ = true;
  return std::cout;
}

}  // namespace kgx
