// The quantity parser's shortcuts against their plain forms, over generated Japanese and English
// lines with numbers, units, dates, versions, full-width digits and kanji numerals: the veto
// (QuantityVeto::Find: a prefilter, then the few patterns that can match merged, or the
// alternation with its groups read apart) against the alternation's groups read the plain way
// (tests/extractor/quantity_veto_reference.h), the in-line UTF-8 decoding
// against DecodeUtf8, and the 16-byte start scan against the walk character by character.
#include <catch2/catch.hpp>

#include <charconv>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_number.h"
#include "extractor/quantity_rules.h"
#include "extractor/quantity_text.h"
#include "extractor/quantity_veto.h"
#include "extractor/rule_file.h"
#include "extractor/text_util.h"
#include "tests/extractor/quantity_lexicon_reference.h"
#include "tests/extractor/quantity_veto_reference.h"

namespace kgx {
namespace {

struct Compiled {
  QuantityLexicon lexicon;
  std::unique_ptr<QuantityVeto> veto;
  std::unique_ptr<PlainVeto> plain;  // the same patterns searched the plain way
};

Compiled CompileBlocks(const std::vector<RuleBlock>& blocks) {
  Compiled out;
  std::vector<VetoPattern> vetoes;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(CompileQuantityRules(blocks, out.lexicon, vetoes, diagnostics));
  out.veto = QuantityVeto::Compile(vetoes, diagnostics);
  REQUIRE(out.veto != nullptr);
  out.plain = std::make_unique<PlainVeto>(vetoes);
  return out;
}

const Compiled& Shipped() {
  static const Compiled compiled = [] {
    std::vector<RuleDiagnostic> diagnostics;
    return CompileBlocks(LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics));
  }();
  return compiled;
}

// Pieces of technical notes: numbers in every notation the parser reads, units, dates, clock
// times, versions, ordinals, vague amounts, event names, prose in both languages, broken UTF-8.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "1", "42", "2017", "2019", "1990", "11", "29", "3.8", "0.5", "1,000", "24", "7", "365", "60", "90",
      "三", "千", "億", "万", "十", "十分", "二〇一六", "数百", "何千", "半分", "半年", "〇",
      "２０１９", "５ＧＢ", "ＡＷＳ", "GB", "MB", "ms", "s", "h", "m", "min", "sec", "x", "xx", "%", "$", "US$", "¥",
      "年", "月", "日", "時間", "分", "秒", "年代", "目", "回", "番台", "系", "互換", "割", "件", "台", "の", "は",
      "あたり", "に", "から", "まで", "以上", "約", "最大", "うち", "その", "第", "バージョン", "間",
      "/", "-", ".", ":", "(", ")", "~", "+", "→", " ", " ", "\t", "、", "。", "Q", "v", "ver ", "Version ",
      "re:Invent ", "Summit ", "Tokyo ", "KubeCon ", "Python ", "Kernel ", "iPhone ", "TPC-C ", "Part ", "No.",
      "Day ", "in half an hour", "N+1", "per", " per second", "requests", "replicas", "Amazon ", "Aurora",
      "サーバー", "レプリカ", "クエリ", "上限", "ひとつ", "ほか", "é", "—", "🙂", "K", "\xE2\x84\xAA", "\xC5\xBF", "\x80",
      "\xE3\x81", "\xE4", "\xED\xA0\x80", "\xF0\x9F", "\xC0\xAF"};
  return pieces;
}

std::string GeneratedLine(std::mt19937& random, std::size_t max_pieces) {
  std::uniform_int_distribution<std::size_t> pick(0, Pieces().size() - 1), length(0, max_pieces);
  std::string line;
  for (std::size_t i = length(random); i > 0; --i) line += Pieces()[pick(random)];
  return line;
}

std::vector<std::pair<std::size_t, std::size_t>> Pairs(const std::vector<QuantityVeto::Span>& spans) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const QuantityVeto::Span& span : spans) out.emplace_back(span.begin, span.end);
  return out;
}

}  // namespace

TEST_CASE("the veto finds the spans that the groups of its whole alternation give", "[quantity]") {
  const QuantityVeto& veto = *Shipped().veto;
  const PlainVeto& plain_veto = *Shipped().plain;
  std::mt19937 random(20261127);
  int with_spans = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string raw = GeneratedLine(random, 16);
    for (const std::string& line : {raw, Normalize(raw).text}) {
      INFO("line: " << line);
      const auto plain = Pairs(plain_veto.Find(line));
      REQUIRE(Pairs(veto.Find(line)) == plain);
      with_spans += plain.empty() ? 0 : 1;
    }
  }
  CHECK(with_spans > 5000);  // the lines hold vetoed spans often enough to test the group reading
}

