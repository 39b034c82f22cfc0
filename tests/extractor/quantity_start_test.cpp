// The quantity scan's skip over characters that start nothing (QuantityLexicon::NextPossibleStart)
// with the shipped rules: it stops wherever the exact checks could start a quantity, in Japanese,
// English and full-width text, and leaves the final word to them where its table only says "may".
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_number.h"
#include "extractor/quantity_parser.h"
#include "extractor/quantity_rules.h"
#include "extractor/rule_file.h"
#include "extractor/text_util.h"
#include "tests/extractor/quantity_lexicon_reference.h"

namespace kgx {
namespace {

std::vector<RuleBlock> ShippedQuantityBlocks() {
  std::vector<RuleDiagnostic> diagnostics;
  return LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics);
}

const QuantityLexicon& ShippedLexicon() {
  static const QuantityLexicon lexicon = [] {
    QuantityLexicon out;
    std::vector<VetoPattern> vetoes;
    std::vector<RuleDiagnostic> diagnostics;
    REQUIRE(CompileQuantityRules(ShippedQuantityBlocks(), out, vetoes, diagnostics));
    return out;
  }();
  return lexicon;
}

const QuantityParser& ShippedParser() {
  static const std::unique_ptr<QuantityParser> parser = [] {
    std::vector<RuleDiagnostic> diagnostics;
    return QuantityParser::Compile(ShippedQuantityBlocks(), diagnostics);
  }();
  return *parser;
}

// The exact test the scan makes at `pos`, byte by byte, as it did before the table.
bool MayStartExactly(const QuantityLexicon& lexicon, std::string_view line, std::size_t pos) {
  if ((static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) return false;
  const bool digit = line[pos] >= '0' && line[pos] <= '9';
  const bool kanji = MayStartKanjiNumberAt(KanjiNumberLeads(), line, pos) && NumberStartsAt(line, pos);
  return digit || lexicon.MayStartWordAt(line, pos) || kanji;
}

// Whether the scan's reading at `pos` (Scanner::ReadAt) can find anything there: a digit, a
// kanji numeral that starts a number, or a number word or prefix unit literal. Where none is, a
// stop reads nothing and the scan goes on at the next character, as if it had not stopped.
bool ReadsSomethingAt(const QuantityLexicon& lexicon, std::string_view line, std::size_t pos) {
  return NumberStartsAt(line, pos) || lexicon.MatchAt(line, pos, LexRole::kWord) != nullptr ||
         lexicon.MatchAt(line, pos, LexRole::kPrefixUnit) != nullptr;
}

// Offsets where the skip stops, following it over the whole line.
std::vector<std::size_t> Stops(std::string_view line) {
  std::vector<std::size_t> stops;
  for (std::size_t pos = ShippedLexicon().NextPossibleStart(line, 0); pos < line.size();
       pos = ShippedLexicon().NextPossibleStart(line, pos + 1)) {
    stops.push_back(pos);
  }
  return stops;
}

}  // namespace

TEST_CASE("the skip stops at digits, kanji numerals, number words and prefix units", "[quantity]") {
  CHECK(Stops("1日5500億イベント") == std::vector<std::size_t>{0, 4, 5, 6, 7});  // digits; 億 needs a number before it
  CHECK(Stops("three replicas, 3つのAZ") == std::vector<std::size_t>{16});  // English words start nothing
  CHECK(Stops("costs $3") == std::vector<std::size_t>{6, 7});                   // the prefix unit, then the digit
  CHECK(Stops("三千台") == std::vector<std::size_t>{0, 3});
  CHECK(Stops("半分になった").front() == 0);
  CHECK(Stops("レイテンシが改善した").empty());
}

TEST_CASE("full-width digits start nothing until the normalizer makes them ASCII", "[quantity]") {
  CHECK(Stops("５ＧＢ").empty());
  CHECK(Stops(Normalize("５ＧＢ").text) == std::vector<std::size_t>{0});
  CHECK(ShippedParser().Find(Normalize("ストレージは５ＧＢ").text).size() == 1);
}

TEST_CASE("where the table only says 'may', the exact checks decide", "[quantity]") {
  // 上 shares its first two bytes with 一, 三 and 七, 、 and 。 with 〇: the third byte tells them
  // apart, so the skip passes them; the scan still reads the numerals.
  CHECK(Stops("上限").empty());
  CHECK(Stops("、。「上」").empty());
  CHECK(Stops("上限は三つ") == std::vector<std::size_t>{9});
  CHECK(Stops("人の〇件") == std::vector<std::size_t>{6});
  CHECK(ShippedParser().Find("上限に達した").empty());
  CHECK(ShippedParser().Find("上限は三つ").size() == 1);
  // A two-byte lead that is no well-formed character is left to the exact checks, as before.
  CHECK(Stops("\xE4\xB8" "A") == std::vector<std::size_t>{0});
}

TEST_CASE("the skip never passes a place where the exact checks would start", "[quantity]") {
  const std::vector<std::string> lines = {
      "1日5500億イベント、最大 64TB", "Deep Dive on Amazon Aurora: 5x faster, $0.10 per GB-month",
      "三千台のサーバー、二十億行", "半年で10倍に", "ＡＷＳ　Ｓｕｍｍｉｔ　２０１９", "a\x80" "5 broken \xE3\x81 bytes 7",
      "¥500 と US$3", "上下一二三七万億兆", ""};
  const QuantityLexicon& lexicon = ShippedLexicon();
  for (const std::string& line : lines) {
    std::size_t next = lexicon.NextPossibleStart(line, 0);
    for (std::size_t pos = 0; pos < line.size(); ++pos) {
      if (pos > next) next = lexicon.NextPossibleStart(line, pos);
      INFO("line: " << line << " at " << pos);
      if (MayStartExactly(lexicon, line, pos)) CHECK(next == pos);
    }
  }
}

TEST_CASE("the skip passes no character the scan could read something at", "[quantity]") {
  // Generated Japanese-heavy lines: kanji and punctuation that share their first two bytes with a
  // kanji numeral (上下中不 with 一三七, 人事 with 二五, 回国 with 四, 全入円 with 六八, 半協 with
  // 十千, 的白 with 百, 集難 with 零, 、。「」 with 〇), numerals, number words, prefix units.
  const std::vector<std::string> pieces = {
      "上", "下", "中", "不", "一", "三", "七", "人", "事", "二", "五", "回", "国", "四", "全", "入", "円",
      "六", "八", "半", "協", "十", "千", "的", "白", "百", "集", "難", "零", "、", "。", "「", "」", "〇",
      "半分", "半年", "数百", "何千", "万", "億", "兆", "$", "US$", "¥", "1", "42", "GB", "の", "は", "サーバー",
      "Amazon ", "half", "in half", " ", "\xE4\xB8", "\xE3\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\x80"};
  std::mt19937 random(112711);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 30);
  const QuantityLexicon& lexicon = ShippedLexicon();
  for (int n = 0; n < 3000; ++n) {
    std::string line;
    for (std::size_t i = length(random); i > 0; --i) line += pieces[pick(random)];
    std::size_t next = lexicon.NextPossibleStart(line, 0);
    for (std::size_t pos = 0; pos < line.size(); ++pos) {
      if (pos > next) next = lexicon.NextPossibleStart(line, pos);
      INFO("line: " << line << " at " << pos);
      if (ReadsSomethingAt(lexicon, line, pos)) REQUIRE(next == pos);
      // A passed place the two-byte test would have stopped at holds a whole character: the
      // scan, stopping there, would have gone on right after it.
      if (next != pos && MayStartExactly(lexicon, line, pos)) {
        std::size_t bytes = 0;
        DecodeUtf8(line, pos, bytes);
        REQUIRE(bytes == 3);
      }
    }
  }
}

