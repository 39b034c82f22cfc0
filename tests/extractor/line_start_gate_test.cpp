// LineStartGate and RequiredCharacters: the conditions read from patterns never turn away a line
// that one of them matches (checked against RE2::Set over generated lines in English and
// Japanese, full-width, with marks, bullets and white space), and they turn away most lines.
#include "extractor/line_start_gate.h"
#include "extractor/required_characters.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/text_util.h"
#include "tests/extractor/line_start_gate_reference.h"
#include "tests/extractor/shipped_sections.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

// A line as notes have them: white space, a mark or bullet, then words, codes and punctuation.
std::string RandomLine(std::mt19937& rng) {
  static const std::vector<std::vector<std::string>> kParts = {
      {"", "", "  ", "\t", " ", "　", "\xC2\xA0"},
      {"",  "",    "• ", "- ",           "* ",       "+ ",  "・",   "● ",      "▼",      "▶ ", "■ ",
       "◆", "## ", "#",  "> ",           "※",        "1. ", "(1) ", "（２） ", "**",     "【", "[",
       "(", "（",  "「", "\xE2\x84\xAA", "\xC5\xBF", "K",   "ｋ",   "Ｓ",      "ſession"},
      {"",
       "Keynote",
       "keynote",
       "KEYNOTE",
       "\xE2\x84\xAA"
       "eynote",
       "Day 2",
       "day3",
       "DAY 1",
       "2日目",
       "三日目",
       "基調講演",
       "Session",
       "SESSION",
       "\xC5\xBF"
       "ession",
       "セッション",
       "セッション名",
       "Talk 1",
       "talk#2",
       "LT",
       "LT3",
       "発表2",
       "Panel",
       "パネルディスカッション",
       "DAT303",
       "dat303",
       "svc401-r1",
       "CUS-01",
       "BDT320)",
       "SEC301]",
       "レポート】",
       "Aurora",
       "日本語の",
       "ｇｏ",
       "lightning talk",
       "Ｄａｙ　２"},
      {"", " ", ": ", " - ", "-", "|", "】", ")", " ", "：", " : "},
      {"", "Deep Dive on Amazon Aurora", "大規模トラフィック", "Werner Vogels", "Matt Garman の keynote", "基調講演",
       "(Uber, Senior Engineer)", "(山田さん)", "[DAT318-R1]", "(DAT303)", "#tag", "**", "x"},
      {"", "", " ", "。", "  "}};
  std::string line;
  for (const auto& choices : kParts) {
    std::uniform_int_distribution<std::size_t> pick(0, choices.size() - 1);
    line += choices[pick(rng)];
  }
  return kgx::Normalize(line).text;
}

// A line of random characters from ranges that classes in rules name.
std::string RandomCharacters(std::mt19937& rng) {
  static const std::pair<char32_t, char32_t> kRanges[] = {
      {0x09, 0x0D},     {0x20, 0x7E},     {0xA0, 0x24F},    {0x2010, 0x2027}, {0x2100, 0x2160},
      {0x25A0, 0x25FF}, {0x3000, 0x30FF}, {0x4E00, 0x4E20}, {0xFF01, 0xFF5E}, {0x1F300, 0x1F310}};
  std::uniform_int_distribution<std::size_t> range(0, std::size(kRanges) - 1);
  std::uniform_int_distribution<int> length(0, 8);
  std::string line;
  for (int n = length(rng); n > 0; --n) {
    const auto& [lo, hi] = kRanges[range(rng)];
    std::uniform_int_distribution<char32_t> cp(lo, hi);
    kgx::AppendUtf8(cp(rng), line);
  }
  return line;
}

// Checks that the gate of `patterns` lets through every line the set (anchored at the start) matches.
void CheckNeverTurnsAwayAMatch(const std::vector<std::string>& patterns, int rounds, int* matched = nullptr) {
  RE2::Set set(RE2::Options(), RE2::ANCHOR_START);
  for (const std::string& p : patterns) REQUIRE(set.Add(p, nullptr) >= 0);
  REQUIRE(set.Compile());
  const kgx::LineStartGate gate = kgx::LineStartGate::Derive(patterns);
  std::mt19937 rng(31337);
  for (int round = 0; round < rounds; ++round) {
    const std::string line = round % 3 == 2 ? RandomCharacters(rng) : RandomLine(rng);
    if (!set.Match(line, nullptr)) continue;
    if (matched) ++*matched;
    INFO("'" << line << "'");
    CHECK(gate.MayMatch(line));
  }
}

}  // namespace

