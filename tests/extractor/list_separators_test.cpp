// List separators: the sixteen-byte scan finds exactly the separators of the byte-by-byte one,
// over generated lines of Japanese and English lists, with near misses ("A/B", "band", "とは").
#include "extractor/list_separators.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace kgx {

TEST_CASE("known separators and near misses", "[list]") {
  const auto spans = [](std::string_view line) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const Separator& s : FindSeparators(line)) out.emplace_back(s.begin, s.end);
    return out;
  };
  CHECK(spans("Kafka, Flink and Spark").size() == 2);
  CHECK(spans("Kafka、Flink、Spark").size() == 2);
  CHECK(spans("KafkaとFlinkやSpark").size() == 2);
  CHECK(spans("A/B testing, CI/CD").size() == 1);
  CHECK(spans("Kafka, and Flink") == std::vector<std::pair<std::size_t, std::size_t>>{{5, 11}});
  CHECK(spans("バンドとは").empty());
}

TEST_CASE("the skipping scan agrees with the byte-by-byte one", "[list]") {
  const std::vector<std::string> pieces = {
      "Kafka", "Argo CD", "OpenTelemetry", "a", "and", " and ", "&", " & ", ",", ", ", "、", "，", "と", "や",
      " と ", "/", " / ", "A/B", " ", "  ", "テスト", "を使う", "band", "& more", "1", "\xE3", "\xEF\xBC", "é", "。", "x"};
  std::mt19937 random(424242);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 16);
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    for (std::size_t i = length(random); i > 0; --i) line += pieces[pick(random)];
    INFO("line: " << line);
    REQUIRE(FindSeparators(line) == FindSeparatorsPlain(line));
  }
}

TEST_CASE("the sixteen-byte scan agrees with the byte-by-byte one on long lines", "[list]") {
  // Long lines, so that most separators and near misses fall inside a 16-byte block or across
  // its end: Japanese prose with 、，と and や and the characters that share their first bytes
  // (。「 ち な ゃ ＡＢ), English prose with " and ", " & ", " a", " an", "and" after a comma.
  const std::vector<std::string> pieces = {
      "Kafka", "Argo CD", " and ", " an ", " a ", "and ", "& ", " & ", " &", ",", ", ", "、", "，", "と", "や",
      "。", "「", "ち", "な", "ゃ", "ＡＢ", "テスト", "を使って", "導入した", " ", "/", " / ", "A/B", "x", "1",
      "\xE3\x80", "\xEF\xBC", "\xE3", "band", "Sand", "Zorq"};
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 60);
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    for (std::size_t i = length(random); i > 0; --i) line += pieces[pick(random)];
    INFO("line: " << line);
    REQUIRE(FindSeparators(line) == FindSeparatorsPlain(line));
  }
}

}  // namespace kgx