TEST_CASE("the byte-table skip stops where the character-by-character walk does", "[quantity]") {
  // Generated lines of Japanese, English, numerals, prefix units and broken UTF-8; every start
  // offset, including ones inside a character.
  const std::vector<std::string> pieces = {
      "1", "42", "三", "千", "億", "〇", "半分", "半年", "$", "US$", "us", "U", "¥", "GB", "サーバー", "上限", "の",
      "、", "。", "Amazon ", "Aurora", "replicas", " ", "\t", "ＡＷＳ", "２０１９", "\x80", "\xE3\x81", "\xE4",
      "é", "—", "/", "-", "x", "ms", "件", "十分", "数百", "@", "🙂", "上", "人", "回", "全", "的", "「",
      "\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80"};
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 24);
  const QuantityLexicon& lexicon = ShippedLexicon();
  for (int n = 0; n < 3000; ++n) {
    std::string line;
    for (std::size_t i = length(random); i > 0; --i) line += pieces[pick(random)];
    for (std::size_t pos = 0; pos <= line.size(); ++pos) {
      INFO("line: " << line << " from " << pos);
      REQUIRE(lexicon.NextPossibleStart(line, pos) == kgx::QuantityLexiconReference::NextPossibleStartByChar(lexicon, line, pos));
    }
  }
}

}  // namespace kgx