TEST_CASE("the veto keeps the first group and the order of the patterns", "[quantity]") {
  const QuantityVeto& veto = *Shipped().veto;
  const PlainVeto& plain_veto = *Shipped().plain;
  for (const std::string line :
       {"re:Invent 2019 セッション", "2004年に", "10年間", "1日 数百回", "三十分と十分", "Python 3.8 と 2017/11/29",
        "AWS Summit Tokyo 2019 2日目", "4:30 と v1.9 と 1.2.3", "in half an hour", "2015のスライド", "24時間365日 24/7"}) {
    INFO("line: " << line);
    CHECK(Pairs(veto.Find(line)) == Pairs(plain_veto.Find(line)));
  }
  CHECK(Pairs(veto.Find("re:Invent 2019 セッション")) == std::vector<std::pair<std::size_t, std::size_t>>{{10, 14}});
}

TEST_CASE("a veto with few patterns, or none, agrees with the plain search", "[quantity]") {
  for (const char* rules : {"[quantity.veto]\n(\\d+)年\n", "[quantity.veto]\n\\d+:\\d+\n(?i)\\bv(\\d+)\n",
                            // 4:30: the second pattern, without a group, makes the match where the
                            // third, with one, matches too
                            "[quantity.veto]\n(\\d+)年\n\\d+:\\d+\n(\\d+):\n",
                            "[quantity.count]\nrequest : requests\n"}) {
    std::vector<RuleDiagnostic> diagnostics;
    const Compiled compiled = CompileBlocks(ParseRuleText(rules, "q.rules", diagnostics));
    std::mt19937 random(7);
    for (int n = 0; n < 3000; ++n) {
      const std::string line = GeneratedLine(random, 12);
      INFO("rules: " << rules << " line: " << line);
      REQUIRE(Pairs(compiled.veto->Find(line)) == Pairs(compiled.plain->Find(line)));
    }
    if (std::string(rules).find("(\\d+):") != std::string::npos) {
      CHECK(Pairs(compiled.veto->Find("at 4:30")) == std::vector<std::pair<std::size_t, std::size_t>>{{3, 7}});
      CHECK(Pairs(compiled.veto->Find("at 4: x")) == std::vector<std::pair<std::size_t, std::size_t>>{{3, 4}});
    }
  }
}

TEST_CASE("the veto merges the matches of the few patterns a line can hold as the alternation does", "[quantity]") {
  // Patterns that overlap, start together (the earlier pattern wins), vet a group and resume after
  // it, need a literal or only digits; with few on a line each is searched alone, with many (the
  // six that need ':') the alternation is. Both against the plain alternation.
  const char* rules =
      "[quantity.veto]\n(\\d+)年(?:[^間]|$)\n\\d+年\n\\d+:\\d+\n(\\d+):\n:(\\d+)\n\\d:\n(?i)\\bv(\\d+)\n"
      "(?i)v\\d+\\.\\d+\n\\d+(?:\\.\\d+)+\n:\\d\\d\n[数何][十百千]+\n(?:^|[^一二三])(十分)\n";
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled compiled = CompileBlocks(ParseRuleText(rules, "q.rules", diagnostics));
  for (const std::string line :
       {"2004年に", "2004年間", "2004年", "4:30", "v1.9 と V2", "at 4:30:15 v3.1.4", "三十分と十分", "十分", "数百 の 何千",
        "12年と 13年 と 14:15", "", "年", "v", ":12:34:56", "1.2.3 と 10年"}) {
    INFO("line: " << line);
    CHECK(Pairs(compiled.veto->Find(line)) == Pairs(compiled.plain->Find(line)));
  }
  std::mt19937 random(11);
  for (int n = 0; n < 20000; ++n) {
    const std::string line = GeneratedLine(random, 14);
    INFO("line: " << line);
    REQUIRE(Pairs(compiled.veto->Find(line)) == Pairs(compiled.plain->Find(line)));
  }
  CHECK(Pairs(compiled.veto->Find("2004年に")) == std::vector<std::pair<std::size_t, std::size_t>>{{0, 4}});
  CHECK(Pairs(compiled.veto->Find("at 4:30")) == std::vector<std::pair<std::size_t, std::size_t>>{{3, 7}});
}