TEST_CASE("the line start gate never turns away a line a shipped header rule matches", "[segmenter]") {
  const std::vector<std::string> patterns = kgx::testing::ShippedHeaderPatterns();
  const kgx::LineStartGate gate = kgx::LineStartGate::Derive(patterns);
  REQUIRE(gate.Constrains());
  int matched = 0;
  CheckNeverTurnsAwayAMatch(patterns, 60000, &matched);
  CHECK(matched > 1000);
  // Each rule alone as well.
  for (const std::string& p : patterns) CheckNeverTurnsAwayAMatch({p}, 3000);
  // Bullets and prose that starts with a bullet's mark are turned away; headers are not.
  for (const char* line : {"  • Aurora", "- memo", "+ item", "・箇条", "", "   ", "▪ x", "※ note"}) {
    CHECK_FALSE(gate.MayMatch(line));
  }
  for (const char* line :
       {"(DAT303) Aurora", "DAT303 - Aurora", "## SEC301 Title", "■ 監視の話 (山田さん)", "Keynote Day2",
        "\xE2\x84\xAA"
        "eynote",
        "  2日目", "基調講演", "Deep Dive (DAT303)", "【レポート】x"}) {
    CHECK(gate.MayMatch(line));
  }
}

TEST_CASE("the line start gate follows classes, case folding and groups, and gives up where unsure", "[segmenter]") {
  // Negated classes, escapes, repeats from zero, (?i:…) with the Kelvin sign and the long s.
  CheckNeverTurnsAwayAMatch({R"(^\s*(?:\*\*)?[^\s\-*+•・]\S*)", R"(^[ \t]*(?i:key|s)\w+)", R"(^\s*\d{0,2}[.)]x)",
                             R"(^(?:#{1,6}|[■◆])?\s*\p{Han}+)", R"(^\s*(?:a|b|)[(（]c)", R"(^\x{41}?z)"},
                            20000);
  const auto constrains = [](const std::vector<std::string>& patterns) {
    return kgx::LineStartGate::Derive(patterns).Constrains();
  };
  CHECK(constrains({R"(^\s*[(\[]x)", R"(^\s*(?i:keynote))"}));
  CHECK_FALSE(constrains({R"(^\s*$)"}));                                    // white space alone matches
  CHECK_FALSE(constrains({R"(^\s*[(\[]x)", R"(^[ ]*x?)"}));                 // so does the empty string
  CHECK(kgx::LineStartGate::Derive({R"((?s:.*?)(?:x))"}).MayMatch("• x"));  // not anchored: any first character
  CHECK_FALSE(constrains({R"(^\s*\Qa.b\E)"}));                              // quoting the reader does not follow
  CHECK_FALSE(constrains({R"(^\s*(?i)x)"}));                                // a flag for the rest
  const kgx::LineStartGate folded = kgx::LineStartGate::Derive({R"(^\s*(?i:k)x)", R"(^\s*(?i:s)y)"});
  CHECK(folded.MayMatch("\xE2\x84\xAAx"));  // KELVIN SIGN folds with k
  CHECK(folded.MayMatch("\xC5\xBFy"));      // LATIN SMALL LETTER LONG S folds with s
  CHECK(folded.MayMatch(" Kx"));
  CHECK_FALSE(folded.MayMatch("• kx"));
}

