// The segmenter's cheap paths decide as the slow ones did: a heading's length counted eight bytes
// at a time (Japanese, English, full-width), and blank lines, which are read for events only while
// an event pattern may still change the event.
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"
#include "extractor/setext_headings.h"

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

TEST_CASE("a line asked twice (lookahead, speaker search) is read as when asked once", "[segmenter]") {
  // A line's header hits are asked from the speaker search of a heading above and on its own turn
  // (the segmenter keeps the first answer), its heading candidacy from the lookahead of a heading
  // above and on its own turn: these outlines hold the answers to the line's own.
  const auto segmenter = Compile(
      "[section talk]\n^(?P<code>[A-Z]{3}[0-9]{3}) - (?P<title>.+)$\n"
      "[section bullet]\n^\\s*-\n"
      "[section speaker]\n^(?:登壇者|Speaker)\\s*[:：]\n"
      "[section not_heading]\n[。.]\\s*$\n^(?:登壇者|Speaker)\\s*[:：]\n");
  const auto outline = [&](const std::string& text) {
    const kgx::NormalizedText normalized = kgx::Normalize(text);
    std::string out;
    for (const auto& s : segmenter->Segment(kgx::SplitLines(normalized.text)).sections) {
      out += std::string(kgx::SectionKindName(s.kind)) + "|" +
             normalized.text.substr(s.title_begin, s.title_end - s.title_begin) + "\n";
    }
    return out;
  };
  const std::string prose = "本文は長い文章で、見出しではありません。そういうものです。\n";
  const std::string english = "This is prose that goes on and on for a while.\n";
  // A heading over a heading candidate: the lookahead asked the second, which on its own turn
  // opens a section over prose, and not over a bullet.
  CHECK(outline("DAT101 - 入門\n- x\n監視の話\nGrafana の話\n" + prose) == "talk|入門\nother|Grafana の話\n");
  CHECK(outline("DAT101 - Intro\n- x\nMonitoring\nGrafana dashboards\n" + english) == "talk|Intro\nother|Grafana dashboards\n");
  CHECK(outline("DAT101 - 入門\n- x\n監視の話\nGrafana の話\n- y\n") == "talk|入門\n");
  // A heading whose speaker search passes a talk header too long to be a heading: the search
  // stops there (the heading is no talk), and the header still opens its talk on its own turn.
  const std::string long_ja = "DAT320 - データベースを千台運用して学んだことと、これからの運用の話をまとめて紹介します";
  const std::string long_en = "DAT320 - Databases at scale: what we learned from running a thousand clusters";
  CHECK(outline("メモ\n- x\n" + long_ja + "\n登壇者: 木村\n") == "other|メモ\ntalk|" + long_ja.substr(9) + "\n");
  CHECK(outline("Notes\n- x\n" + long_en + "\nSpeaker: Ana\n") == "other|Notes\ntalk|" + long_en.substr(9) + "\n");
  CHECK(outline("Notes\n- x\nSpeaker: Ana\n" + long_en + "\n") == "talk|Notes\ntalk|" + long_en.substr(9) + "\n");
}

TEST_CASE("an underline is a row of one adornment character, told by a bit test as by a search", "[segmenter][setext]") {
  // Every byte as an underline's character, under a Japanese and an English title: a title only
  // over the characters the adornment list names (the plain search of that list).
  constexpr std::string_view kAdornments = "=-~^*+#`\"':.";
  int titles = 0;
  for (int b = 1; b < 256; ++b) {
    const char c = static_cast<char>(b);
    for (const char* title : {"監視の話", "Monitoring"}) {
      const std::vector<kgx::LineView> lines = {{1, 0, 0, title}, {2, 0, 0, std::string_view()}};
      const std::string row(3, c);
      std::vector<kgx::LineView> with_row = lines;
      with_row[1].text = row;
      const kgx::SetextHeadings found = kgx::FindSetextHeadings(with_row, [](std::size_t, char) { return true; });
      INFO(b);
      const bool plain = kAdornments.find(c) != std::string_view::npos;
      CHECK((found.level[0] > 0) == plain);
      CHECK(found.adornment[1] == plain);
      titles += found.level[0] > 0;
    }
  }
  CHECK(titles == 2 * static_cast<int>(kAdornments.size()));
}