TEST_CASE("in-line UTF-8 decoding agrees with the general decoder on every offset", "[quantity]") {
  std::mt19937 random(3);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int n = 0; n < 3000; ++n) {
    std::string line = GeneratedLine(random, 10);
    if (n % 3 == 0) {
      for (int i = 0; i < 8; ++i) line += static_cast<char>(byte(random));  // any bytes at all
    }
    for (std::size_t pos = 0; pos < line.size(); ++pos) {
      std::size_t fast_length = 0, plain_length = 0;
      const char32_t fast = DecodeUtf8(line, pos, fast_length);
      const char32_t plain = DecodeUtf8General(line, pos, plain_length);
      INFO("line: " << line << " at " << pos);
      REQUIRE(fast == plain);
      REQUIRE(fast_length == plain_length);
    }
  }
}

TEST_CASE("integers are read to the value from_chars reads from their digits", "[quantity]") {
  // Up to 20 digits, with thousands groups and decimals, after text and before units: the
  // integer sum (at most 15 digits) and from_chars give the same double.
  std::mt19937 random(15);
  std::uniform_int_distribution<int> digit(0, 9), count(1, 20), shape(0, 3);
  for (int n = 0; n < 20000; ++n) {
    std::string number, digits;
    for (int i = count(random); i > 0; --i) number += static_cast<char>('0' + digit(random));
    digits = number;
    if (shape(random) == 1) {
      for (int g = 0; g < 2; ++g) {
        std::string group;
        for (int i = 0; i < 3; ++i) group += static_cast<char>('0' + digit(random));
        number += "," + group;
        digits += group;
      }
    } else if (shape(random) == 2) {
      number += ".5";
      digits += ".5";
    }
    const std::string line = "約" + number + "件";
    INFO("line: " << line);
    const std::optional<NumberToken> token = ReadNumber(line, 3);
    REQUIRE(token.has_value());
    double expected = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), expected);
    REQUIRE(token->value == expected);
    REQUIRE(token->end == 3 + number.size());
  }
}

TEST_CASE("numbers past the summed integers are read as from_chars reads their digits", "[quantity]") {
  // The integer sum stops at 15 digits; longer integers, decimals and grouped decimals are copied
  // without their commas for from_chars. A list (1,2,3) or a group of four digits is no group.
  struct Case {
    std::string line;
    std::size_t at;
    std::string digits;  // what from_chars must read
    std::size_t length;  // bytes of the number
  };
  const std::vector<Case> cases = {
      {"約123456789012345件", 3, "123456789012345", 15},
      {"約1234567890123456件", 3, "1234567890123456", 16},
      {"約9007199254740993件", 3, "9007199254740993", 16},  // 2^53 + 1: rounds as from_chars rounds
      {"約123456789012345678901件", 3, "123456789012345678901", 21},  // past what 64 bits can sum
      {"about 12,345,678,901,234,567 rows", 6, "12345678901234567", 22},
      {"コストは1,234.56ドル", 12, "1234.56", 8},
      {"0.000001 seconds", 0, "0.000001", 8},
      {"lists 1,2,3 here", 6, "1", 1},
      {"値は1,2345です", 6, "1", 1},
  };
  for (const Case& c : cases) {
    INFO("line: " << c.line);
    const std::optional<NumberToken> token = ReadNumber(c.line, c.at);
    REQUIRE(token.has_value());
    double expected = 0;
    std::from_chars(c.digits.data(), c.digits.data() + c.digits.size(), expected);
    REQUIRE(token->value == expected);
    REQUIRE(token->end == c.at + c.length);
  }
}

