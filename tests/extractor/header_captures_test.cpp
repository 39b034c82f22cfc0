// HeaderCaptures: the two short runs find the same code and title as one whole RE2 run, for every
// header rule shipped in rules/sections.rules and for patterns of other shapes, over generated
// header-like lines in English and Japanese, full-width and with Markdown marks.
#include "extractor/header_captures.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "tests/extractor/shipped_sections.h"

namespace {

// A line made of header-like pieces: marks, numbers, codes, separators, titles, tails.
std::string RandomHeader(std::mt19937& rng) {
  static const std::vector<std::vector<std::string>> kParts = {
      {"", "", " ", "  ", "\t", "## ", "###", "■ ", "◆", "● ", "▶ ", "# "},
      {"", "", "1. ", "12)", "3.", "【レポート】", "【レポート】 ", "【登壇】", "**", "**"},
      {"(DAT303)", "[SVC201]", "【SEC301】", "DAT303",  "DAT303-R1",    "CUS-01", "A2-01",     "dat303-r1", "svc401",
       "arc309-r", "(BDT320)", "WWPS401",    "Session", "セッション名", "Talk 1", "LT2",       "発表3",     "Panel",
       "Keynote",  "基調講演", "Day 2",      "2日目",   "keynote day1", "",       "Deep Dive", "監視の話"},
      {"", " ", " - ", ": ", " | ", "  -  ", "-", " :", ":"},
      {"Deep Dive on Amazon Aurora", "New! Streaming Data", "Ｄｅｅｐ Ｄｉｖｅ",
       "大規模トラフィックを支えるキャッシュ戦略", "A", "x", "-", "**", "Scaling Kubernetes to 7,500 Nodes",
       "Aurora Serverless v2", "監視の話", "日本語 と English", "#1 of 2", "Werner Vogels", "", "(DAT303)",
       "[DAT318-R1]"},
      {"", "", "**", " **", " #AWSSummit", " #tag #two", " - Eric Sigler, OpenAI", " (Uber, Senior Engineer)",
       " (山田 太郎さん)", " (DAT303)", "  ", " ", "\t", " #", " # x", "。"},
      {"", "", " ", "**", " #end"}};
  std::string line;
  for (const auto& choices : kParts) {
    std::uniform_int_distribution<std::size_t> pick(0, choices.size() - 1);
    line += choices[pick(rng)];
  }
  return kgx::Normalize(line).text;  // lines reach the segmenter normalized
}

std::string Show(std::string_view line, std::string_view piece) {
  if (piece.data() == nullptr) return "(none)";
  return std::to_string(piece.data() - line.data()) + ":" + std::string(piece);
}

void CheckSame(const kgx::HeaderCaptures& captures, const std::string& line) {
  std::string_view code1, title1, code2, title2;
  const bool whole = captures.MatchWhole(line, code1, title1);
  const bool fast = captures.Match(line, code2, title2);
  INFO(captures.regex().pattern() << "\n  on '" << line << "'");
  REQUIRE(fast == whole);
  if (!whole) return;
  CHECK(Show(line, code2) == Show(line, code1));
  CHECK(Show(line, title2) == Show(line, title1));
}

}  // namespace

TEST_CASE("header captures in two runs equal one whole run for the shipped header rules", "[segmenter]") {
  const std::vector<std::string> patterns = kgx::testing::ShippedHeaderPatterns();
  REQUIRE(patterns.size() >= 10);
  std::vector<std::unique_ptr<kgx::HeaderCaptures>> all;
  std::size_t split = 0;
  for (const std::string& p : patterns) {
    all.push_back(std::make_unique<kgx::HeaderCaptures>(std::make_unique<RE2>(p, RE2::Quiet)));
    split += all.back()->split();
  }
  CHECK(split >= 6);  // the code-then-title shapes, sessions, talks, reports
  std::mt19937 rng(4242);
  std::vector<std::size_t> matched(all.size());
  for (int round = 0; round < 20000; ++round) {
    const std::string line = RandomHeader(rng);
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string_view code, title;
      matched[i] += all[i]->MatchWhole(line, code, title);
      CheckSame(*all[i], line);
    }
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO(patterns[i]);
    if (all[i]->split()) CHECK(matched[i] > 0);  // every split rule was exercised
    for (const char* line : {"Keynote Day2 - Werner Vogels", "Day 2: Keynote with Matt Garman", "2日目: 基調講演",
                             "## 3日目", "DAY3", "基調講演 2日目", "(DAT303) Aurora **", "DAT303 - Aurora #tag"}) {
      CheckSame(*all[i], line);
    }
  }
}

TEST_CASE("header captures split only the shapes they understand", "[segmenter]") {
  const auto split = [](const std::string& p) {
    return kgx::HeaderCaptures(std::make_unique<RE2>(p, RE2::Quiet)).split();
  };
  CHECK(split(R"(^(?P<code>[A-Z]{3}[0-9]{3}) - (?P<title>\S.*?)\s*$)"));
  CHECK(split(R"(^\s*(?P<title>[^\s#].*?)(?:\s+#[^\s#]+)*$)"));
  CHECK(split(R"(^x(?P<title>..*?)$)"));
  CHECK_FALSE(split(R"(^(?P<title>\S.*?)\s+-\s+[A-Z][a-z]+$)"));  // the tail cannot be empty
  CHECK_FALSE(split(R"(^(?P<title>\S.*?)(?P<tag>#\w+)?$)"));      // a group in the tail
  CHECK_FALSE(split(R"(^(?i)(?P<title>\S.*?)x?$)"));              // a flag for the rest
  CHECK_FALSE(split(R"(^a(?P<title>\S.*?)$|^b(?P<t2>.*)$)"));     // not anchored as a whole
  CHECK_FALSE(split(R"(^(?:x(?P<title>\S.*?))\s*$)"));            // inside a group
  CHECK_FALSE(split(R"(^(?P<title>\S.*)\s*$)"));                  // greedy
  CHECK_FALSE(split(R"(^(?P<title>\S.*?)\s*\$)"));                // no end anchor
  // Other shapes still match, in one run.
  std::mt19937 rng(7);
  const char* const kOthers[] = {R"(^(?P<title>\S.*?)\s+-\s+[A-Z][a-z]+$)", R"(^(?P<title>\S.*?)(?P<tag>#\w+)?$)",
                                 R"(^(?P<code>[A-Z]{3}[0-9]{3}) - (?P<title>\S.*?)\s*$)",
                                 R"(^\s*(?:\*\*)?(?P<title>[^\s\-*].*?)(?:\*\*)?(?:\s+#[^\s#]+)*\s*$)",
                                 R"(^\s*(?:(?P<code>[A-Z]+[0-9]+)\s*[-:]\s*)?(?P<title>\S.*?)(?:\*\*)?\s*$)"};
  for (const char* p : kOthers) {
    const kgx::HeaderCaptures captures(std::make_unique<RE2>(p, RE2::Quiet));
    for (int round = 0; round < 3000; ++round) CheckSame(captures, RandomHeader(rng));
  }
}