TEST_CASE("the line start gate reads what a pattern anchored at the end can end with", "[segmenter]") {
  // Never turns away a match: classes, (?i:…), optional marks and white space before $.
  CheckNeverTurnsAwayAMatch({R"(^\s*[^\s\-*+•・].*?[)\]】](?:\*\*)?\s*$)", R"(^\s*[^\s\-].*(?i:k)\s*$)",
                             R"(^.*(?:a|b\s*)$)", R"(^\s*\p{Han}+(?:日目|$))", R"(^\s*x.*[。]\z)"},
                            20000);
  const kgx::LineStartGate ended = kgx::LineStartGate::Derive({R"(^\s*[^\s\-].*?[)\]】](?:\*\*)?\s*$)"});
  for (const char* line : {"Deep Dive (DAT303)", "最近の話(DAT303) ", "x)**", "監視【レポート】\t", "x*"}) {
    CHECK(ended.MayMatch(line));
  }
  for (const char* line : {"最近の話。", "Deep Dive (DAT303) の話", "x)y", "- (DAT303)", "  ", ""}) {
    CHECK_FALSE(ended.MayMatch(line));
  }
  // Not anchored at the end, or an alternative outside parentheses: the end tells nothing.
  CHECK(kgx::LineStartGate::Derive({R"(^\s*[^\s\-].*?[)])"}).MayMatch("最近の話。"));
  CHECK(kgx::LineStartGate::Derive({R"(^\s*[^\s\-].*?[)]$|^\s*x)"}).MayMatch("最近の話。"));
  // A pattern that can end with anything keeps its first characters free of the end.
  const kgx::LineStartGate mixed =
      kgx::LineStartGate::Derive({R"(^\s*[^\s\-].*?[)]\s*$)", R"(^\s*[A-Z]\w*\s+\S.*$)"});
  CHECK(mixed.MayMatch("Aurora は速い。"));
  CHECK_FALSE(mixed.MayMatch("最近の話。"));
  // The shipped header rules turn away prose that starts with a kanji or kana and ends like a sentence.
  const kgx::LineStartGate shipped = kgx::LineStartGate::Derive(kgx::testing::ShippedHeaderPatterns());
  CHECK_FALSE(shipped.MayMatch("最近は Aurora を使っている。"));
  CHECK_FALSE(shipped.MayMatch("そのため RDS から移行した"));
  CHECK(shipped.MayMatch("生成AIアプリの監視(DAT303)"));  // normalized: （ is (
  CHECK(shipped.MayMatch("基調講演"));
  CHECK(shipped.MayMatch("二日目"));
}

TEST_CASE("a line's last character decides a pattern written C then white space to the end", "[segmenter]") {
  // The shipped not_heading patterns: whenever the last character decides, RE2 finds a match; the
  // bitmap answers as the ranges do; most lines that end like a sentence are decided.
  const std::vector<std::string> patterns = kgx::testing::ShippedSectionPatterns({"not_heading"});
  REQUIRE(!patterns.empty());
  std::string joined;
  for (const std::string& p : patterns) joined += (joined.empty() ? "(?:" : "|(?:") + p + ")";
  const RE2 any(joined);
  REQUIRE(any.ok());
  const kgx::LineStartGate gate = kgx::LineStartGate::Derive(patterns);
  std::mt19937 rng(2718);
  int decided = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string line = round % 3 == 2 ? RandomCharacters(rng) : RandomLine(rng);
    if (round % 7 == 0) line += "\xE3\x80";  // a character cut short
    INFO("'" << line << "'");
    const bool decides = gate.DecidesAtEnd(line);
    CHECK(decides == kgx::LineStartGateReference::DecidesAtEndByRanges(gate, line));
    if (!decides) continue;
    ++decided;
    CHECK(RE2::PartialMatch(line, any));
  }
  CHECK(decided > 1000);
  for (const char* line : {"満席だった。", "速かった！ ", "Is it fast?", "続く、", "「引用」\t"}) CHECK(gate.DecidesAtEnd(line));
  for (const char* line : {"まとめ", "Deep Dive (DAT303)", "", "  ", "です。x"}) CHECK_FALSE(gate.DecidesAtEnd(line));
  // Only a lone class or character before \s*$ decides: not "^[.]\s*$", "a[.]\s*$", "[.]+\s*$".
  for (const char* pattern : {R"(^[.]\s*$)", R"(a[.]\s*$)", R"([.]+\s*$)", R"((?:[.])\s*$)", R"([.]\s*)"}) {
    INFO(pattern);
    CHECK_FALSE(kgx::LineStartGate::Derive({pattern}).DecidesAtEnd("x."));
  }
  CHECK(kgx::LineStartGate::Derive({R"([.]\s*$)"}).DecidesAtEnd("x. "));
  CHECK(kgx::LineStartGate::Derive({R"(\.\s*$)"}).DecidesAtEnd("x."));
}

TEST_CASE("a flag group inside a case-insensitive one is read once, not looped on", "[segmenter]") {
  // The gate's own reader, before the shared one, never returned from (?i:(?s:…)) or (?i)…(?s:…).
  CheckNeverTurnsAwayAMatch({R"(^\s*(?i:(?s:k)x))", R"((?i)^\s*(?s:a.)b)"}, 2000);
  CHECK(kgx::LineStartGate::Derive({R"(^\s*(?i:(?s:k)x))", R"((?i)^\s*(?s:a.)b)"}).Constrains());
}

