// Marker contexts: what a relation pattern needs beside its markers, read from the pattern as
// written, and the check of a marked line against them. A context must never turn away a line
// the pattern matches; what the reader does not understand gives no context.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include "extractor/marker_context.h"

using kgx::EntityType;
using kgx::MarkerContext;
using kgx::MarkerSpan;
using kgx::ContextsOf;
using kgx::SideContext;
using Strings = std::vector<std::string>;

namespace {

// A marked line written with "<t>" for a technology marker, "<c>" for a company's, and so on
// ('a' aws_service, 'c' company, 'p' person, 't' technology); the markers are the real ones.
struct MarkedText {
  std::string text;
  std::vector<MarkerSpan> markers;
};

MarkedText Marked(std::string_view written) {
  MarkedText marked;
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (written[i] == '<' && i + 2 < written.size() && written[i + 2] == '>') {
      const char letter = written[i + 1];
      const EntityType type = letter == 'a'   ? EntityType::kAwsService
                              : letter == 'c' ? EntityType::kCompany
                              : letter == 'p' ? EntityType::kPerson
                                              : EntityType::kTechnology;
      const std::size_t begin = marked.text.size();
      marked.text += "\xEE\x80\x80";
      marked.text += letter;
      marked.text += std::to_string(marked.markers.size());
      marked.text += "\xEE\x80\x81";
      marked.markers.push_back({begin, marked.text.size(), type});
      i += 2;
      continue;
    }
    marked.text += written[i];
  }
  return marked;
}

// The pattern as RelationRules compiles it: each placeholder becomes the regex of a marker of its
// types, {objects:…} a list of them.
std::string Compiled(std::string_view pattern) {
  std::string out;
  std::size_t copied = 0;
  for (const kgx::Placeholder& p : kgx::FindPlaceholders(pattern)) {
    out.append(pattern.substr(copied, p.begin - copied));
    std::string letters;
    for (const auto& [type, letter] : {std::pair{EntityType::kAwsService, 'a'}, std::pair{EntityType::kCompany, 'c'},
                                       std::pair{EntityType::kPerson, 'p'}, std::pair{EntityType::kTechnology, 't'}}) {
      if (p.types & kgx::TypeBit(type)) letters += letter;
    }
    const std::string marker = "\\x{E000}[" + letters + "][0-9]+\\x{E001}";
    out += p.role == kgx::Placeholder::Role::kObjects ? "(?:" + marker + "(?:\\s*(?:,|と|や)\\s*" + marker + ")*)"
                                                      : "(?:" + marker + ")";
    copied = p.end;
  }
  out.append(pattern.substr(copied));
  return out;
}

bool Fits(const std::vector<MarkerContext>& contexts, const MarkedText& line) {
  for (const MarkerContext& context : contexts) {
    if (!kgx::SomeMarkerFits(context, line.text, line.markers)) return false;
  }
  return true;
}

// Checks that the contexts of `pattern` never turn away a line it matches (the comparative test
// of STYLE.md: the fast gate against RE2 itself), and returns whether they let `written` through.
bool LetThrough(std::string_view pattern, std::string_view written) {
  const MarkedText line = Marked(written);
  const RE2 regex(Compiled(pattern));
  REQUIRE(regex.ok());
  const bool fits = Fits(ContextsOf(pattern), line);
  if (RE2::PartialMatch(line.text, regex)) CHECK(fits);
  return fits;
}

Strings Literals(const SideContext& side) { return side.literals; }

}  // namespace

TEST_CASE("a particle beside a placeholder is what the marker needs on that side", "[relations][context]") {
  const std::vector<MarkerContext> contexts = ContextsOf(R"(を\s*{object:aws_service|technology}\s*に\s*(?:[、,。]|$|変更))");
  REQUIRE(contexts.size() == 1);
  CHECK(contexts[0].types == (kgx::TypeBit(EntityType::kAwsService) | kgx::TypeBit(EntityType::kTechnology)));
  CHECK(Literals(contexts[0].before) == Strings{"を"});
  CHECK(Literals(contexts[0].after) == Strings{"に"});
  CHECK(LetThrough(R"(を\s*{object:technology}\s*に\s*(?:[、,。]|$|変更))", "スピンロックを <t> に、"));
  CHECK_FALSE(LetThrough(R"(を\s*{object:technology}\s*に\s*(?:[、,。]|$|変更))", "<t>を使ってDBに変更"));
  CHECK_FALSE(LetThrough(R"(を\s*{object:technology}\s*に\s*(?:[、,。]|$|変更))", "スピンロックを <c> に、"));
}

