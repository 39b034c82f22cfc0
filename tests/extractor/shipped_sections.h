// The shipped section rules (rules/sections.rules) as pattern lists, for tests that hold a fast
// path of the segmenter to RE2 over every shipped pattern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/text_util.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace kgx::testing {

// Returns the patterns of the shipped [section KIND] blocks whose KIND is in `kinds` ("event"
// lines lose their "=> name" part).
inline std::vector<std::string> ShippedSectionPatterns(const std::vector<std::string>& kinds) {
  std::vector<RuleDiagnostic> diagnostics;
  std::vector<std::string> patterns;
  for (const RuleBlock& block : ShippedFileBlocks("sections.rules", diagnostics)) {
    const std::string& kind = block.kind == "event" ? block.kind : block.argument;
    if (block.kind != "section" && block.kind != "event") continue;
    bool wanted = false;
    for (const std::string& k : kinds) wanted |= k == kind;
    if (!wanted) continue;
    for (const RuleLine& line : block.lines) {
      patterns.emplace_back(TrimAscii(std::string_view(line.text).substr(0, line.text.find("=>"))));
    }
  }
  return patterns;
}

// Returns the patterns of the shipped talk, keynote and day headers.
inline std::vector<std::string> ShippedHeaderPatterns() { return ShippedSectionPatterns({"talk", "keynote", "day", "event_talk"}); }

// Returns the patterns of the shipped [event] lines.
inline std::vector<std::string> ShippedEventPatterns() { return ShippedSectionPatterns({"event"}); }

}  // namespace kgx::testing