namespace {

// The reference for RequiredCharacters::MayMatch: some pattern's classes each have a byte in the
// line, found by one memchr per byte.
bool HoldsEachBySearch(const kgx::RequiredCharacters& required, std::string_view line) {
  if (!required.Constrains()) return true;
  const auto holds = [&](const std::string& bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [&](char b) { return std::memchr(line.data(), b, line.size()) != nullptr; });
  };
  return std::any_of(required.Classes().begin(), required.Classes().end(),
                     [&](const std::vector<std::string>& classes) { return std::all_of(classes.begin(), classes.end(), holds); });
}

std::string RandomEventLine(std::mt19937& rng) {
  static const std::vector<std::vector<std::string>> kParts = {
      {"", "", "  • ", "- ", "# ", "参加: ", "今年の"},
      {"", "AWS ", "aws  ", "Ａｍａｚｏｎ ", "JAWS", "jaws-", "Google Cloud Next", "KubeCon + CloudNativeCon", "QCon",
       "StrangeLoop", "DevSumi", "re", "RE", "Ｒｅ", "Cloud Native Berlin Meetup", "Kubernetes meetup", "JAWS-UG",
       "JAWS-UG 東京", "issue", "PyCon JP", "RubyKaigi", "DevOpsDays Tokyo", "Serverless 勉強会", "AWS勉強会"},
      {"", ":", " : ", "：", "Invent", "invent", "Summit", " summit ", "DAYS", "days", " ", "Japan ", "Tokyo",
       "\xE2\x84\xAA"},
      {"", "invent", "Invent ", " Tokyo ", "Osaka", "london ", "'", ""},
      {"", "2016", "２０１８", "2O19", "20", "19", "2025", " 2023", "202", "3000", "日本", "x", " #42", "#5", " ＃12", "# 3"},
      {"", " の話", " recap", "。", ""}};
  std::string line;
  for (const auto& choices : kParts) {
    std::uniform_int_distribution<std::size_t> pick(0, choices.size() - 1);
    line += choices[pick(rng)];
  }
  return kgx::Normalize(line).text;
}

}  // namespace

TEST_CASE("the required characters never turn away a line a shipped event rule matches", "[segmenter]") {
  const std::vector<std::string> patterns = kgx::testing::ShippedEventPatterns();
  REQUIRE(patterns.size() >= 4);
  const kgx::RequiredCharacters required = kgx::RequiredCharacters::Derive(patterns);
  REQUIRE(required.Constrains());
  RE2::Set set(RE2::Options(), RE2::UNANCHORED);
  for (const std::string& p : patterns) REQUIRE(set.Add(p, nullptr) >= 0);
  REQUIRE(set.Compile());
  std::mt19937 rng(808);
  int matched = 0, turned_away = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string line = round % 4 == 3 ? RandomCharacters(rng) : RandomEventLine(rng);
    turned_away += !required.MayMatch(line);
    if (!set.Match(line, nullptr)) continue;
    ++matched;
    INFO("'" << line << "'");
    CHECK(required.MayMatch(line));
  }
  CHECK(matched > 600);
  CHECK(turned_away > 10000);
  for (const char* line :
       {"AWS re:Invent 2016 参加レポート", "re : invent2015", "AWS Summit Tokyo 2018", "JAWS DAYS 2019",
        "KubeCon + CloudNativeCon Japan 2025", "QCon London 2023", "Google Cloud Next Tokyo 2024",
        "Google Cloud Next Tokyo '25 参加メモ", "# Cloud Native Berlin Meetup #42 — write-up", "JAWS-UG 東京 #50 参加レポート",
        "PlatformCon London 2026", "Serverless 勉強会 #18", "JAWS-UG 東京 第99回 勉強会メモ"}) {
    CHECK(set.Match(kgx::Normalize(line).text, nullptr));
    CHECK(required.MayMatch(kgx::Normalize(line).text));
  }
  CHECK_FALSE(required.MayMatch("  • Auroraの話、Lambdaは速い"));
}

