// Literal contexts of discovery patterns: what must stand beside one of the texts a pattern holds
// once. A context must never turn away a line its pattern matches (checked against RE2 over
// generated Japanese and English lines); it should turn away the lines the prefilter cannot.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "extractor/literal_context.h"
#include "extractor/rule_file.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

// The name-before-title pattern of the shipped rules (discovery.rules).
const char* const kNameThenTitle =
    R"((?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*(?:,|[(（])\s*(?:(?:Senior|Staff|Principal|Lead|Chief|Sr\.)\s+){0,2})"
    R"((?:Engineer|Engineering Manager|Manager|Architect|SRE|CTO|CEO|VP|Director|Head of|Co-?founder|Product Manager)\b)";
// The title-at-company pattern of the shipped rules.
const char* const kTitleAtCompany =
    R"((?:[Ee]ngineers?|[Dd]evelopers?|SRE|[Mm]anager|CTO|Head of [A-Z][a-z]+|(?:VP|Director|Head)(?: of)? (?:Engineering|Data))\s+(?:at|@)\s+)"
    R"((?P<name>[A-Z][A-Za-z0-9&.'-]+(?: [A-Z][A-Za-z0-9&.'-]+){1,2})\s*(?:$|[,)）.;:]))";

bool Matches(const std::string& pattern, const std::string& line) { return RE2::PartialMatch(line, RE2(pattern)); }

}  // namespace

TEST_CASE("a name before a title needs a separator followed by a title word", "[literal-context]") {
  const auto context = kgx::LiteralContext::Derive(kNameThenTitle);
  REQUIRE(context.Constrains());
  CHECK(context.MayMatch("Priya Natarajan, Senior Staff Engineer"));
  CHECK(context.MayMatch("Priya Natarajan （Engineering Manager）"));
  CHECK(context.MayMatch("Ken Sato (Co-founder)"));
  CHECK(Matches(kNameThenTitle, "Ken Sato (Co-founder)"));
  // The prefilter's atoms (engineer, cto, vp) are here, but no separator stands before a title.
  CHECK_FALSE(context.MayMatch("The engineer uses a vector store, and the CTO agreed"));
  CHECK_FALSE(context.MayMatch("Kafka (a log) と Engineer の話"));
}

TEST_CASE("a title at a company needs a capital after the at", "[literal-context]") {
  const auto context = kgx::LiteralContext::Derive(kTitleAtCompany);
  REQUIRE(context.Constrains());
  CHECK(context.MayMatch("Priya, Engineer at Globex Corp."));
  CHECK(context.MayMatch("VP of Data @ Initech Labs"));
  CHECK_FALSE(context.MayMatch("that data is what the engineer looked at in the manager"));
  CHECK_FALSE(context.MayMatch("データを at 5 で見る"));
}

TEST_CASE("a particle followed by a digit is looked past", "[literal-context]") {
  const std::string pattern = R"((?P<name>\p{Katakana}+)\s*(?:に|には)\s*[0-9])";
  const auto context = kgx::LiteralContext::Derive(pattern);
  REQUIRE(context.Constrains());
  CHECK(context.MayMatch("カフカには 3 台"));
  CHECK(context.MayMatch("カフカに5台"));
  CHECK_FALSE(context.MayMatch("カフカには台が 3"));
  CHECK_FALSE(Matches(pattern, "カフカには台が 3"));
}

TEST_CASE("patterns the reader cannot follow get no literal context", "[literal-context]") {
  CHECK_FALSE(kgx::LiteralContext::Derive(R"((?P<name>a)|b)").Constrains());        // a top-level |
  CHECK_FALSE(kgx::LiteralContext::Derive(R"((?i)(?P<name>[a-z]+) at)").Constrains());  // a flag for the rest
  CHECK_FALSE(kgx::LiteralContext::Derive(R"((?P<name>.+))").Constrains());
  CHECK(kgx::LiteralContext::Derive(R"((?P<name>.+))").MayMatch("anything"));
}

TEST_CASE("a line the literal context turns away never matches its pattern", "[literal-context]") {
  // Every shipped discovery pattern and some of other shapes, over generated Japanese and English
  // lines built from the pieces the patterns look for.
  std::vector<std::string> patterns = {
      kNameThenTitle,
      kTitleAtCompany,
      R"((?P<name>\p{Katakana}+)\s*(?:に|には)\s*[0-9])",
      R"((?:^|[\s(（])(?P<name>[a-z]+)/x)",
      R"((?P<name>[A-Z]\w+)\s*[ x]\s*y)",
      R"((?i:by)\s+(?P<name>[A-Z][a-z]+))",
      R"((?i:\w)\s*:\s*(?P<name>[A-Z]))",
      R"((?P<name>\d+)\s*(?:台|個)$)",
  };
  std::vector<kgx::RuleDiagnostic> diagnostics;
  for (const auto& block : kgx::testing::ShippedRuleBlocks(diagnostics)) {
    if (block.kind != "discover") continue;
    for (const auto& line : block.lines) patterns.push_back(line.text);
  }
  const std::vector<std::string> pieces = {
      " ",     ", ",  ",",        "(",    "（",   ")",         "）",   "Engineer", "engineer", "Senior", "Sr.", "Co-founder",
      "at",    "@",   "Globex",   "Corp", "Ken",  "Sato",      "Priya", "a",        "the",      "VP",     "of",  "Data",
      "Head",  "氏",  "さん",     "社",   "の",   "株式会社",  "カフカ", "に",      "には",     "3",      "台",  "個",
      "登壇者", ":",  "：",       "\t",   "x",    "y",         "by",   "BY",       "\xC5\xBF", "/",      "は",  "エンジニア",
      "CTO",   "の中の人", "という", "ツール", "library", "called", "Tool", "-", "a-b"};
  std::mt19937 random(11);
  std::size_t turned_away = 0;
  for (const std::string& pattern : patterns) {
    const RE2 regex(pattern);
    REQUIRE(regex.ok());
    const auto context = kgx::LiteralContext::Derive(pattern);
    for (int i = 0; i < 3000; ++i) {
      std::string line;
      const int length = static_cast<int>(random() % 10);
      for (int k = 0; k < length; ++k) line += pieces[random() % pieces.size()];
      if (context.MayMatch(line)) continue;
      ++turned_away;
      INFO(pattern << " on '" << line << "'");
      CHECK_FALSE(RE2::PartialMatch(line, regex));
    }
  }
  CHECK(turned_away > 1000);  // the test tests something
}
