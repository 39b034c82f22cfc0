// Reader: turns the command line's inputs (files, folders, "-") into a sorted list of note files,
// and reads one file at a time into valid UTF-8 with a map back to the file's bytes.
// Pipeline: **Reader** -> Normalizer -> Segmenter -> RuleEngine.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extractor/types.h"

namespace kgx {

// One document's text as read: valid UTF-8, BOM removed, each invalid byte sequence replaced by
// U+FFFD. Line breaks are kept as they were (LF or CRLF), so line numbers match the file.
struct SourceText {
  std::string path;  // as given on the command line ("<stdin>" for "-")
  std::string text;

  // Where the text's bytes differ in length from the file's (BOM, replaced bytes): at text offset
  // `text_offset`, the file offset is `text_offset + delta` until the next shift.
  struct Shift {
    std::size_t text_offset;
    std::ptrdiff_t delta;
  };
  std::vector<Shift> shifts;

  // Returns the file byte offset of text offset `offset`.
  std::size_t FileOffset(std::size_t offset) const;
};

// Expands inputs into note files: a folder is read recursively for *.txt, *.md and *.org (hidden entries
// and symlink loops skipped), files are taken whatever their extension, "-" is standard input.
// The result is sorted and without duplicates, so the input order never changes the output.
// Missing paths become warnings; the rest is still returned.
std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        std::vector<Warning>& warnings);

// Reads one file ("-" = standard input). Returns nullopt, with a warning, for files that are
// skipped: unreadable, empty, binary (NUL bytes) or a directory. A FIFO that no one writes to
// reads as empty (never blocks the run); a pipe with a writer is read. Invalid UTF-8 is replaced
// and each bad sequence is reported with line and byte offset (at most 10 per file, then a count).
std::optional<SourceText> ReadSource(const std::string& path, std::vector<Warning>& warnings);

// Cleans raw bytes as ReadSource does (exposed for tests and fuzzing).
SourceText CleanSource(std::string path, std::string_view bytes, std::vector<Warning>& warnings);

}  // namespace kgx