TEST_CASE("the two-byte filter of literal look-ups agrees with the bucket search", "[quantity]") {
  // Every role, every start and end offset of generated lines (Japanese, English, full-width,
  // broken UTF-8), with the shipped rules and with rules holding one-byte and case-sensitive
  // literals; a look-up the filter stops must find nothing in the buckets either.
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled small = CompileBlocks(ParseRuleText(
      "[quantity.unit byte]\nbyte = 1 : B {case}, b, MB {case}\n[quantity.unit usd]\nusd = 1 : $ {prefix}, ¥ {prefix}\n",
      "q.rules", diagnostics));
  int found = 0;
  for (const QuantityLexicon* lexicon : {&Shipped().lexicon, &small.lexicon}) {
    std::mt19937 random(29);
    for (int n = 0; n < 2000; ++n) {
      const std::string raw = GeneratedLine(random, 14);
      for (const std::string& line : {raw, Normalize(raw).text}) {
        for (std::size_t role = 0; role < kLexRoleCount; ++role) {
          const auto r = static_cast<LexRole>(role);
          for (std::size_t pos = 0; pos <= line.size() + 1; ++pos) {
            INFO("line: " << line << " role " << role << " at " << pos);
            const LexEntry* starting = lexicon->MatchAt(line, pos, r);
            REQUIRE(starting == lexicon->MatchAtUnfiltered(line, pos, r));
            const LexEntry* ending = lexicon->MatchEndingAt(line, pos, r);
            REQUIRE(ending == lexicon->MatchEndingAtUnfiltered(line, pos, r));
            found += (starting != nullptr) + (ending != nullptr);
          }
        }
      }
    }
  }
  CHECK(found > 10000);  // the lines hold literals often enough to test the filter's yes too
}

namespace {

// The literal of `role` that MatchAt (`ending` false) or MatchEndingAt (true) must find at `at`,
// by trying every entry byte by byte: the longest, the first defined among equally long ones;
// ASCII letters in either case unless the literal says `case`; a literal ending in a letter or
// digit not followed by one, one starting with a letter not preceded by one.
const LexEntry* BruteForceMatch(const QuantityLexicon& lexicon, std::string_view line, std::size_t at, LexRole role,
                                bool ending) {
  const LexEntry* best = nullptr;
  for (const LexEntry& e : lexicon.entries()) {
    if (e.role != role || e.text.empty()) continue;
    if (ending ? (at == 0 || at > line.size() || e.text.size() > at) : (at >= line.size() || at + e.text.size() > line.size())) continue;
    const std::size_t begin = ending ? at - e.text.size() : at;
    bool same = true;
    for (std::size_t i = 0; i < e.text.size() && same; ++i) {
      const char a = line[begin + i], b = e.text[i];
      same = e.case_sensitive ? a == b : AsciiLower(a) == AsciiLower(b);
    }
    if (!same) continue;
    const std::size_t after = begin + e.text.size();
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!ending && IsAsciiAlnum(static_cast<unsigned char>(e.text.back())) && after < line.size() &&
        IsAsciiAlnum(static_cast<unsigned char>(line[after]))) {
      continue;
    }
    if (ending && letter(e.text.front()) && begin > 0 && letter(line[begin - 1])) continue;
    if (best == nullptr || e.text.size() > best->text.size()) best = &e;
  }
  return best;
}

}  // namespace

TEST_CASE("a literal whose far-end byte matches still needs every byte between", "[quantity]") {
  // The bucket search tells a literal by its length and far-end byte (the last for MatchAt, the
  // first for MatchEndingAt) before the rest is compared: the rest alone must then decide.
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled small = CompileBlocks(ParseRuleText(
      "[quantity.unit byte]\nbyte = 1 : bytes, MB {case}, バイト\n[quantity.unit second]\nsecond = 1 : 秒\n", "q.rules",
      diagnostics));
  const QuantityLexicon& lexicon = small.lexicon;
  const auto starting = [&](std::string_view line, std::size_t pos) -> std::string {
    const LexEntry* e = lexicon.MatchAt(line, pos, LexRole::kUnit);
    REQUIRE(e == lexicon.MatchAtUnfiltered(line, pos, LexRole::kUnit));
    return e == nullptr ? "" : e->text;
  };
  const auto ending = [&](std::string_view line) -> std::string {
    const LexEntry* e = lexicon.MatchEndingAt(line, line.size(), LexRole::kUnit);
    REQUIRE(e == lexicon.MatchEndingAtUnfiltered(line, line.size(), LexRole::kUnit));
    return e == nullptr ? "" : e->text;
  };
  CHECK(starting("3 bytes", 2) == "bytes");
  CHECK(starting("3 BYTES", 2) == "bytes");  // the last byte in either case
  CHECK(starting("3 bxtes", 2).empty());     // first and last bytes match, a middle one does not
  CHECK(starting("3 bytesx", 2).empty());    // a letter after a literal ending in one
  CHECK(starting("3 MB", 2) == "MB");
  CHECK(starting("3 mB", 2).empty());  // {case}: the last byte matches, the first does not
  CHECK(starting("3バイト", 1) == "バイト");
  CHECK(starting("3バスト", 1).empty());  // バ…ト with another kana between
  CHECK(starting("3秒", 1) == "秒");
  CHECK(ending("3 bytes") == "bytes");
  CHECK(ending("3 BYTES") == "bytes");  // the first byte in either case
  CHECK(ending("3 bxtes").empty());
  CHECK(ending("xbytes").empty());  // a letter before a literal starting with one
  CHECK(ending("3 Mb").empty());    // {case}: the first byte matches, the last does not
  CHECK(ending("3バイト") == "バイト");
  CHECK(ending("3バスト").empty());
  CHECK(ending("3秒") == "秒");
}

