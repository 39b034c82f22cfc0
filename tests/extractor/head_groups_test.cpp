// HeadGroups: which patterns split into a head holding every group and a group-free tail, and that
// the split form answers as one whole RE2 run does (match, every group, the match's span, from any
// start) for the shipped discovery patterns and for tails that reject the head's first choice, over
// generated Japanese and English lines.
#include "extractor/head_groups.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

bool Splits(const std::string& pattern) {
  const RE2 whole(pattern, RE2::Quiet);
  REQUIRE(whole.ok());
  return kgx::HeadGroups::For(whole) != nullptr;
}

// A line of name-like, company-like and tool-like pieces in both scripts.
std::string RandomLine(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {
      "Acme",   "Acme Corp", "Jane Doe",   "の事例",   "の中の人", "の方", "さん", "社",      " ",     "  ",
      "Kestrel", "ツール",   "framework",  "Argo CD", ":",        "：",   " - ",  "- ",      "・",    "。",
      "aaab",   "aa",       "ac",         "x",       "株式会社", "山田", "太郎", "(Lumen)", "は",    "Tool",
      "Nomad:", "という",   "ライブラリ", "、",      "abc",      "Ｂｅｔａ", "b",    "ab",      "\t",    "Zoë Müller"};
  std::uniform_int_distribution<std::size_t> count(0, 9), pick(0, kPieces.size() - 1);
  std::string line;
  for (std::size_t n = count(rng); n > 0; --n) line += kPieces[pick(rng)];
  return kgx::Normalize(line).text;
}

// Checks HeadGroups against the whole pattern on `lines`, from every start a caller may ask.
void CheckAgrees(const RE2& whole, const kgx::HeadGroups& split, const std::vector<std::string>& lines) {
  const int groups = whole.NumberOfCapturingGroups() + 1;
  for (const std::string& line : lines) {
    for (std::size_t from = 0; from < line.size(); ++from) {
      std::vector<re2::StringPiece> expected(static_cast<std::size_t>(groups)), got(static_cast<std::size_t>(groups));
      const bool matched = whole.Match(line, from, line.size(), RE2::UNANCHORED, expected.data(), groups);
      INFO(whole.pattern() << " on '" << line << "' from " << from);
      REQUIRE(split.Match(line, from, got.data(), groups) == matched);
      if (!matched) continue;
      for (int g = 0; g < groups; ++g) {
        const auto k = static_cast<std::size_t>(g);
        CHECK(got[k].data() == expected[k].data());
        CHECK(got[k].size() == expected[k].size());
      }
    }
  }
}

std::vector<std::string> RandomLines(unsigned seed, std::size_t count) {
  std::mt19937 rng(seed);
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < count; ++i) lines.push_back(RandomLine(rng));
  return lines;
}

}  // namespace

TEST_CASE("a pattern splits where its last group ends, when its head is the smaller part", "[head_groups]") {
  CHECK(Splits("(?P<name>[A-Z][a-z]+)\\s*(?:の中の人|の方|の人|の事例|の導入事例|さんの事例|での事例|のエンジニア|の社員)"));
  CHECK(Splits("^\\s*(?P<name>[A-Za-z]+)\\s*(?::|：)\\s*[^。]*?(?:ツール|ライブラリ|(?i:library|framework|tool))"));
  CHECK(Splits("(?P<name>a+){1,2}(?:ab|ac|ad|ae|af|ag|ah|の方|の人|の事例)x"));  // the repeat stays with its group
}

TEST_CASE("a pattern without a tail to split off, or with a head too big to pay, is left whole", "[head_groups]") {
  CHECK_FALSE(Splits("(?P<name>[A-Z][a-z]+)"));                               // no tail
  CHECK_FALSE(Splits("(?P<name>[A-Z][a-z]+)さん|(?P<other>x)(?:の方|の人|の事例)"));  // two branches
  CHECK_FALSE(Splits("(?P<name>\\p{Han}{2,6})(?i)(?:さん|氏)"));              // flags for the rest
  CHECK_FALSE(Splits("(?:CEO|CTO|Founder|社長|会長)\\s*(?:の|、)\\s*(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\\s*さん"));
  CHECK_FALSE(Splits("(?P<name>z)\\Q.\\E(?:の方|の人|の事例|の導入事例)"));  // syntax the reader does not follow
}

TEST_CASE("a head written as most of the pattern's text is left whole before it is compiled", "[head_groups]") {
  // Empty groups compile to nothing, so this head's program is small: only its text turns it away.
  std::string padding;
  for (int k = 0; k < 30; ++k) padding += "(?:)";
  CHECK_FALSE(Splits("(?P<name>[A-Z][a-z]+" + padding + ")(?:の方|の人)"));
  // the same head without the padding, and the same padding in a longer tail, split
  CHECK(Splits("(?P<name>[A-Z][a-z]+)(?:の方|の人)"));
  CHECK(Splits("(?P<name>[A-Z][a-z]+)(?:の方|の人)" + padding));
}

TEST_CASE("the split form answers as the whole pattern, also where its tail refuses the head's first choice",
          "[head_groups]") {
  const std::vector<std::string> lines = RandomLines(7, 300);
  for (const char* pattern : {"(?P<name>a+)(?:ab|ac|ad|の方|の人|の事例|という)x?", "(?P<name>[A-Z][a-z]*(?: [A-Z][a-z]*){0,2})\\s*(?:の事例|の中の人|の方|さん)",
                              "(?:^|[^A-Za-z])(?P<name>[A-Z][A-Za-z]+)\\s*(?:という|:|：)\\s*[^。]*?(?:ツール|ライブラリ|(?i:framework|tool))",
                              "(?P<name>b)?(?P<x>a*)(?:aab|ab|b)(?:c|$|の方|の人|の事例|という)"}) {
    const RE2 whole(pattern, RE2::Quiet);
    REQUIRE(whole.ok());
    const auto split = kgx::HeadGroups::For(whole);
    REQUIRE(split);
    CheckAgrees(whole, *split, lines);
  }
  // A tail that fails after the head's greedy choice: the whole pattern's groups, by its own run.
  const RE2 whole("(?P<name>a+)(?:ab|ac|ad|の方|の人|の事例|という)x?", RE2::Quiet);
  const auto split = kgx::HeadGroups::For(whole);
  REQUIRE(split);
  re2::StringPiece parts[2];
  REQUIRE(split->Match("xaaab", 0, parts, 2));
  CHECK(std::string(parts[0].data(), parts[0].size()) == "aaab");
  CHECK(std::string(parts[1].data(), parts[1].size()) == "aa");
  CHECK_FALSE(split->Match("xaaa", 0, parts, 2));
}

TEST_CASE("the shipped discovery patterns that split answer as their whole RE2 on generated lines", "[head_groups]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::size_t split_count = 0;
  const std::vector<std::string> lines = RandomLines(11, 120);
  for (const kgx::RuleBlock& block : kgx::testing::ShippedFileBlocks("discovery.rules", diagnostics)) {
    if (block.kind != "discover") continue;
    for (const kgx::RuleLine& rule : block.lines) {
      const RE2 whole(rule.text, RE2::Quiet);
      REQUIRE(whole.ok());
      const auto split = kgx::HeadGroups::For(whole);
      if (!split) continue;
      ++split_count;
      CheckAgrees(whole, *split, lines);
    }
  }
  CHECK(split_count >= 3);  // "X の事例", the tool after a colon, a talk header's speaker
}
