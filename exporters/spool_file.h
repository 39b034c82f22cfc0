// SpoolFile: an anonymous temporary file that holds a run's bulk output until it can be written
// in its final place and order. It has no name (O_TMPFILE, or unlinked right after creation), so
// a killed run leaves nothing behind; it lives on the filesystem of the folder it is opened in,
// so large runs fill the disk there, not memory (/tmp may be RAM).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "exporters/exporter.h"
#include "extractor/status.h"

namespace kgx {

class SpoolFile {
 public:
  SpoolFile() = default;
  ~SpoolFile();
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;

  // Creates the file in `folder` (which must exist).
  Status Open(const std::string& folder);
  // Appends; buffered. Errors are kept and returned by CopyTo.
  void Append(std::string_view bytes);
  std::size_t size() const { return size_; }
  // Writes everything appended so far to `out`; with `sink`, the sink `out` belongs to, through
  // its AppendFile as far as it can (a kernel copy, file to file, for a spool of hundreds of MB).
  Status CopyTo(std::ostream& out, FileSink* sink = nullptr);

 private:
  // Each writes what is buffered / `bytes` to the file; errors are kept in error_.
  Status Flush();
  Status Write(std::string_view bytes);
  int fd_ = -1;
  std::string folder_;
  std::string buffer_;
  std::size_t size_ = 0;
  Status error_;
};

}  // namespace kgx
