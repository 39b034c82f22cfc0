// Kernel file copy with early writeback (see range_copy.h).
#include "cli/range_copy.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace kgx {

namespace {

// Chunks the disk is given one by one: large enough that a system call per chunk costs nothing,
// small enough that the disk starts early.
constexpr std::size_t kChunkBytes = std::size_t{8} << 20;

}  // namespace

std::size_t CopyFileRange(int in, std::size_t from, int out, std::size_t to, std::size_t length) {
  std::size_t done = 0;
  auto read_at = static_cast<off_t>(from);
  auto write_at = static_cast<off_t>(to);
  while (done < length) {
    const std::size_t chunk = std::min(kChunkBytes, length - done);
    std::size_t copied = 0;
    while (copied < chunk) {
      const ssize_t n = ::copy_file_range(in, &read_at, out, &write_at, chunk - copied, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // unsupported here, the source's end, or an error the caller meets again
      copied += static_cast<std::size_t>(n);
    }
    // Only starts the write: a failure here is the commit's fsync's to report.
    if (copied > 0) {
      (void)::sync_file_range(out, static_cast<off_t>(to + done), static_cast<off_t>(copied), SYNC_FILE_RANGE_WRITE);
    }
    done += copied;
    if (copied < chunk) break;
  }
  if (done < length) (void)::ftruncate(out, static_cast<off_t>(to + done));  // nothing past the copied bytes
  return done;
}

}  // namespace kgx