TEST_CASE("optional literals and groups of literals widen the context", "[relations][context]") {
  const std::vector<MarkerContext> contexts = ContextsOf(R"({object:company}\s*社?\s*(?:の中の人|の方|の人))");
  REQUIRE(contexts.size() == 1);
  CHECK(Literals(contexts[0].after) == Strings{"社", "の中の人", "の方", "の人"});
  CHECK_FALSE(contexts[0].before.known);
  CHECK(LetThrough(R"({object:company}\s*社?\s*(?:の中の人|の方|の人))", "<c>社の方"));
  CHECK(LetThrough(R"({object:company}\s*社?\s*(?:の中の人|の方|の人))", "<c> の中の人"));
  CHECK_FALSE(LetThrough(R"({object:company}\s*社?\s*(?:の中の人|の方|の人))", "<c>が話す"));
  // "[^…]{2,}(?:は|には)\s*(?:全部|主に)?\s*{object:…}": what stands before is は, には, 全部 or 主に.
  const std::vector<MarkerContext> before = ContextsOf(R"([^\s、。]{2,}(?:は|には)\s*(?:全部|主に)?\s*{object:technology}\s*(?:[、,。]|$))");
  REQUIRE(before.size() == 1);
  CHECK(Literals(before[0].before) == Strings{"全部", "主に", "は", "には"});
  CHECK(Literals(before[0].after) == Strings{"、", ",", "。"});
  CHECK(before[0].after.edge);  // $: the end of the line will do
  CHECK(LetThrough(R"([^\s、。]{2,}(?:は|には)\s*(?:全部|主に)?\s*{object:technology}\s*(?:[、,。]|$))", "ワークフローは主に <t>"));
}

TEST_CASE("a list placeholder needs the context before its first marker and after its last", "[relations][context]") {
  const std::string pattern = R"({subject:company}\s*社?\s*(?:における|での)\s*{objects:aws_service|technology}\s*の)";
  CHECK(LetThrough(pattern, "(CMP305) <c>における <a> と <a> の使い分け"));
  CHECK(LetThrough(pattern, "<c>での<t>の話"));
  CHECK_FALSE(LetThrough(pattern, "<c>における <a> と <a> を使い分け"));
}

TEST_CASE("English words beside a placeholder are contexts, in any case inside (?i:…)", "[relations][context]") {
  CHECK(LetThrough(R"({object:aws_service}\s+is\s+used)", "<a> is used by us"));
  CHECK_FALSE(LetThrough(R"({object:aws_service}\s+is\s+used)", "<a> was used by us"));
  CHECK_FALSE(LetThrough(R"({object:aws_service}\s+is\s+used)", "<a> IS used by us"));
  const std::string running = R"((?i:\b(?:running|on))\s+{objects:aws_service|technology})";
  const std::vector<MarkerContext> contexts = ContextsOf(running);
  REQUIRE(contexts.size() == 1);
  CHECK(contexts[0].before.folded == Strings{"running", "on"});
  CHECK(LetThrough(running, "RUNNING <t> and <a>"));
  CHECK(LetThrough(running, "Kafka On <t>"));
  CHECK_FALSE(LetThrough(running, "Kafka in <t>"));
  // RE2 folds ſ (U+017F) to s and the Kelvin sign to k: a line holding one is let through.
  CHECK(LetThrough(R"((?i:uses)\s+{object:technology})", "u\xC5\xBF" "es <t>"));
  // Letters outside ASCII inside (?i:…) give no context.
  CHECK(ContextsOf(R"((?i:é)\s*{object:technology})").empty());
}

TEST_CASE("groups are read through, down to the literals each alternative starts with", "[relations][context]") {
  // "(?:[(（][^()（）]{1,30}[)）])?\s*上": a parenthesis or 上 stands after the marker.
  const std::string pattern = R"({object:technology}\s*(?:[(（][^()（）]{1,30}[)）])?\s*上(?:で|に))";
  const std::vector<MarkerContext> contexts = ContextsOf(pattern);
  REQUIRE(contexts.size() == 1);
  CHECK(Literals(contexts[0].after) == Strings{"(", "（", "上"});
  CHECK(LetThrough(pattern, "<t> (EC2) 上で"));
  CHECK(LetThrough(pattern, "<t>上に"));
  CHECK_FALSE(LetThrough(pattern, "<t>の上で"));
  // An alternative that may be empty lets what follows the group stand there too.
  const std::vector<MarkerContext> open = ContextsOf(R"({object:company}(?:社|)\s*の方)");
  REQUIRE(open.size() == 1);
  CHECK(Literals(open[0].after) == Strings{"社", "の方"});
  // A marker inside a group may stand there: another marker's first character is the context.
  const std::string optional_marker = R"({object:technology}(?:\s+{technology})?\s*に)";
  const std::vector<MarkerContext> marker_after = ContextsOf(optional_marker);
  REQUIRE(marker_after.size() == 1);
  CHECK(Literals(marker_after[0].after) == Strings{"\xEE\x80\x80", "に"});
  CHECK(LetThrough(optional_marker, "<t> <t>に"));
  CHECK(LetThrough(optional_marker, "<t>に"));
  CHECK_FALSE(LetThrough(optional_marker, "<t>を<t>で"));
  // "(?:^|[-:)]\s*)": the line's start or one of the characters.
  const std::vector<MarkerContext> start = ContextsOf(R"((?:^|[-:)]\s*){object:company}\s*:)");
  REQUIRE(start.size() == 1);
  CHECK(start[0].before.edge);
  CHECK(Literals(start[0].before) == Strings{"-", ":", ")"});
  CHECK(LetThrough(R"((?:^|[-:)]\s*){object:company}\s*:)", "  <c>: title"));
  CHECK_FALSE(LetThrough(R"((?:^|[-:)]\s*){object:company}\s*:)", "by <c>: title"));
}

