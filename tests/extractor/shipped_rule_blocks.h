// Test support: the shipped rules as a family's Compile receives them from RuleSet, their shared
// {=NAME} defines (rules/defines.rules) expanded: every file of rules/, or one file of it.
#pragma once

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/pattern_defines.h"
#include "extractor/rule_file.h"

namespace kgx::testing {

inline std::string ShippedRuleText(const std::string& file) {
  std::ifstream in(std::string(KGX_SOURCE_DIR) + "/rules/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<RuleBlock> ShippedRuleBlocks(std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<RuleBlock> blocks = LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics);
  ExpandPatternDefines(blocks, diagnostics);
  return blocks;
}

// The blocks of one shipped file ("discovery.rules"), without the define blocks.
inline std::vector<RuleBlock> ShippedFileBlocks(const std::string& file, std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<RuleBlock> blocks = ParseRuleText(ShippedRuleText("defines.rules"), "defines.rules", diagnostics);
  const auto defines = static_cast<std::ptrdiff_t>(blocks.size());
  std::vector<RuleBlock> own = ParseRuleText(ShippedRuleText(file), file, diagnostics);
  std::move(own.begin(), own.end(), std::back_inserter(blocks));
  ExpandPatternDefines(blocks, diagnostics);
  blocks.erase(blocks.begin(), blocks.begin() + defines);
  return blocks;
}

}  // namespace kgx::testing
