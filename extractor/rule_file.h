// The generic layer of rule files: splits `*.rules` files into blocks (`[kind argument]`) of
// located lines. Each rule family (gazetteer, contexts, sections, quantities, relations …)
// compiles the blocks of its own kinds; see rules/README.md for the syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/status.h"

namespace kgx {

// One problem found while loading or compiling rules. Errors make the rule set unusable;
// warnings (an alias claimed twice …) are reported and the rules still load.
struct RuleDiagnostic {
  Location where;
  std::string message;
  bool is_error = true;

  std::string ToString() const;  // "file:line:col: error: message"
};

// One content line of a block, with where it starts in its file.
struct RuleLine {
  std::string text;     // trimmed
  Location where;       // column = 1-based byte column of the first non-blank character
};

struct RuleBlock {
  std::string kind;      // "gazetteer", "context", "section", …
  std::string argument;  // "aws_service", a context name, … (may be empty)
  Location where;        // the block header
  std::vector<RuleLine> lines;
};

// Splits rule text into blocks. `file` names the source in diagnostics. Content before the first
// block header and malformed headers become errors in `diagnostics`; parsing goes on after them.
std::vector<RuleBlock> ParseRuleText(std::string_view text, const std::string& file,
                                     std::vector<RuleDiagnostic>& diagnostics);

// Reads every `*.rules` file of `dir` (not recursive) in file-name order and parses it.
// A missing or unreadable directory or file is an error in `diagnostics`.
std::vector<RuleBlock> LoadRuleDirectory(const std::string& dir,
                                         std::vector<RuleDiagnostic>& diagnostics);

}  // namespace kgx
