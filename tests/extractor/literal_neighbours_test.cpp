// LiteralNeighbours: a line it rejects is never matched by the pattern (checked
// against RE2), it rejects the lines the repository pattern wastes time on, and
// it defers when unsure.
#include "extractor/literal_neighbours.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>

#include "extractor/rule_file.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

constexpr const char *kRepository = R"((?:^|[\s(（])[a-z0-9][a-z0-9-]*/(?P<name>[a-z0-9][a-z0-9._-]*[-_][a-z0-9._-]+))";

bool Matches(const std::string &pattern, const std::string &line) { return RE2::PartialMatch(line, RE2(pattern)); }

}  // namespace

TEST_CASE("the repository pattern needs a '/' between [a-z0-9-] and [a-z0-9]", "[neighbours]") {
  const auto neighbours = kgx::LiteralNeighbours::Derive(kRepository);
  REQUIRE(neighbours.Constrains());
  for (const std::string line : {"11月/12月 に公開", "https://例え.jp/パス", "A/Bテスト", "読み/書き", "ＡＢ／ＣＤ",
                                 "CPU/メモリ", "x/ y", "/repo", "org/", "Aurora/MySQL"}) {
    INFO(line);
    CHECK_FALSE(neighbours.MayMatch(line));
    CHECK_FALSE(Matches(kRepository, line));
  }
  for (const std::string line :
       {"awslabs/logstash-output-amazon_es を使う", "（g-a-d/lambda-cron）", "a-/b", "日本語 org/x"}) {
    INFO(line);
    CHECK(neighbours.MayMatch(line));
  }
  CHECK(Matches(kRepository, "awslabs/logstash-output-amazon_es を使う"));
}

TEST_CASE("patterns the reader cannot follow get no condition", "[neighbours]") {
  for (const std::string pattern : {
           R"((?P<name>.+)社)",                   // any character before, the pattern's end after
           R"(^/(?P<name>.+))",                   // ^ before, . after
           R"((?i)x/(?P<name>y))",                // a flag for the rest of the pattern
           R"(a|b/(?P<name>c))",                  // alternatives at the top
           R"([^a]/(?P<name>\S+))",               // negated class, \S
           R"(\p{Greek}/(?P<name>\p{L}+))",      // Unicode classes other than Han and kana
           R"(x?/?(?P<name>y*))",                 // nothing required
       }) {
    INFO(pattern);
    const auto neighbours = kgx::LiteralNeighbours::Derive(pattern);
    CHECK_FALSE(neighbours.Constrains());
    CHECK(neighbours.MayMatch("anything at all / 日本語"));
  }
}

TEST_CASE("one side is enough, with Japanese, full-width and caseless neighbours", "[neighbours]") {
  // Only the byte after: the name follows "の".
  const std::string title = R"(の\s*(?P<name>[A-Z][a-z]+))";
  const auto after = kgx::LiteralNeighbours::Derive(title);
  CHECK(after.Constrains());
  CHECK(after.MayMatch("CEO の Andy"));
  CHECK(after.MayMatch("CEO のAndy"));
  CHECK_FALSE(after.MayMatch("CEO のお話"));
  CHECK_FALSE(after.MayMatch("CEO の"));

  // Ranges of Japanese characters and scripts are read: a katakana must stand before 社.
  for (const std::string company : {R"(株(?P<name>[ァ-ヴ]+)社)", R"(\p{Han}/(?P<name>\p{Katakana}+))"}) {
    INFO(company);
    const auto kana = kgx::LiteralNeighbours::Derive(company);
    CHECK(kana.Constrains());
    CHECK_FALSE(kana.MayMatch("会社の株式"));
    CHECK_FALSE(kana.MayMatch("株式会社/a"));
  }
  CHECK(kgx::LiteralNeighbours::Derive(R"(株(?P<name>[ァ-ヴ]+)社)").MayMatch("株サンプル社"));
  CHECK(kgx::LiteralNeighbours::Derive(R"(\p{Han}/(?P<name>\p{Katakana}+))").MayMatch("漢/カナ"));
  // A Japanese literal with an ASCII neighbour.
  const std::string suffix = R"((?P<name>[A-Z][a-z]+)社の)";
  const auto japanese = kgx::LiteralNeighbours::Derive(suffix);
  CHECK(japanese.Constrains());
  CHECK(japanese.MayMatch("Intercom社の事例"));
  CHECK_FALSE(japanese.MayMatch("インターコム社の事例"));

  // Full-width text never stands where ASCII is required.
  const std::string version = R"([0-9]\.(?P<name>[0-9]+))";
  const auto dotted = kgx::LiteralNeighbours::Derive(version);
  CHECK(dotted.Constrains());
  CHECK_FALSE(dotted.MayMatch("１.２ 版"));
  CHECK(dotted.MayMatch("v1.2 版"));

  // Inside (?i:…) both cases of a letter may stand beside the literal.
  const std::string caseless = R"((?i:v)/(?P<name>[0-9]+))";
  const auto folded = kgx::LiteralNeighbours::Derive(caseless);
  CHECK(folded.MayMatch("V/2"));
  CHECK(folded.MayMatch("v/2"));
  CHECK(Matches(caseless, "V/2"));

  // RE2 lets (?i:\w) take ſ (U+017F) and the Kelvin sign: no condition from it.
  const std::string word = R"((?i:\w)/(?P<name>[0-9]+))";
  CHECK(Matches(word, "\xC5\xBF/2"));
  CHECK(kgx::LiteralNeighbours::Derive(word).MayMatch("\xC5\xBF/2"));
}

TEST_CASE("a line the condition rejects never matches its pattern", "[neighbours]") {
  std::vector<std::string> patterns = {
      kRepository,
      R"((?:^|[^A-Za-z0-9])(?P<name>[A-Z][A-Za-z0-9]+)\s*(?:という|と呼ばれる)\s*ツール)",
      R"([a-z]{0,2}/(?P<name>\d+))",
      R"((?:ab|c?)/(?P<name>(?:x|)y))",
      R"(\b-(?P<name>\w{00,3}))",
      R"((?P<name>[(（]x)\.\s)",
  };
  std::vector<kgx::RuleDiagnostic> diagnostics;
  for (const auto &block : kgx::testing::ShippedRuleBlocks(diagnostics)) {
    if (block.kind != "discover") continue;
    for (const auto &line : block.lines) patterns.push_back(line.text);
  }
  const std::vector<std::string> pieces = {"/", "-",  ".",      " ",      "a",  "Z",   "0",  "_",
                                           "(", "（", "ツール", "という", "社", "org", "Ab", "x",
                                           "y", "V",  "／",     "日本",   "\t", "ab",  "c"};
  std::mt19937 random(7);
  for (const std::string &pattern : patterns) {
    const RE2 regex(pattern);
    REQUIRE(regex.ok());
    const auto neighbours = kgx::LiteralNeighbours::Derive(pattern);
    for (int i = 0; i < 1500; ++i) {
      std::string line;
      const int length = static_cast<int>(random() % 9);
      for (int k = 0; k < length; ++k) line += pieces[random() % pieces.size()];
      if (neighbours.MayMatch(line)) continue;
      INFO(pattern << " on '" << line << "'");
      CHECK_FALSE(RE2::PartialMatch(line, regex));
    }
  }
}