TEST_CASE("literal look-ups find what comparing every literal byte by byte finds", "[quantity]") {
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled small = CompileBlocks(ParseRuleText(
      "[quantity.unit byte]\nbyte = 1 : B {case}, b, MB {case}, Kb, ｂ\n[quantity.unit usd]\nusd = 1 : $ {prefix}, ¥ {prefix}, US$ {prefix}\n",
      "q.rules", diagnostics));
  int found = 0;
  for (const QuantityLexicon* lexicon : {&Shipped().lexicon, &small.lexicon}) {
    std::mt19937 random(31);
    for (int n = 0; n < 1500; ++n) {
      const std::string raw = GeneratedLine(random, 14);
      for (const std::string& line : {raw, Normalize(raw).text}) {
        for (std::size_t role = 0; role < kLexRoleCount; ++role) {
          const auto r = static_cast<LexRole>(role);
          for (std::size_t at = 0; at <= line.size(); ++at) {
            INFO("line: " << line << " role " << role << " at " << at);
            const LexEntry* starting = lexicon->MatchAt(line, at, r);
            REQUIRE(starting == BruteForceMatch(*lexicon, line, at, r, false));
            REQUIRE(lexicon->MatchEndingAt(line, at, r) == BruteForceMatch(*lexicon, line, at, r, true));
            found += starting != nullptr;
          }
        }
      }
    }
  }
  CHECK(found > 5000);
}

TEST_CASE("look-ups tell literals of one bucket apart by the end the bucket's key does not cover", "[quantity]") {
  // MatchAt's buckets share the first character, MatchEndingAt's the last: the byte at the other
  // end is compared first (kept beside each candidate in both ASCII cases), so literals differing
  // only there (MiB and MB, 毎秒 and 秒) must still be told apart, in both cases unless the literal
  // says `case`.
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled lex = CompileBlocks(ParseRuleText(
      "[quantity.unit byte]\nbyte = 1 : MB {case}, MiB, KiB\n[quantity.unit second]\nsecond = 1 : 秒, 毎秒\n", "q.rules", diagnostics));
  const auto starting = [&](std::string_view line, std::size_t pos) {
    const LexEntry* e = lex.lexicon.MatchAt(line, pos, LexRole::kUnit);
    return e == nullptr ? std::string("-") : e->text;
  };
  const auto ending = [&](std::string_view line) {
    const LexEntry* e = lex.lexicon.MatchEndingAt(line, line.size(), LexRole::kUnit);
    return e == nullptr ? std::string("-") : e->text;
  };
  CHECK(starting("5 MiB", 2) == "MiB");
  CHECK(starting("5 mib", 2) == "MiB");
  CHECK(starting("5 MB", 2) == "MB");
  CHECK(starting("5 Mb", 2) == "-");  // MB is case-sensitive: its last byte differs
  CHECK(starting("5 Mi", 2) == "-");
  CHECK(starting("5秒", 1) == "秒");
  CHECK(ending("3KiB") == "KiB");
  CHECK(ending("3kib") == "KiB");
  CHECK(ending("3 MiB") == "MiB");
  CHECK(ending("毎秒") == "毎秒");
  CHECK(ending("数秒") == "秒");  // 数 shares its first byte with 毎
  CHECK(ending("xMB") == "-");    // a literal starting with a letter does not follow one
  CHECK(ending("3 mB") == "-");   // MB is case-sensitive at its first byte too
  CHECK(ending("3 mIb") == "MiB");
}

