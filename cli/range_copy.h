// CopyFileRange: the kernel copy behind AtomicFileSink::AppendFile, which moves a streamed run's
// spool (hundreds of MB) into graph.jsonl at the very end of the run, where nothing else runs.
// Each copied chunk is handed to the disk at once, so the fsync of the commit that follows waits
// for little: copy and disk write overlap instead of following each other.
#pragma once

#include <cstddef>

namespace kgx {

// Copies bytes [from, from + length) of the open file `in` to the open file `out` at `to`
// (copy_file_range), in chunks started towards the disk as they are copied (sync_file_range,
// which only starts the write). Returns how many bytes were copied; after a failure `out` is cut
// to end there (at `to` + the count) so that the caller can write the rest itself.
std::size_t CopyFileRange(int in, std::size_t from, int out, std::size_t to, std::size_t length);

}  // namespace kgx