TEST_CASE("the required characters name each pattern that may match, never one less", "[segmenter]") {
  // Pattern by pattern (the Segmenter asks the event patterns alone, in order, as these bits say):
  // every pattern RE2 finds in a line has its bit, and some bit is set exactly when MayMatch holds.
  for (const std::vector<std::string>& patterns :
       {kgx::testing::ShippedEventPatterns(), std::vector<std::string>{"a:1", "b;2", "c=3", "d!4"},
        std::vector<std::string>{R"((?i)summit\s*(?P<y>20[0-9]{2}))", R"(勉強会\s*#(?P<n>[0-9]{1,4}))"}}) {
    const kgx::RequiredCharacters required = kgx::RequiredCharacters::Derive(patterns);
    REQUIRE(required.Constrains());
    std::vector<std::unique_ptr<RE2>> alone;
    for (const std::string& p : patterns) alone.push_back(std::make_unique<RE2>(p));
    std::mt19937 rng(4242);
    int named = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string line = round % 4 == 3 ? RandomCharacters(rng) : RandomEventLine(rng);
      if (round % 5 == 4) line += " a:1 c=3";
      INFO("'" << line << "'");
      const std::uint64_t which = required.MayMatchWhich(line);
      CHECK((which != 0) == required.MayMatch(line));
      for (std::size_t p = 0; p < patterns.size(); ++p) {
        if (!RE2::PartialMatch(line, *alone[p])) continue;
        ++named;
        CHECK(((which >> p) & 1) != 0);
      }
    }
    CHECK(named > 100);
  }
  // No condition: every pattern may match.
  CHECK(kgx::RequiredCharacters::Derive({"[a-z]+"}).MayMatchWhich("x") == ~std::uint64_t{0});
}

TEST_CASE("a pattern's Japanese words give no class, its ASCII characters still do", "[segmenter]") {
  // 勉強会 is needed too but tested by no byte: the '#' after it is the condition
  const kgx::RequiredCharacters required = kgx::RequiredCharacters::Derive({R"(勉強会\s*#(?P<n>[0-9]{1,4}))"});
  REQUIRE(required.Constrains());
  CHECK(required.MayMatch("Serverless 勉強会 #18"));
  CHECK(required.MayMatch("# メモ"));  // a '#' alone may match as far as the condition knows
  CHECK_FALSE(required.MayMatch("勉強会のメモ"));
  CHECK_FALSE(kgx::RequiredCharacters::Derive({R"(勉強会)"}).Constrains());  // nothing ASCII: no condition
}

TEST_CASE("required characters come from every part a match cannot skip", "[segmenter]") {
  // A blank line's event: white space is required, so a blank line is still read.
  const kgx::RequiredCharacters blank = kgx::RequiredCharacters::Derive({"never-[0-9]{9}", R"(^[ \t]+$)"});
  REQUIRE(blank.Constrains());
  CHECK(blank.MayMatch("   "));
  CHECK_FALSE(blank.MayMatch("title"));
  // Groups that must match count; optional parts and alternatives do not.
  const kgx::RequiredCharacters year = kgx::RequiredCharacters::Derive({R"((?i)summit\s*(?P<y>20[0-9]{2}))"});
  CHECK(year.MayMatch("summit 2019"));
  CHECK_FALSE(year.MayMatch("summit 1999"));
  CHECK_FALSE(kgx::RequiredCharacters::Derive({R"(x?:?)"}).Constrains());
  CHECK_FALSE(kgx::RequiredCharacters::Derive({R"(a:|b;)"}).Constrains());
  CHECK_FALSE(kgx::RequiredCharacters::Derive({R"((?i)ks)"}).Constrains());  // 'k' and 's' fold beyond ASCII
  CHECK(kgx::RequiredCharacters::Derive({R"((?i)zip)"}).MayMatch("ZIP"));
  // Every pattern is looked at, and each other pattern's classes are its own.
  CheckNeverTurnsAwayAMatch({R"(^\s*(?i:day)\s*[0-9]{1,2})"}, 100);
  const kgx::RequiredCharacters two = kgx::RequiredCharacters::Derive({"a:1", "b;2"});
  CHECK(two.MayMatch("xa:y1"));
  CHECK(two.MayMatch("b;2"));
  CHECK_FALSE(two.MayMatch(":2"));
}

