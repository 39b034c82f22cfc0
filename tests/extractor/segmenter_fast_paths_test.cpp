// The segmenter's cheap paths decide as the slow ones did: a heading's length counted eight bytes
// at a time (Japanese, English, full-width), and blank lines, which are read for events only while
// an event pattern may still change the event.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"

namespace {

std::unique_ptr<kgx::Segmenter> Compile(const char* rules) {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  auto segmenter = kgx::Segmenter::Compile(kgx::ParseRuleText(rules, "test.rules", diagnostics), diagnostics);
  REQUIRE(segmenter);
  return segmenter;
}

kgx::Segmentation Run(const kgx::Segmenter& segmenter, const std::string& text) {
  const kgx::NormalizedText normalized = kgx::Normalize(text);
  return segmenter.Segment(kgx::SplitLines(normalized.text));
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Whether `heading` opens a section of its own between two prose lines.
bool Opens(const std::string& heading) {
  static const auto segmenter = Compile("[section bullet]\n^\\s*-\n");
  const std::string prose = Repeat("prose that is far too long for a heading ", 2);
  const auto s = Run(*segmenter, "intro\n" + heading + "\n" + prose + "\n");
  return s.sections.size() == 2;
}

}  // namespace

TEST_CASE("a heading has at most 40 code points, counted in any script", "[segmenter]") {
  for (const int n : {1, 7, 8, 9, 15, 16, 17, 39, 40}) {
    INFO(n);
    CHECK(Opens(Repeat("見", n)));             // three bytes each
    CHECK(Opens("A" + Repeat("b", n - 1)));     // one byte each
    CHECK(Opens(Repeat("Ａ", n)));             // full-width: one byte each once normalized
  }
  for (const int n : {41, 42, 47, 48, 49, 200}) {
    INFO(n);
    CHECK_FALSE(Opens(Repeat("見", n)));
    CHECK_FALSE(Opens("A" + Repeat("b", n - 1)));
    CHECK_FALSE(Opens(Repeat("Ａ", n)));
  }
  CHECK(Opens(Repeat("見", 20) + Repeat("b", 20)));  // mixed: 40
  CHECK_FALSE(Opens(Repeat("b", 21) + Repeat("見", 20)));
}

TEST_CASE("blank lines are read for events while an event pattern may still change it", "[segmenter]") {
  // The first pattern never matches; the second matches only a line of blanks, so the blank line
  // must still be read: the fast path (skipping blank lines) defers to the general one here.
  const auto blanks = Compile("[event]\nnever-matches-[0-9]{9} => never\n^[ \\t]+$ => blank line\n");
  CHECK(Run(*blanks, "title\n   \nprose\n").event == "blank line");
  CHECK(Run(*blanks, "title\nprose\n").event.empty());
  // Once the first pattern has matched, later blank lines change nothing.
  const auto first = Compile("[event]\n(?i)re:invent (?P<year>20[0-9]{2}) => re:Invent $year\n^[ \\t]+$ => blank line\n");
  CHECK(Run(*first, "re:Invent 2016 の話\n   \n\nDAT303 - 全角 ＤＡＴ\n").event == "re:Invent 2016");
  CHECK(Run(*first, "  \nre:Invent 2017\n").event == "re:Invent 2017");
}

TEST_CASE("a header the line set names but whose code is no session code: later patterns are tried", "[segmenter]") {
  // The set answers with the first pattern that matches; when [section not_code] turns its code
  // away, the result must be the one of trying every pattern in order (here: the second one).
  const auto both = Compile("[section talk]\n^(?P<code>[A-Z]{2,5}-?[0-9]{2,4}) - (?P<title>.+)$\n"
                            "^(?P<title>.+) - (?P<code>[A-Z]{3}[0-9]{3})$\n[section not_code]\n(?:SHA|RFC|ISO)-?[0-9]+\n");
  const auto second = Compile("[section talk]\n^(?P<title>.+) - (?P<code>[A-Z]{3}[0-9]{3})$\n"
                              "[section not_code]\n(?:SHA|RFC|ISO)-?[0-9]+\n");
  const auto outline = [](const kgx::Segmenter& segmenter, const std::string& text) {
    const kgx::NormalizedText normalized = kgx::Normalize(text);
    std::string out;
    for (const auto& s : segmenter.Segment(kgx::SplitLines(normalized.text)).sections) {
      out += std::to_string(static_cast<int>(s.kind)) + "|" + normalized.text.substr(s.code_begin, s.code_end - s.code_begin) +
             "|" + normalized.text.substr(s.title_begin, s.title_end - s.title_begin) + "\n";
    }
    return out;
  };
  int compared = 0;
  for (const char* code : {"SHA-256", "SHA256", "RFC-9110", "ISO8601", "ＳＨＡ－２５６"}) {
    for (const char* title : {"ハッシュの話", "Hashing at scale", "監視 と Observability"}) {
      for (const char* last : {"DAT303", "CON401", "dat303"}) {
        const std::string text = std::string("notes\n") + code + " - " + title + " - " + last + "\n- x\n";
        INFO(text);
        CHECK(outline(*both, text) == outline(*second, text));
        ++compared;
      }
    }
  }
  CHECK(compared == 45);
  // a code that is a session code keeps the first pattern
  CHECK(outline(*both, "notes\nAWS-401 - Title - DAT303\n").find("AWS-401|Title - DAT303") != std::string::npos);
}
