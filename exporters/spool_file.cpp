// Anonymous spool file (see spool_file.h).
#include "exporters/spool_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kgx {

namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
// Runs from this size on are written as they are: copying them into the buffer first would cost
// more than the system call saved.
constexpr std::size_t kDirectBytes = std::size_t{64} << 10;

Status ErrnoStatus(const std::string& what, const std::string& where) {
  return Status(ErrorCode::kIo, what + ": " + std::strerror(errno), {where});
}

}  // namespace

SpoolFile::~SpoolFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status SpoolFile::Open(const std::string& folder) {
  folder_ = folder;
  fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) {  // filesystems without O_TMPFILE: a named file, unlinked at once
    std::string name = folder + "/.kgx-spool-XXXXXX";
    std::vector<char> path(name.begin(), name.end());
    path.push_back('\0');
    fd_ = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd_ < 0) return error_ = ErrnoStatus("cannot create a temporary file", folder);
    ::unlink(path.data());
  }
  buffer_.reserve(kBufferBytes);
  return Status::Ok();
}

void SpoolFile::Append(std::string_view bytes) {
  size_ += bytes.size();
  if (bytes.size() >= kDirectBytes) {
    (void)Flush();
    (void)Write(bytes);
    return;
  }
  buffer_.append(bytes);
  if (buffer_.size() >= kBufferBytes) (void)Flush();
}

Status SpoolFile::Flush() {
  (void)Write(buffer_);
  buffer_.clear();
  return error_;
}

Status SpoolFile::Write(std::string_view bytes) {
  std::size_t done = 0;
  while (error_.ok() && done < bytes.size()) {
    const ssize_t wrote = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      error_ = ErrnoStatus("cannot write a temporary file", folder_);
      break;
    }
    done += static_cast<std::size_t>(wrote);
  }
  return error_;
}

Status SpoolFile::CopyTo(std::ostream& out, FileSink* sink) {
  if (fd_ < 0) return error_;
  if (Status flushed = Flush(); !flushed.ok()) return flushed;
  const std::size_t copied = sink != nullptr ? sink->AppendFile(fd_, 0, size_) : 0;
  if (copied == size_) return Status::Ok();
  std::string chunk(kBufferBytes, '\0');
  for (auto offset = static_cast<off_t>(copied);;) {
    const ssize_t got = ::pread(fd_, chunk.data(), chunk.size(), offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return error_ = ErrnoStatus("cannot read a temporary file", folder_);
    if (got == 0) break;
    out.write(chunk.data(), got);
    offset += got;
  }
  return Status::Ok();
}

}  // namespace kgx