TEST_CASE("patterns the reader does not understand get no context", "[relations][context]") {
  CHECK(ContextsOf(R"({object:company}\s*:|{object:person}\s*の方)").empty());  // a top-level |
  CHECK(ContextsOf(R"((?i){object:company}\s+uses)").empty());                  // a flag for the rest
  CHECK(ContextsOf(R"({object:company}\s*\p{Han}+)").empty());
  CHECK(ContextsOf(R"({object:company}.*の方)").empty());
  CHECK(ContextsOf(R"({object:company}(?:の|が)?)").empty());  // the pattern may end after the marker
  CHECK(ContextsOf(R"({object:company}?\s*の方)").empty());    // the placeholder may be skipped
  CHECK(LetThrough(R"({object:company}(?:の|が)?)", "<c>"));
}

TEST_CASE("placeholders inside groups read once per match get contexts too", "[relations][context]") {
  // "(?P<objects>…)" is passed once: its first marker has the bullet before it and a separator after.
  const std::string list = R"(^[\s\-*+•]*(?P<objects>{aws_service|technology}(?:\s*(?:,|と|\band\b)\s*{aws_service|technology})+)\s*[.。]?\s*$)";
  const std::vector<MarkerContext> contexts = ContextsOf(list);
  REQUIRE(contexts.size() == 1);
  CHECK(contexts[0].before.edge);
  CHECK(Literals(contexts[0].before) == Strings{"-", "*", "+", "•"});
  CHECK(Literals(contexts[0].after) == Strings{",", "と", "and"});
  CHECK(LetThrough(list, "- <t>, <a> と <t>"));
  CHECK(LetThrough(list, "\t<a> and <t>."));
  CHECK_FALSE(LetThrough(list, "使うのは <t>, <a>"));
  CHECK_FALSE(LetThrough(list, "- <t> を <a> に"));
  // The '|' of a placeholder's types inside a group separates no alternatives, and a group
  // holding one does not hide the placeholders after it.
  const std::string grouped = R"((?:{aws_service|technology}\s*を|より)\s*{object:company}\s*の)";
  const std::vector<MarkerContext> after_group = ContextsOf(grouped);
  REQUIRE(after_group.size() == 1);  // the first placeholder is one of two alternatives: none
  CHECK(Literals(after_group[0].before) == Strings{"を", "より"});
  CHECK(Literals(after_group[0].after) == Strings{"の"});
  CHECK(LetThrough(grouped, "<t>を <c>の"));
  CHECK_FALSE(LetThrough(grouped, "<t>で <c>の"));
}

TEST_CASE("a short class of ASCII characters beside a placeholder lists its members", "[relations][context]") {
  const std::string digits = R"({object:technology}\s*(?:[0-9][0-9.]*)?\s*(?:[、。]|が中心))";
  const std::vector<MarkerContext> contexts = ContextsOf(digits);
  REQUIRE(contexts.size() == 1);
  CHECK(Literals(contexts[0].after) == Strings{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "、", "。", "が中心"});
  CHECK(LetThrough(digits, "基盤は <t> 3.0、"));
  CHECK(LetThrough(digits, "基盤は <t>が中心"));
  CHECK_FALSE(LetThrough(digits, "基盤は <t> を使う"));
  CHECK(LetThrough(R"(\d+\s*台の\s*{object:technology})", "3台の <t>"));
  // \w has too many members to list: no context there.
  CHECK(ContextsOf(R"({object:technology}\s*\w)").empty());
}

