// The gates Discovery::Find puts before RE2 (LineStartGate for anchored patterns, LiteralNeighbours,
// LiteralContext, with the scripts of script_ranges.h) held to plain RE2: over generated Japanese and
// English lines, each gate alone never turns away a line its pattern matches, and Find finds what
// running every pattern on every line finds.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "extractor/discovery.h"
#include "extractor/line_start_gate.h"
#include "extractor/literal_context.h"
#include "extractor/literal_neighbours.h"
#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/script_ranges.h"
#include "extractor/text_finder.h"
#include "extractor/text_util.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

// The [discover TYPE] blocks of the shipped rules, without their stop words (Find drops stopped
// names; plain RE2 here does not).
std::vector<kgx::RuleBlock> ShippedDiscoverBlocks() {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::vector<kgx::RuleBlock> blocks;
  for (kgx::RuleBlock& block : kgx::testing::ShippedFileBlocks("discovery.rules", diagnostics)) {
    if (block.kind == "discover") blocks.push_back(std::move(block));
  }
  return blocks;
}

// Patterns of other shapes that name scripts beside a literal.
const std::vector<std::string>& ScriptPatterns() {
  static const std::vector<std::string> patterns = {
      R"((?P<name>\p{Katakana}[\p{Katakana}ー・]{2,})社)",
      R"((?P<name>\p{Han}{1,4}[ 　]\p{Han}{1,3})\s*(?:さん|氏))",
      R"((?P<name>[^\P{Han}氏様殿]{2,4})\s*(?:氏|さん))",
      R"(^\s*(?:[-•・*]\s*)?(?P<name>[A-Za-z]+)\s*:)",
      R"(\A(?P<name>\p{Hiragana}+)です)",
      R"((?P<name>[A-Z][a-z]+)\s*(?:の中の人|の方|の人|の事例|の導入事例|さんの事例|での事例|のエンジニア|の社員))",
      R"((?P<name>\p{Katakana}+)(?:x|\p{Han}))",
      R"(株(?P<name>[\p{Hiragana}ア]))",
      R"((?P<name>[a-zé]+)/(?i:k))",
  };
  return patterns;
}

std::vector<std::string> AllPatterns() {
  std::vector<std::string> patterns = ScriptPatterns();
  for (const kgx::RuleBlock& block : ShippedDiscoverBlocks()) {
    for (const kgx::RuleLine& line : block.lines) patterns.push_back(line.text);
  }
  return patterns;
}

// Pieces of Japanese and English lines around what the patterns look for.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "社",     "会社",   "株式会社", "(株)",   "サンプル", "テック", "ー",     "・",   "さん",   "氏",     "様",
      "山田",   "太郎",   "鈴木",     " ",      "　",       "の",     "です",   "ひらがな", "カタカナ", "漢字", "は",
      "Intercom", "Andy", "Jassy",    "CEO",    "、",       ",",      ":",      "：",   "- ",     "• ",     "* ",
      "\t",     "登壇者", "スピーカー", "(",   "（",       ")",      "）",     "の中の人", "の方", "の事例", "x",
      "k",      "K",      "\xE2\x84\xAA", "/", "é",        "Tool",   "ツール", "という", "Jane Doe", "Acme", "at",
      "エンジニア", "代表", "社長",   "の人",   "での事例", "Engineer", "a",    "Z",    "3",      "ア",     "株"};
  return pieces;
}

std::string GeneratedLine(std::mt19937& random) {
  std::string line;
  const int length = static_cast<int>(random() % 9);
  for (int k = 0; k < length; ++k) line += Pieces()[random() % Pieces().size()];
  return line;
}

bool Anchored(const std::string& pattern) { return pattern.starts_with("^") || pattern.starts_with("\\A"); }

// A name found: where it begins and ends in the line, and its type; in a sorted list.
using Found = std::tuple<std::size_t, std::size_t, kgx::EntityType>;

std::vector<Found> FastFind(const kgx::Discovery& discovery, std::string_view line) {
  std::vector<Found> found;
  for (const kgx::DiscoveredName& name : discovery.Find(line)) found.emplace_back(name.begin, name.end, name.type);
  std::sort(found.begin(), found.end());
  return found;
}