TEST_CASE("a look-up given the longest literal ending there finds what the filtered look-up finds", "[quantity]") {
  // MatchEndingAtGiven skips the bucket when the longest literal is accepted or there is none;
  // when the filter refuses it, a shorter one must still be found (毎秒 refused: 秒).
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled small = CompileBlocks(
      ParseRuleText("[quantity.unit byte]\nbyte = 1 : B, MiB, bytes\n[quantity.unit second]\nsecond = 1 : 秒, 毎秒\n", "q.rules", diagnostics));
  const auto short_only = [](const LexEntry& e) { return e.text.size() <= 3; };
  const auto given = [&](const QuantityLexicon& lexicon, std::string_view line, std::size_t end, auto&& accept) {
    const LexEntry* longest = lexicon.MatchEndingAt(line, end, LexRole::kUnit);
    return lexicon.MatchEndingAtGiven(line, end, LexRole::kUnit, longest, accept);
  };
  const auto text = [](const LexEntry* e) { return e == nullptr ? std::string("-") : e->text; };
  CHECK(text(given(small.lexicon, "毎秒", 6, short_only)) == "秒");
  CHECK(text(given(small.lexicon, "3 bytes", 7, short_only)) == "-");  // no shorter literal ends there
  CHECK(text(given(small.lexicon, "3 bytes", 7, [](const LexEntry&) { return true; })) == "bytes");
  CHECK(text(given(small.lexicon, "3 MiB", 5, short_only)) == "MiB");
  CHECK(text(given(small.lexicon, "3B", 2, short_only)) == "B");
  CHECK(text(given(small.lexicon, "3 GB", 4, short_only)) == "-");  // B does not end a longer Latin word
  int refused = 0;
  for (const QuantityLexicon* lexicon : {&Shipped().lexicon, &small.lexicon}) {
    std::mt19937 random(37);
    const auto count_noun = [&](const LexEntry& e) {
      const UnitDef& def = lexicon->unit(e);
      return def.is_count && !def.is_counter && !e.per_only;
    };
    for (int n = 0; n < 1500; ++n) {
      const std::string line = Normalize(GeneratedLine(random, 14)).text;
      for (std::size_t end = 0; end <= line.size() + 1; ++end) {
        INFO("line: " << line << " end " << end);
        REQUIRE(given(*lexicon, line, end, short_only) == lexicon->MatchEndingAt(line, end, LexRole::kUnit, short_only));
        REQUIRE(given(*lexicon, line, end, count_noun) == lexicon->MatchEndingAt(line, end, LexRole::kUnit, count_noun));
        const LexEntry* longest = lexicon->MatchEndingAt(line, end, LexRole::kUnit);
        refused += longest != nullptr && !short_only(*longest);
      }
    }
  }
  CHECK(refused > 500);  // the lines often end a literal the filter refuses: the fallback is tested
}

TEST_CASE("the 16-byte start scan stops where the character walk does, on long lines", "[quantity]") {
  // The shipped rules, rules whose ASCII starts need more ranges than the scan compares (then it
  // tests every ASCII byte), and rules where kana start something (then it keeps kana).
  std::vector<RuleDiagnostic> diagnostics;
  const Compiled many_letters = CompileBlocks(ParseRuleText(
      "[quantity.unit usd]\nusd = 1 : $ {prefix}, A$ {prefix}, C$ {prefix}, E$ {prefix}, G$ {prefix}, "
      "K$ {prefix}, M$ {prefix}, P$ {prefix}, R$ {prefix}, T$ {prefix}, W$ {prefix}, Y$ {prefix}, ~$ {prefix}\n",
      "q.rules", diagnostics));
  // A number word in kana: kana lead bytes may start something, the scan must not drop them.
  const Compiled kana_word = CompileBlocks(
      ParseRuleText("[quantity.unit times]\ntimes = 1 : 倍\n[quantity.word]\n1 倍 : ひとつ\n", "q.rules", diagnostics));
  const std::string kana_line = "the replicas of the server: サーバーひとつ, then more words";
  CHECK(kana_word.lexicon.NextPossibleStart(kana_line, 0) == kana_line.find("ひとつ"));
  CHECK(Shipped().lexicon.NextPossibleStart(kana_line, 0) == kana_line.size());
  for (const QuantityLexicon* lexicon : {&Shipped().lexicon, &many_letters.lexicon, &kana_word.lexicon}) {
    std::mt19937 random(11);
    for (int n = 0; n < 2000; ++n) {
      const std::string line = GeneratedLine(random, 40);
      for (std::size_t pos = 0; pos <= line.size(); ++pos) {
        INFO("line: " << line << " from " << pos);
        REQUIRE(lexicon->NextPossibleStart(line, pos) == kgx::QuantityLexiconReference::NextPossibleStartByChar(*lexicon, line, pos));
      }
    }
  }
}

}  // namespace kgx
