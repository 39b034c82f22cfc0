// QuantityParser: finds numbers with units, rates and ranges in one normalized line and
// normalizes them to value (or min/max), unit and per (DESIGN.md §4). The unit and rate
// vocabulary comes from the quantity blocks of the rule files (rules/quantities.rules).
// Pipeline: Segmenter -> RuleEngine (**quantities**) -> Resolver.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"

namespace kgx {

struct QuantityMatch {
  std::size_t begin = 0;  // byte offsets into the normalized line given to Find
  std::size_t end = 0;
  std::optional<double> value;  // a single value, or
  std::optional<double> min;    // a range: min and max
  std::optional<double> max;
  std::string unit;  // lower-case English singular: "request", "byte", "usd", "second", "times" …
  std::string per;   // the rate's denominator ("day", "second", "tb/year") or empty
  std::vector<std::string> qualifiers;  // "approx", "at_least", "at_most", "max", "min", "plus"
};

class QuantityParser {
 public:
  // Returns true for the rule block kinds this parser compiles (so the loader can reject others).
  static bool HandlesBlockKind(std::string_view kind);

  // Compiles the quantity blocks among `blocks` (others are ignored). Problems are appended to
  // `diagnostics` with file:line:col; returns nullptr when an error makes the parser unusable.
  static std::unique_ptr<QuantityParser> Compile(const std::vector<RuleBlock>& blocks,
                                                 std::vector<RuleDiagnostic>& diagnostics);

  // Finds every quantity in `line` (NFKC-normalized, case kept, no newline), left to right,
  // non-overlapping. Thread-safe: the parser is only read.
  std::vector<QuantityMatch> Find(std::string_view line) const;

  ~QuantityParser();
  QuantityParser(const QuantityParser&) = delete;
  QuantityParser& operator=(const QuantityParser&) = delete;

 private:
  QuantityParser();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
