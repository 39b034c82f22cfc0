// QuantityUnitReader with the shipped rules: the words after a number (unit, scale, qualifiers,
// range connector, Latin word, rate suffixes) as the quantity scan reads them, in Japanese and English.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/quantity_number.h"
#include "extractor/quantity_rules.h"
#include "extractor/quantity_unit_reader.h"
#include "extractor/rule_file.h"

namespace kgx::quantity_detail {
namespace {

const QuantityLexicon& ShippedLexicon() {
  static const QuantityLexicon lexicon = [] {
    std::vector<RuleDiagnostic> diagnostics;
    QuantityLexicon out;
    std::vector<VetoPattern> vetoes;
    REQUIRE(CompileQuantityRules(LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics), out, vetoes, diagnostics));
    return out;
  }();
  return lexicon;
}

// The reader's steps, open to the test.
struct Reader : QuantityUnitReader {
  explicit Reader(std::string_view line) : QuantityUnitReader(line, ShippedLexicon()) {}
  using QuantityUnitReader::ApplyScale;
  using QuantityUnitReader::FindUnit;
  using QuantityUnitReader::ReadConnector;
  using QuantityUnitReader::ReadLatinWord;
  using QuantityUnitReader::ReadQualifiersAfter;
  using QuantityUnitReader::ReadRateSuffix;
  NumberToken Number(std::size_t at) const {
    const std::optional<NumberToken> token = ReadNumber(line_, at);
    REQUIRE(token.has_value());
    return *token;
  }
  std::string UnitAfter(std::size_t at, bool nouns_only = false) {
    const Hit hit = FindUnit(at, Number(0), nouns_only);
    return hit ? ShippedLexicon().unit(*hit.entry).unit + "@" + std::to_string(hit.begin) : "";
  }
};

TEST_CASE("the unit reader finds a unit touching the number or one blank after it", "[quantity][unit_reader]") {
  CHECK(Reader("5MB").UnitAfter(1) == "byte@1");
  CHECK(Reader("5 MB").UnitAfter(1) == "byte@2");
  CHECK(Reader("3バイト").UnitAfter(1) == "byte@1");
  CHECK(Reader("50人").UnitAfter(2) == "person@2");
  CHECK(Reader("5  MB").UnitAfter(1).empty());  // two blanks: no unit of this number
  CHECK(Reader("50人").UnitAfter(2, true) == "person@2");
  CHECK(Reader("5MB").UnitAfter(1, true).empty());  // a measure is no count noun
}

TEST_CASE("the unit reader applies a scale unless a longer unit stands there", "[quantity][unit_reader]") {
  Reader thousands("3k requests");
  std::size_t end = 1;
  double value = 3;
  CHECK(thousands.ApplyScale(end, value, thousands.Number(0)));
  CHECK(value == 3000);
  CHECK(end == 2);
  Reader megabytes("5MB");  // 5 megabytes, not 5 million bytes
  end = 1;
  value = 5;
  CHECK_FALSE(megabytes.ApplyScale(end, value, megabytes.Number(0)));
  CHECK(end == 1);
  CHECK(value == 5);
  Reader spaced("3 k");  // a one-letter scale must touch the number
  end = 1;
  CHECK_FALSE(spaced.ApplyScale(end, value, spaced.Number(0)));
}

TEST_CASE("the unit reader reads qualifiers, range connectors and Latin words", "[quantity][unit_reader]") {
  std::vector<std::string> qualifiers;
  Reader japanese("500以上くらい");
  CHECK(japanese.ReadQualifiersAfter(3, qualifiers) == std::string_view("500以上くらい").size());
  CHECK(qualifiers == std::vector<std::string>{"at_least", "approx"});
  qualifiers.clear();
  CHECK(Reader("500 users").ReadQualifiersAfter(3, qualifiers) == 3);
  CHECK(qualifiers.empty());
  CHECK(Reader("60から900秒").ReadConnector(2) == 8);
  CHECK(Reader("10-20").ReadConnector(2) == 3);
  CHECK(Reader("10 ~ 20").ReadConnector(2) == 5);
  CHECK(Reader("10 to 20").ReadConnector(2) == 6);
  CHECK(Reader("10 and 20").ReadConnector(2) == std::string_view::npos);
  CHECK(Reader("3 EC2 instances").ReadLatinWord(2, true) == 5);
  CHECK(Reader("3 EC2 instances").ReadLatinWord(2) == 2);  // letters only: "EC" runs into a digit
  CHECK(Reader("3x faster").ReadLatinWord(1) == 1);        // one letter is no word
}

TEST_CASE("the unit reader reads rate suffixes, not a point in time", "[quantity][unit_reader]") {
  std::vector<std::string> per;
  Reader slash("5 GB/month");
  CHECK(slash.ReadRateSuffix(4, per) == std::string_view("5 GB/month").size());
  CHECK(per == std::vector<std::string>{"month"});
  per.clear();
  Reader japanese("3回毎月");
  CHECK(japanese.ReadRateSuffix(4, per) == std::string_view("3回毎月").size());
  CHECK(per == std::vector<std::string>{"month"});
  per.clear();
  Reader ago("2 teams a year ago");
  CHECK(ago.ReadRateSuffix(7, per) == 7);  // "a year ago" places the teams in time
  CHECK(per.empty());
}

}  // namespace
}  // namespace kgx::quantity_detail