TEST_CASE("a bullet decided by its mark is one, and a line the gate turns away is none", "[segmenter]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::vector<std::string> bullets;
  for (const kgx::RuleBlock& block : kgx::testing::ShippedFileBlocks("sections.rules", diagnostics)) {
    if (block.kind != "section" || block.argument != "bullet") continue;
    for (const kgx::RuleLine& line : block.lines) bullets.push_back(line.text);
  }
  REQUIRE(bullets.size() >= 3);
  const kgx::LineStartGate gate = kgx::LineStartGate::Derive(bullets);
  REQUIRE(gate.Constrains());
  std::string alternation;
  for (const std::string& b : bullets) alternation += (alternation.empty() ? "(?:" : "|(?:") + b + ")";
  const RE2 any(alternation);
  std::mt19937 rng(5150);
  int decided = 0;
  for (int round = 0; round < 40000; ++round) {
    const std::string line = round % 3 == 2 ? RandomCharacters(rng) : RandomLine(rng);
    const bool matches = RE2::PartialMatch(line, any);
    INFO("'" << line << "'");
    if (!gate.MayMatch(line)) CHECK_FALSE(matches);
    if (gate.Decides(line)) {
      ++decided;
      CHECK(matches);
    }
  }
  CHECK(decided > 5000);
  CHECK(gate.Decides("  • Aurora"));
  CHECK(gate.Decides("- memo"));
  CHECK_FALSE(gate.Decides("1. first"));  // numbered: RE2 decides
  CHECK_FALSE(gate.Decides("Aurora"));
  // Only `^\s*` and one class or character, nothing after, decides.
  const auto decides = [](const std::string& pattern, const std::string& line) {
    return kgx::LineStartGate::Derive({pattern}).Decides(line);
  };
  CHECK(decides(R"(^\s*[-*])", "\t* x"));
  CHECK(decides(R"(^\s*•)", "•x"));
  CHECK_FALSE(decides(R"(^\s*[-*]{2})", "- x"));
  CHECK_FALSE(decides(R"(^\s*[-*]x)", "- x"));
  CHECK_FALSE(decides(R"(^\s+[-*])", "- x"));
  CHECK_FALSE(decides(R"(^[ ]*[-*])", "\t- x"));
  CHECK_FALSE(decides(R"(^\s*[-*\s])", "- x"));
}

TEST_CASE("the required characters read by byte masks answer as one search per byte does", "[segmenter]") {
  // The shipped event patterns and small sets of ASCII classes, over event lines, random
  // characters and each required byte at every offset of a sixteen-byte block.
  const std::vector<std::vector<std::string>> sets = {
      kgx::testing::ShippedEventPatterns(), {"a:1", "b;2"}, {"a:1", "b;2", "c=3", "d!4"},
      {R"((?i)summit\s*(?P<y>20[0-9]{2}))"},
      {R"(勉強会\s*#(?P<n>[0-9]{1,4}))", R"(re\s*:\s*invent)"}, {"never-[0-9]{9}", R"(^[ \t]+$)"}};
  std::mt19937 rng(1616);
  for (const std::vector<std::string>& patterns : sets) {
    const kgx::RequiredCharacters required = kgx::RequiredCharacters::Derive(patterns);
    REQUIRE(required.Constrains());
    for (int round = 0; round < 5000; ++round) {
      const std::string line = round % 3 == 2 ? RandomCharacters(rng) : RandomEventLine(rng);
      INFO("'" << line << "'");
      CHECK(required.MayMatch(line) == HoldsEachBySearch(required, line));
    }
    for (const char* piece : {"2", "0", ":", "#", ";", "1", " ", "\t", "x", "ー"}) {
      for (std::size_t pad = 0; pad < 36; ++pad) {
        for (const std::string& filler : {std::string("日本語のメモ"), std::string("abcdefgh")}) {
          std::string line;
          while (line.size() < pad) line += filler;
          line = line.substr(0, kgx::Utf8PrefixLength(line, pad)) + piece + "会" + std::string(pad % 5, '2') + "0";
          INFO("'" << line << "'");
          CHECK(required.MayMatch(line) == HoldsEachBySearch(required, line));
        }
      }
    }
  }
}

