// The block scans of QuantityLexicon::NextPossibleStart (scalar, 16-byte SSE2, 32-byte AVX2 with
// its nibble tables, QuantityStartFilter) each stop where the character-by-character walk does,
// on Japanese, English and mixed lines long enough for several blocks and an overlapping last one.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_rules.h"
#include "extractor/quantity_start_filter.h"
#include "extractor/rule_file.h"
#include "tests/extractor/quantity_lexicon_reference.h"

namespace kgx {
namespace {

QuantityLexicon Compile(const std::vector<RuleBlock>& blocks) {
  QuantityLexicon lexicon;
  std::vector<VetoPattern> vetoes;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(CompileQuantityRules(blocks, lexicon, vetoes, diagnostics));
  return lexicon;
}

std::vector<RuleBlock> ShippedBlocks() {
  std::vector<RuleDiagnostic> diagnostics;
  return LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics);
}

// A number word in kana (ひとつ: kana lead bytes then start something) and one of a kanji whose
// first two bytes no numeral has (毎), beside the shipped kind of units.
std::vector<RuleBlock> KanaWordBlocks() {
  std::vector<RuleDiagnostic> diagnostics;
  return ParseRuleText("[quantity.unit times]\ntimes = 1 : 倍, x\n[quantity.word]\n1 倍 : ひとつ, 毎度\n", "q.rules", diagnostics);
}

const QuantityLexicon& ShippedLexicon() {
  static const QuantityLexicon lexicon = Compile(ShippedBlocks());
  return lexicon;
}

const QuantityLexicon& KanaWordLexicon() {
  static const QuantityLexicon lexicon = Compile(KanaWordBlocks());
  return lexicon;
}

std::vector<StartScan> Scans() {
  std::vector<StartScan> scans = {StartScan::kBest, StartScan::kScalar, StartScan::kSse2};
  if (CpuHasAvx2()) scans.push_back(StartScan::kAvx2);
  return scans;
}

// Kanji and kana that share first bytes or second-byte nibbles with numerals (上 with 一, 人 with
// 二, 係 with 九, 〇 beside 、 and 。), kana of every second byte, numerals, number words, prefix
// units, English words, and broken UTF-8.
std::string GeneratedLine(std::mt19937& random, std::size_t max_pieces) {
  static const std::vector<std::string> pieces = {
      "上", "下", "人", "係", "回", "全", "的", "難", "、", "。", "「", "〇", "一", "三", "九", "十", "百", "零",
      "億", "兆", "半分", "半年", "数百", "何千", "毎度", "毎日", "ひとつ", "ひ", "と", "つ", "サーバー", "ン", "ゐ",
      "の", "は", "1", "42", "$", "US$", "¥", "GB", "in half", "half", "Amazon ", "replicas ", " ", "x", "Q",
      "é", "—", "🙂", "\x80", "\xE3\x81", "\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80", "\xE4"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, max_pieces);
  std::string line;
  for (std::size_t i = length(random); i > 0; --i) line += pieces[pick(random)];
  return line;
}

}  // namespace

TEST_CASE("the start filter marks lead bytes and three-byte pairs from the two-byte table", "[quantity]") {
  std::bitset<65536> starts;
  std::array<bool, 256> may_lead{};
  starts.set('7' << 8 | 'x'), may_lead['7'] = true;
  starts.set(0xE4u << 8 | 0xB8u), may_lead[0xE4] = true;  // the first bytes of 一
  QuantityStartFilter filter;
  filter.Build(starts, may_lead);
  const auto leads = [&](unsigned byte) {
    return ((byte >> 4 < 8 ? filter.low_rows_below : filter.low_rows_above)[byte & 15u] >> ((byte >> 4) & 7u) & 1u) != 0;
  };
  CHECK(leads('7'));
  CHECK(leads(0xE4));
  CHECK_FALSE(leads('6'));
  CHECK_FALSE(leads('G'));   // same low nibble as '7'
  CHECK_FALSE(leads(0xE3));  // kana and 、 start nothing here
  CHECK_FALSE(leads(0xB8));
  // E4 then a byte of low nibble 8 (B8: 一, 上, 下; 88, 98, A8) may start; E4 BA (二, 人) may not.
  CHECK((filter.pair_rows_below[0x8] >> 4 & 1u) != 0);
  CHECK((filter.pair_rows_below[0xA] >> 4 & 1u) == 0);
  CHECK(filter.pair_rows_above[0x8] == 0);
}

TEST_CASE("every block scan skips kanji and kana that start nothing and stops at numerals", "[quantity]") {
  const std::string japanese = "このサーバーの上限は全体的に難しい問題であり、レイテンシの改善が必要である。";
  const std::string with_numeral = japanese + "三つ";
  const std::string english = "Deep Dive on Amazon Aurora: the replicas are faster now, costs $3";
  for (const StartScan scan : Scans()) {
    INFO("scan " << static_cast<int>(scan));
    CHECK(ShippedLexicon().NextPossibleStart(japanese, 0, scan) == japanese.size());
    CHECK(ShippedLexicon().NextPossibleStart(with_numeral, 0, scan) == japanese.size());
    CHECK(ShippedLexicon().NextPossibleStart(english, 0, scan) == english.find('$'));
    CHECK(ShippedLexicon().NextPossibleStart(english, english.find('$') + 1, scan) == english.size() - 1);
    // Kana start something when a number word is written in them.
    CHECK(KanaWordLexicon().NextPossibleStart(japanese + "ひとつ", 0, scan) == japanese.size());
    CHECK(KanaWordLexicon().NextPossibleStart(japanese, 0, scan) == japanese.size());
  }
}

TEST_CASE("every block scan stops where the character walk does, from every offset", "[quantity]") {
  for (const QuantityLexicon* lexicon : {&ShippedLexicon(), &KanaWordLexicon()}) {
    std::mt19937 random(2026112711);
    for (int n = 0; n < 1500; ++n) {
      const std::string line = GeneratedLine(random, 45);
      for (std::size_t pos = 0; pos <= line.size(); ++pos) {
        const std::size_t expected = QuantityLexiconReference::NextPossibleStartByChar(*lexicon, line, pos);
        for (const StartScan scan : Scans()) {
          INFO("line: " << line << " from " << pos << " scan " << static_cast<int>(scan));
          REQUIRE(lexicon->NextPossibleStart(line, pos, scan) == expected);
        }
      }
    }
  }
}

}  // namespace kgx