TEST_CASE("what stands beyond a particle is looked past to", "[relations][context]") {
  // "{object}\s*(?:に|には)\s*[0-9]": a digit after に or には, not only the particle.
  const std::string pattern = R"({object:technology}\s*(?:に|には)\s*[0-9])";
  const std::vector<MarkerContext> contexts = ContextsOf(pattern);
  REQUIRE(contexts.size() == 1);
  CHECK(Literals(contexts[0].after) == Strings{"に", "には"});
  REQUIRE(contexts[0].after.beyond);
  CHECK(contexts[0].after.beyond->literals.size() == 10);
  CHECK(LetThrough(pattern, "<t> には 3 台"));
  CHECK(LetThrough(pattern, "<t>に5台"));
  CHECK_FALSE(LetThrough(pattern, "<t>には台が 3"));
  CHECK_FALSE(LetThrough(pattern, "<t>に関して 3"));
  // Before a marker too, and through more than one step: "(?:約|over) [0-9] で {object}".
  const std::string before = R"((?:約|over)\s*[0-9]\s*で\s*{object:company})";
  CHECK(LetThrough(before, "約 3 で <c>"));
  CHECK_FALSE(LetThrough(before, "約 x で <c>"));
  CHECK_FALSE(LetThrough(before, "3 で <c>"));
  // An element that may match only whitespace is not looked past (the walk goes on there).
  const std::string spaced = R"({object:technology}[ x]y)";
  CHECK(LetThrough(spaced, "<t> y"));
  CHECK(LetThrough(spaced, "<t>xy"));
  CHECK_FALSE(LetThrough(spaced, "<t>zy"));
}

namespace {

// The lead context of `pattern` (ReadElements must read it).
std::optional<MarkerContext> LeadOf(std::string_view pattern) {
  const auto elements = kgx::ReadElements(pattern);
  REQUIRE(elements);
  return kgx::LeadContextOf(*elements);
}

// Checks that the lead context of `pattern` never turns away a marker that a match anchored at it
// begins with (RE2 itself decides), and returns whether the marker `k` of `written` fits it.
bool LeadFits(std::string_view pattern, std::string_view written, std::size_t k) {
  const MarkedText line = Marked(written);
  const RE2 regex(Compiled(pattern));
  REQUIRE(regex.ok());
  const std::optional<MarkerContext> lead = LeadOf(pattern);
  REQUIRE(lead);
  for (const MarkerSpan& marker : line.markers) {
    if (regex.Match(line.text, marker.begin, line.text.size(), RE2::ANCHOR_START, nullptr, 0)) CHECK(kgx::MarkerFits(*lead, line.text, marker));
  }
  REQUIRE(k < line.markers.size());
  return kgx::MarkerFits(*lead, line.text, line.markers[k]);
}

}  // namespace

TEST_CASE("the marker a match begins with needs what follows its placeholder", "[relations][context]") {
  const std::string pattern = R"({subject:company}\s*が\s*{object:aws_service|technology}\s*(?:から|より)\s*{technology}\s*(?:に|へ)\s*移行)";
  const std::optional<MarkerContext> lead = LeadOf(pattern);
  REQUIRE(lead);
  CHECK(lead->types == kgx::TypeBit(EntityType::kCompany));
  CHECK_FALSE(lead->before.known);  // nothing is known before a match
  CHECK(Literals(lead->after) == Strings{"が"});
  CHECK(LeadFits(pattern, "<c> が <t> から <t> に移行", 0));
  CHECK_FALSE(LeadFits(pattern, "<c>は <c> が <t> から <t> に移行", 0));  // the first company has は after it
  CHECK(LeadFits(pattern, "<c>は <c> が <t> から <t> に移行", 1));
  CHECK_FALSE(LeadFits(pattern, "<t> が <t> から <t> に移行", 0));  // not a company
  // English: a word after the first marker.
  const std::string english = R"({subject:company}\s+(?:migrated|moved)\s+from\s+{object:technology})";
  CHECK(LeadFits(english, "<c> migrated from <t> to <t>", 0));
  CHECK_FALSE(LeadFits(english, "<c> uses <t>; <c> moved from <t>", 0));
  CHECK(LeadFits(english, "<c> uses <t>; <c> moved from <t>", 2));
}

TEST_CASE("a pattern that does not begin with one marker and a known side after it has no lead context", "[relations][context]") {
  CHECK_FALSE(LeadOf(R"(を\s*{object:technology}\s*に)"));                   // a literal first
  CHECK_FALSE(LeadOf(R"({subject:company}?\s*が\s*{object:technology})"));   // the marker may be skipped
  CHECK_FALSE(LeadOf(R"({objects:technology}\s*を使う)"));                   // a list: its after side is its last marker's
  CHECK_FALSE(LeadOf(R"({subject:company}(?i:\s*uses)\s*{object:technology})"));  // folded literals
  CHECK_FALSE(LeadOf(R"({object:technology}[^。]*)"));                       // anything may follow
  // A group read once per match is looked into.
  const std::optional<MarkerContext> grouped = LeadOf(R"((?:{subject:company})\s*で\s*{object:technology})");
  REQUIRE(grouped);
  CHECK(Literals(grouped->after) == Strings{"で"});
}