TEST_CASE("the patterns named by byte range and shared class masks are those one search per byte names", "[segmenter]") {
  // MayMatchWhich looks up only bytes within the classes' range, sixteen at a time, and tests each
  // distinct class once: pattern by pattern it must answer as memchr over that pattern's classes,
  // over event lines, random characters, English and Japanese prose, and each class byte at every
  // offset of a block (classes at the ends of ASCII too: '!' and '~').
  const std::vector<std::vector<std::string>> sets = {
      kgx::testing::ShippedEventPatterns(), {"a:1", "b;2", "c=3", "d!4"}, {"~~1", "!b", "1~"},
      {R"((?i)summit\s*(?P<y>20[0-9]{2}))", R"(勉強会\s*#(?P<n>[0-9]{1,4}))", R"(re\s*:\s*invent)"}};
  const std::vector<std::string> prose = {
      "the keynote covered serverless patterns and the new database features in detail",
      "今日はサーバーレスの話を聞いた。Lambda と Step Functions の組み合わせが面白かった",
      "  - Aurora DSQL: multi-region, strong consistency (GA in 2025)", "JAWS-UG 東京 #50 参加レポート ~ 第2回 !"};
  std::mt19937 rng(2525);
  for (const std::vector<std::string>& patterns : sets) {
    const kgx::RequiredCharacters required = kgx::RequiredCharacters::Derive(patterns);
    REQUIRE(required.Constrains());
    const auto by_search = [&](std::string_view line) {
      std::uint64_t which = 0;
      for (std::size_t p = 0; p < required.Classes().size(); ++p) {
        const std::vector<std::string>& classes = required.Classes()[p];
        const bool holds = std::all_of(classes.begin(), classes.end(), [&](const std::string& bytes) {
          return std::any_of(bytes.begin(), bytes.end(),
                             [&](char b) { return std::memchr(line.data(), b, line.size()) != nullptr; });
        });
        if (holds) which |= std::uint64_t{1} << p;
      }
      return which;
    };
    int some = 0;
    for (int round = 0; round < 5000; ++round) {
      std::string line = round % 3 == 2 ? RandomCharacters(rng) : RandomEventLine(rng);
      if (round % 4 == 1) line = prose[static_cast<std::size_t>(round / 4) % prose.size()] + " " + line;
      INFO("'" << line << "'");
      const std::uint64_t which = required.MayMatchWhich(line);
      CHECK(which == by_search(line));
      some += which != 0;
    }
    CHECK(some > 50);  // (the few lines holding "~~1", "!b" or "1~" the least)
    for (const char* piece : {"2", "0", ":", "#", "!", "~", "1", "b", "-", "'", "U", "G", "ー"}) {
      for (std::size_t pad = 0; pad < 36; ++pad) {
        for (const std::string& filler : {std::string("日本語のメモ"), std::string("abcdefgh"), std::string("ABC xyz ")}) {
          std::string line;
          while (line.size() < pad) line += filler;
          line = line.substr(0, kgx::Utf8PrefixLength(line, pad)) + piece + "会" + std::string(pad % 5, '2') + "0";
          INFO("'" << line << "'");
          CHECK(required.MayMatchWhich(line) == by_search(line));
        }
      }
    }
  }
}

TEST_CASE("the line start gate's bitmap of characters answers as its ranges do", "[segmenter]") {
  using Reference = kgx::LineStartGateReference;
  // The shipped header and bullet gates and a few of classes and case folding, over random lines
  // and over every character below U+10000 (and a few above) after white space.
  const std::vector<std::vector<std::string>> sets = {
      kgx::testing::ShippedHeaderPatterns(),
      kgx::testing::ShippedSectionPatterns({"bullet"}),
      {R"(^\s*[-*+•・●◦▪□◇▶>※])", R"(^\s*[0-9]{1,3}[.)]\s)", R"(^\s*[(（][0-9]{1,3}[)）]\s)"},
      {R"(^\s*(?:\*\*)?[^\s\-*+•・]\S*)", R"(^[ \t]*(?i:key|s)\w+)", R"(^\s*[■◆🐘])"}};
  std::mt19937 rng(65536);
  for (const std::vector<std::string>& patterns : sets) {
    const kgx::LineStartGate gate = kgx::LineStartGate::Derive(patterns);
    for (int round = 0; round < 3000; ++round) {
      const std::string line = round % 2 == 0 ? RandomLine(rng) : RandomCharacters(rng);
      INFO("'" << line << "'");
      CHECK(gate.MayMatch(line) == Reference::MayMatchByRanges(gate, line));
      CHECK(gate.Decides(line) == Reference::DecidesByRanges(gate, line));
    }
    int differ = 0;
    for (char32_t cp = 0x80; cp < 0x10100; ++cp) {
      if (cp >= 0xD800 && cp < 0xE000) continue;
      std::string line = "  ";
      kgx::AppendUtf8(cp, line);
      line += " x";
      differ += gate.MayMatch(line) != Reference::MayMatchByRanges(gate, line) ||
                gate.Decides(line) != Reference::DecidesByRanges(gate, line);
      // the same character last, after a first one that only a pattern anchored at the end allows
      std::string ending = "最近の話 ";
      kgx::AppendUtf8(cp, ending);
      differ += gate.MayMatch(ending) != Reference::MayMatchByRanges(gate, ending);
    }
    CHECK(differ == 0);
    for (const char* odd : {"  \x80", "\xE3\x81", "\xED\xA0\x80 x", "\xF0\x9F\x90\x98", "Aurora \x80",
                            "Aurora \xE3\x81", "Aurora \xE3\x81\x82\x82 ", "Aurora \xED\xA0\x80", "Aurora)\xBF",
                            "Aurora \xEF\xBF\xBD", "日本\xF0\x9F\x90\x98\t"}) {
      CHECK(gate.MayMatch(odd) == Reference::MayMatchByRanges(gate, odd));
      CHECK(gate.Decides(odd) == Reference::DecidesByRanges(gate, odd));
    }
  }
}