TEST_CASE("a line without the characters every not_talk pattern needs is no ticket, as the patterns say", "[segmenter]") {
  // [section not_talk] is asked only of lines holding a '-' (each pattern below needs one): the
  // answer must be the patterns' own on lines with and without it, in English and Japanese.
  const char* not_talk = "^\\s*(?:#{1,6}\\s*)?[A-Z][A-Z0-9]{1,9}-[0-9]{1,5}\\s+[^。]*?(?:修正|対応|(?i:fix|bump))\n"
                         "^\\s*(?i:jira)-[0-9]{1,6}\\b\n";
  const auto segmenter = Compile((std::string("[section talk]\n^(?:#{1,6}\\s*)?(?P<code>[A-Za-z]{2,5}[-‐]?[0-9]{2,4})\\s+(?P<title>.+)$\n"
                                              "[section not_talk]\n") + not_talk).c_str());
  const RE2 tickets(std::string("(?:^\\s*(?:#{1,6}\\s*)?[A-Z][A-Z0-9]{1,9}-[0-9]{1,5}\\s+[^。]*?(?:修正|対応|(?i:fix|bump)))|"
                                "(?:^\\s*(?i:jira)-[0-9]{1,6}\\b)"));
  REQUIRE(tickets.ok());
  int talks = 0, tickets_seen = 0;
  for (const char* code : {"OPS-123", "OPS123", "JIRA-77", "jira77", "DAT303", "## ENG-12", "ＯＰＳ－１２３"}) {
    for (const char* title : {"ログイン不具合の修正", "Fix flaky tests", "Bump deps", "監視の話", "Deep Dive on Aurora"}) {
      const std::string line = kgx::Normalize(std::string(code) + " " + title).text;
      const auto s = Run(*segmenter, "notes\n" + line + "\n- x\n");
      const bool talk = s.sections.size() == 2 && s.sections[1].kind == kgx::SectionKind::kTalk;
      const bool ticket = RE2::PartialMatch(line, tickets);
      INFO(line);
      CHECK(talk == !ticket);
      talks += talk;
      tickets_seen += ticket;
    }
  }
  CHECK(talks > 0);
  CHECK(tickets_seen > 0);  // both answers are met
}

TEST_CASE("not_heading patterns anchored at the start and the others each turn a heading away", "[segmenter]") {
  // They run as two alternations (those anchored at the line's start, and the rest): a line either
  // names is no heading, one neither names is, in English and Japanese.
  const auto segmenter = Compile("[section bullet]\n^\\s*-\n[section not_heading]\n^\\s*(?:日時|Date)\\s*[:：]\n"
                                 "(?:です|ます)\\s*$\n^\\s*#[^\\s#]+\\s*$\n\\|\n");
  const auto opens = [&](const std::string& heading) {
    const std::string prose = Repeat("prose that is far too long for a heading ", 2);
    return Run(*segmenter, "intro\n" + heading + "\n" + prose + "\n").sections.size() == 2;
  };
  CHECK_FALSE(opens("日時: 3月10日"));     // anchored at the start
  CHECK_FALSE(opens("Date: March 10"));
  CHECK_FALSE(opens("#tag"));              // anchored at both ends
  CHECK_FALSE(opens("これは見出しです"));  // anchored at the end
  CHECK_FALSE(opens("A | B"));             // anywhere
  CHECK(opens("監視の話"));                // neither
  CHECK(opens("Deep Dive on Aurora"));
  CHECK(opens("Dates and times"));         // not the field
}

TEST_CASE("a not_heading pattern is checked once, at its line, whichever run it joins", "[segmenter]") {
  // Each line is compiled on its own before it joins its run: one report per bad line, none for good ones.
  const auto diagnose = [](const char* rules) {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    const auto segmenter = kgx::Segmenter::Compile(kgx::ParseRuleText(rules, "test.rules", diagnostics), diagnostics);
    return std::make_pair(segmenter != nullptr, diagnostics);
  };
  const auto [bad_ok, bad] = diagnose("[section not_heading]\n^\\s*日時\\s*[:：]\n(?:です|ます\n");
  CHECK_FALSE(bad_ok);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].message.find("bad pattern") != std::string::npos);
  CHECK(bad[0].where.line == 3);
  const auto [empty_ok, empty] = diagnose("[section not_heading]\n^\\s*\n(?i)\\bdate:\n");
  CHECK_FALSE(empty_ok);
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].message.find("matches the empty string") != std::string::npos);
  const auto [good_ok, good] = diagnose("[section not_heading]\n^\\s*(?:日時|Date)\\s*[:：]\n(?:です|ます)\\s*$\n");
  CHECK(good_ok);
  CHECK(good.empty());
}

TEST_CASE("an event pattern is run only on a line holding the literals it needs, and finds what it found", "[segmenter]") {
  // Lines with a year's digits but none of the words (dates, times) are turned away by the literal
  // prefilter; a line with the words still finds its event, in rule order, in any case or width.
  const auto segmenter = Compile("[event]\n(?i)re\\s*:\\s*invent\\s*(?P<year>20[0-9]{2}) => AWS re:Invent $year\n"
                                 "(?i)jaws\\s*-?\\s*days\\s*(?P<year>20[0-9]{2}) => JAWS DAYS $year\n"
                                 "(?P<name>[A-Za-z][A-Za-z0-9.+-]*\\s*勉強会)\\s*#(?P<num>[0-9]{1,4}) => $name #$num\n");
  const auto event = [&](const std::string& text) { return Run(*segmenter, text).event; };
  CHECK(event("日時: 2026-03-10 10:30\n会場: 20F ホール\nメモ 2025/12/01\n").empty());
  CHECK(event("日時: 2026-03-10\nJAWS DAYS 2026 に参加\nre:Invent 2025 の復習\n") == "AWS re:Invent 2025");
  CHECK(event("notes 2024\njaws-days 2024 recap\n") == "JAWS DAYS 2024");
  CHECK(event("2026/03/10\nKotlin勉強会 #12 に参加\n") == "Kotlin勉強会 #12");
  CHECK(event("ＲＥ：ＩＮＶＥＮＴ ２０２３ まとめ\n") == "AWS re:Invent 2023");
  CHECK(event("re: 2024 invent\n").empty());  // the words, but not in the pattern's order
}