// Each pattern of `blocks` run by RE2 alone on every line, with its groups, as Find runs those it
// does not turn away; stop words aside.
class PlainDiscovery {
 public:
  explicit PlainDiscovery(const std::vector<kgx::RuleBlock>& blocks) {
    for (const kgx::RuleBlock& block : blocks) {
      // a block with "@after" reads no line without the line above it, which this reference is not given
      const bool after = std::any_of(block.lines.begin(), block.lines.end(),
                                     [](const kgx::RuleLine& line) { return line.text.starts_with("@after "); });
      if (after) continue;
      for (const kgx::RuleLine& line : block.lines) {
        regexes_.push_back(std::make_unique<RE2>(line.text));
        types_.push_back(*kgx::ParseEntityType(block.argument));
      }
    }
  }

  std::vector<Found> Find(std::string_view line) const {
    std::vector<Found> found;
    if (kgx::TrimAscii(line).empty()) return found;
    for (std::size_t p = 0; p < regexes_.size(); ++p) {
      const RE2& regex = *regexes_[p];
      const int group = regex.NamedCapturingGroups().at("name");
      std::vector<re2::StringPiece> parts(static_cast<std::size_t>(regex.NumberOfCapturingGroups() + 1));
      std::size_t pos = 0;
      while (pos < line.size() && regex.Match(line, pos, line.size(), RE2::UNANCHORED, parts.data(), static_cast<int>(parts.size()))) {
        const std::string_view name = kgx::TrimAscii(parts[static_cast<std::size_t>(group)]);
        pos = std::max(static_cast<std::size_t>(parts[0].data() - line.data()) + parts[0].size(), pos + 1);
        if (name.empty() || name.data() == nullptr) continue;
        const auto begin = static_cast<std::size_t>(name.data() - line.data());
        found.emplace_back(begin, begin + name.size(), types_[p]);
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

 private:
  std::vector<std::unique_ptr<RE2>> regexes_;
  std::vector<kgx::EntityType> types_;
};

}  // namespace

TEST_CASE("script ranges hold every character RE2 puts in the script", "[script-ranges]") {
  for (const char* script : {"Han", "Katakana", "Hiragana"}) {
    const auto ranges = kgx::ScriptRanges(script);
    REQUIRE(ranges);
    const RE2 in_script(std::string("\\p{") + script + "}");
    REQUIRE(in_script.ok());
    std::size_t members = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      std::string text;
      kgx::AppendUtf8(c, text);
      if (!RE2::FullMatch(text, in_script)) continue;
      ++members;
      INFO(script << " U+" << std::hex << static_cast<unsigned>(c));
      REQUIRE(ranges->Contains(c));
    }
    CHECK(members > 80);
  }
  CHECK_FALSE(kgx::ScriptRanges("Greek"));
  CHECK_FALSE(kgx::ScriptRanges("L"));
}

TEST_CASE("code ranges merge what they add and find what they hold", "[script-ranges]") {
  kgx::CodeRanges ranges;
  ranges.Add(10, 20);
  ranges.Add(30, 40);
  ranges.Add(21, 29);  // joins both
  ranges.Add(5, 5);
  CHECK(ranges.size() == 32);
  for (char32_t c : {5, 10, 25, 40}) CHECK(ranges.Contains(c));
  for (char32_t c : {4, 6, 9, 41, 0x10FFFF}) CHECK_FALSE(ranges.Contains(c));
  ranges.Add(0, 100);
  CHECK(ranges.size() == 101);
}

TEST_CASE("the character before or at an offset is decoded whole", "[script-ranges]") {
  const std::string text = "aア漢\xF0\x9F\x98\x80z";
  CHECK(kgx::CharacterBefore(text, 1) == U'a');
  CHECK(kgx::CharacterBefore(text, 4) == U'ア');
  CHECK(kgx::CharacterBefore(text, 7) == U'漢');
  CHECK(kgx::CharacterBefore(text, 11) == U'\U0001F600');
  CHECK(kgx::CharacterAt(text, 4) == U'漢');
  CHECK_FALSE(kgx::CharacterBefore(text, 3));  // inside ア
  CHECK_FALSE(kgx::CharacterAt(std::string("\xE3\x82"), 0));
}

TEST_CASE("a text finder finds what std::string_view::find finds", "[discovery][gates]") {
  std::mt19937 random(5);
  const std::vector<std::string> texts = {"の", "の中の人", "社", "さん", "a", "at", " ", "（", "ア", "\xE3", "\xAE", "株式会社"};
  for (const std::string& text : texts) {
    const kgx::TextFinder finder(text);
    for (int i = 0; i < 3000; ++i) {
      const std::string line = GeneratedLine(random) + (i % 7 == 0 ? "\xE3\x81" : "");
      INFO("'" << text << "' in '" << line << "'");
      for (std::size_t from = 0; from <= line.size() + 1; from += 1 + from / 3) CHECK(finder.Find(line, from) == std::string_view(line).find(text, from));
    }
  }
}

TEST_CASE("each discovery gate alone never turns away a line its pattern matches", "[discovery][gates]") {
  std::mt19937 random(17);
  std::size_t turned_away = 0;
  for (const std::string& pattern : AllPatterns()) {
    const RE2 regex(pattern);
    REQUIRE(regex.ok());
    const auto neighbours = kgx::LiteralNeighbours::Derive(pattern);
    const auto context = kgx::LiteralContext::Derive(pattern);
    const auto start = Anchored(pattern) ? kgx::LineStartGate::Derive({pattern}) : kgx::LineStartGate();
    for (int i = 0; i < 4000; ++i) {
      const std::string line = GeneratedLine(random);
      const bool matches = RE2::PartialMatch(line, regex);
      INFO(pattern << " on '" << line << "'");
      if (!neighbours.MayMatch(line)) {
        ++turned_away;
        CHECK_FALSE(matches);
      }
      if (!context.MayMatch(line)) {
        ++turned_away;
        CHECK_FALSE(matches);
      }
      if (!start.MayMatch(line)) {
        ++turned_away;
        CHECK_FALSE(matches);
      }
    }
  }
  CHECK(turned_away > 10000);  // the test tests something
}

TEST_CASE("scripts beside a literal make a condition", "[discovery][gates]") {
  const auto katakana = kgx::LiteralNeighbours::Derive(R"((?P<name>\p{Katakana}[\p{Katakana}ー・]{2,})社)");
  REQUIRE(katakana.Constrains());
  CHECK_FALSE(katakana.MayMatch("会社の方針"));
  CHECK_FALSE(katakana.MayMatch("Intercom社"));
  CHECK(katakana.MayMatch("サンプルテック社"));
  CHECK(katakana.MayMatch("サンプルー社"));
  const auto han = kgx::LiteralContext::Derive(R"((?P<name>\p{Han}{1,4}[ 　]\p{Han}{1,3})\s*(?:さん|氏))");
  REQUIRE(han.Constrains());
  CHECK_FALSE(han.MayMatch("Jane Doe さん"));
  CHECK_FALSE(han.MayMatch("みなさん と 話した"));
  CHECK(han.MayMatch("山田 太郎さん"));
  const auto titled = kgx::LiteralContext::Derive(
      R"((?P<name>[A-Z][a-z]+)\s*(?:の中の人|の方|の人|の事例|の導入事例|さんの事例|での事例|のエンジニア|の社員))");
  REQUIRE(titled.Constrains());
  CHECK_FALSE(titled.MayMatch("営業の方"));
  CHECK_FALSE(titled.MayMatch("Netflixの話"));  // の, but none of the texts it begins
  CHECK(titled.MayMatch("Netflixの中の人"));
  CHECK(titled.MayMatch("Yelp での事例"));
}

TEST_CASE("discovery finds what plain RE2 finds on every line", "[discovery][gates]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::vector<kgx::RuleBlock> blocks = ShippedDiscoverBlocks();
  kgx::RuleBlock extra;
  extra.kind = "discover";
  extra.argument = "company";
  for (const std::string& pattern : ScriptPatterns()) extra.lines.push_back({pattern, {}});
  blocks.push_back(extra);
  const auto discovery = kgx::Discovery::Compile(blocks, diagnostics);
  REQUIRE(discovery);
  const PlainDiscovery plain(blocks);
  std::mt19937 random(23);
  std::size_t names = 0;
  // Headings too, with a speaker after a dash: the patterns anchored at a heading's mark run apart
  // from the prefilter, by their line start gate alone.
  const std::string headings[] = {"## ", "■ ", "### **", "- ", ""};
  const std::string speakers[] = {" — Tomasz Wierzbicki, Ridgeline Freight", " - 山田 太郎 (カモメ物流)", " — 佐藤さん (株式会社ツグミ)", ""};
  std::size_t heading_names = 0;
  for (int i = 0; i < 20000; ++i) {
    const bool heading = i % 4 == 1;
    const std::string raw = GeneratedLine(random);
    const std::string line = kgx::Normalize(heading ? headings[i % 5] + raw + speakers[i % 4 == 1 ? (i / 4) % 4 : 3] : raw).text;
    const std::vector<Found> fast = FastFind(*discovery, line);
    INFO("line: '" << line << "'");
    REQUIRE(fast == plain.Find(line));
    names += fast.size();
    if (heading) heading_names += fast.size();
  }
  CHECK(names > 1000);
  CHECK(heading_names > 500);
}

TEST_CASE("patterns anchored at a heading's marks, each its own, find what plain RE2 finds", "[discovery][gates]") {
  // Patterns whose line start gate turns away every common line start are asked by one gate made
  // of theirs together, and patterns anchored at the line's start are asked whether they match
  // before they are run for their groups: neither may lose a name. Each gated pattern has a mark
  // of its own, so a joint gate that forgot one of them loses that pattern's names.
  const char* rules =
      "[discover person]\n"
      "^\\s*#{1,3}\\s*(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\\s*$\n"
      "^\\s*■\\s*(?P<name>\\p{Han}{2,4})(?:さん|氏)\n"
      "^\\s*▶\\s*\\S.*?\\s+-\\s+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\\s*[(（][^()（）]+[)）]\\s*$\n"
      "[discover company]\n"
      "^\\s*(?:[-•・*]\\s*)?(?P<name>[A-Za-z]+)\\s*[:：]\n"
      "\\A(?P<name>\\p{Katakana}+)社\n";
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const std::vector<kgx::RuleBlock> blocks = kgx::ParseRuleText(rules, "test.rules", diagnostics);
  const auto discovery = kgx::Discovery::Compile(blocks, diagnostics);
  REQUIRE(discovery);
  const PlainDiscovery plain(blocks);
  const std::string starts[] = {"# ", "### ", "■ ", "▶ ", "- ", "・", "  ", "", "\t■", "漢", "サンプル社", "Acme: "};
  const std::string tails[] = {"Jane Doe", "山田さん", "話 - Jane Doe (Acme)", "x - Sam Lee（カモメ）", "Tom Ito  ", ": 作業", "佐藤氏"};
  std::mt19937 random(41);
  constexpr std::string_view kMarks[] = {"#", "■", "▶"};
  std::size_t by_mark[std::size(kMarks)] = {};  // names found on lines that start with each mark
  for (int i = 0; i < 20000; ++i) {
    std::string raw = starts[random() % std::size(starts)];
    if (random() % 3 == 0) raw += GeneratedLine(random);
    raw += tails[random() % std::size(tails)];
    const std::string line = kgx::Normalize(raw).text;
    const std::vector<Found> fast = FastFind(*discovery, line);
    INFO("line: '" << line << "'");
    REQUIRE(fast == plain.Find(line));
    const std::size_t mark = line.find_first_not_of(" \t");
    if (mark == std::string::npos || fast.empty()) continue;
    for (std::size_t k = 0; k < std::size(kMarks); ++k) by_mark[k] += line.compare(mark, kMarks[k].size(), kMarks[k]) == 0;
  }
  for (const std::size_t found : by_mark) CHECK(found > 200);
}
