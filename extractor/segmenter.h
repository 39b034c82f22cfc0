// Segmenter: finds a document's title, its event and its sections (talks with session codes,
// keynotes, day headers and other headings) from the [section KIND] and [event] rules.
// Pipeline: Normalizer -> **Segmenter** -> RuleEngine.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

// One line of a document: its normalized text and where it is.
struct LineView {
  std::size_t number = 0;       // 1-based
  std::size_t norm_begin = 0;   // offsets of the line (without '\n', '\r') in the normalized text
  std::size_t norm_end = 0;
  std::string_view text;        // normalized, case kept
};

// A section found by the segmenter: lines are 1-based; title and code are spans of the
// normalized text (mapped to original text by the caller).
struct SectionSpan {
  SectionKind kind = SectionKind::kOther;
  std::size_t line = 0;
  std::size_t end_line = 0;
  std::size_t title_begin = 0, title_end = 0;  // normalized offsets
  std::size_t code_begin = 0, code_end = 0;    // empty when there is no code
};

struct Segmentation {
  std::vector<SectionSpan> sections;  // in line order, covering every line from the first section
  std::size_t title_begin = 0, title_end = 0;
  std::string event;  // from an [event] rule, "" if none
  std::vector<std::size_t> code_lines;  // line numbers inside fenced code blocks (fences included), ascending
};

class Segmenter {
 public:
  static bool HandlesBlockKind(std::string_view kind);
  // Compiles the [section KIND] and [event] blocks; problems go to `diagnostics`.
  static std::unique_ptr<Segmenter> Compile(const std::vector<RuleBlock>& blocks,
                                            std::vector<RuleDiagnostic>& diagnostics);

  // Segments a document given as normalized lines. Thread-safe.
  Segmentation Segment(const std::vector<LineView>& lines) const;

  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

 private:
  Segmenter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits a normalized text into numbered lines: those of LineWalk (line_walk.h), the final one
// perhaps without '\n', none with the '\r' before it.
std::vector<LineView> SplitLines(std::string_view normalized);

}  // namespace kgx
