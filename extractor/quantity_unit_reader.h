// QuantityUnitReader: reads the words after a number on one normalized line, from the quantity
// lexicon: a unit or count noun, a scale, qualifiers, a range connector, a Latin word, rate
// suffixes (/TB/year). The quantity scan (quantity_scanner.cpp) builds on it and assembles the
// quantities. Internal to the extractor's quantity files (namespace kgx::quantity_detail).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_number.h"

namespace kgx::quantity_detail {

// A literal found in the line.
struct Hit {
  const LexEntry* entry = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
  explicit operator bool() const { return entry != nullptr; }
};

class QuantityUnitReader {
 protected:
  QuantityUnitReader(std::string_view line, const QuantityLexicon& lexicon) : line_(line), lex_(lexicon) {}

  // Finds a unit after the number at `at` (or after one space, except single Latin letters not
  // marked `spaced`).
  Hit FindUnit(std::size_t at, const NumberToken& token, bool nouns_only);
  // Applies a scale word (k, M, million) after the number. Single letters must touch the number,
  // and a longer unit at the same place wins (5MB is 5 megabytes, not 5 million bytes).
  bool ApplyScale(std::size_t& end, double& value, const NumberToken& token) const;
  // Reads up to two qualifiers after `at` (以上, くらい, +); returns the end of the last one.
  std::size_t ReadQualifiersAfter(std::size_t at, std::vector<std::string>& qualifiers) const;
  // Reads a range connector after the first number: '-' touching both numbers, '~', から or " to ".
  // Returns where the second number should start, or npos.
  std::size_t ReadConnector(std::size_t at) const;
  // Returns the end of the ASCII word (two letters or more; with `digits_inside`, letters then
  // letters or digits, as EC2) starting at `at`, or `at` when there is none.
  std::size_t ReadLatinWord(std::size_t at, bool digits_inside = false) const;
  // Reads "/s", " per second", "/TB/year", "毎秒" after a unit; returns the end of the last one.
  std::size_t ReadRateSuffix(std::size_t at, std::vector<std::string>& per) const;

  std::string_view line_;
  const QuantityLexicon& lex_;

 private:
  // Whether the line holds one of `words` (folded), or `words` is empty.
  bool LineHasAny(const std::vector<std::string>& words);

  std::optional<std::string> folded_;  // the line, ASCII lower-cased: computed on first need
};

}  // namespace kgx::quantity_detail