TEST_CASE("the line start gate's first-byte test turns away only lines its characters turn away", "[segmenter]") {
  using Reference = kgx::LineStartGateReference;
  // Gates whose first characters are two, three and four bytes long, one that allows U+FFFD (which a
  // byte that begins no whole character decodes to), and the discovery patterns anchored at a
  // heading's mark, over lines that begin with every byte and with every character below U+10000.
  const std::vector<std::vector<std::string>> sets = {
      {R"(^\s*(?:#{1,6}|[■◆▶])\s*(?:\*\*)?\S.*?\S\s+-\s+(?P<name>[A-Z][a-z]+)\s*$)",
       R"(^\s*(?:#{1,6}|[■◆▶])\s*\S.*?(?P<name>\p{Han}{2,6})(?:さん|氏)\s*[(（][^()（）]{2,40}[)）]\s*$)"},
      {R"(^\s*[éß]x)", R"(^\s*🐘)"},
      {R"(^\s*[\x{FFF0}-\x{FFFF}]+)"},
      {R"(^\s*[^\sa-z])"}};
  std::size_t turned_away = 0;
  for (const std::vector<std::string>& patterns : sets) {
    const kgx::LineStartGate gate = kgx::LineStartGate::Derive(patterns);
    REQUIRE(gate.Constrains());
    for (unsigned b = 0; b < 0x100; ++b) {
      for (const std::string tail : {"", "x", "\x81\x82", "\xBF\xBD", "\x9F\x90\x98 x", "\x96\xA0 a - Jane Doe"}) {
        const std::string line = "  " + std::string(1, static_cast<char>(b)) + tail;
        INFO("byte " << b << " then '" << tail << "'");
        CHECK(gate.MayMatch(line) == Reference::MayMatchByRanges(gate, line));
        turned_away += !gate.MayMatch(line);
      }
    }
    for (char32_t cp = 0x80; cp < 0x10100; ++cp) {
      if (cp >= 0xD800 && cp < 0xE000) continue;
      std::string line = "\t";
      kgx::AppendUtf8(cp, line);
      line += " 話 - 山田さん (X)";
      if (gate.MayMatch(line) != Reference::MayMatchByRanges(gate, line)) FAIL("U+" << std::hex << static_cast<unsigned>(cp));
    }
  }
  CHECK(turned_away > 2000);  // the test tests something
  const kgx::LineStartGate headings = kgx::LineStartGate::Derive(sets[0]);
  CHECK(headings.MayMatch("## 話 - Jane Doe"));
  CHECK(headings.MayMatch("  ■ 話 - Jane Doe"));
  CHECK_FALSE(headings.MayMatch("話 - Jane Doe"));
  CHECK_FALSE(headings.MayMatch("- Jane Doe"));
  const kgx::LineStartGate replacement = kgx::LineStartGate::Derive(sets[2]);
  CHECK(replacement.MayMatch("\xE3\x81 x"));  // a broken kana reads as U+FFFD
  CHECK_FALSE(replacement.MayMatch("あ x"));
}
