// Marked lines (relation_marking.h): the markers RelationRules writes for a line's mentions, read
// back by index and type, and the phrase around a marker that @unless looks at.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "extractor/relation_marking.h"

namespace {

using kgx::EntityType;

const std::string kOpen(kgx::kMarkerOpen);
const std::string kClose(kgx::kMarkerClose);

std::string Marker(char letter, int index) { return kOpen + letter + std::to_string(index) + kClose; }

}  // namespace

TEST_CASE("a marked line holds one marker per mention, read back by index and type", "[relations][marking]") {
  const std::string line = "NetflixはKafkaとFlinkを使う";  // Netflix 0-7, Kafka 10-15, Flink 18-23
  kgx::MarkedLine marked;
  kgx::MarkLineInto(line, {{0, 7, EntityType::kCompany}, {10, 15, EntityType::kTechnology}, {18, 23, EntityType::kTechnology}},
                    marked);
  CHECK(marked.text == Marker('c', 0) + "は" + Marker('t', 1) + "と" + Marker('t', 2) + "を使う");
  REQUIRE(marked.markers.size() == 3);
  CHECK(kgx::MarkerIndex(std::string_view(marked.text).substr(marked.markers[2].begin)) == 2);
  CHECK(kgx::MarkersIn(marked.text, "t") == std::vector<int>{1, 2});
  CHECK(kgx::MarkersIn(marked.text, "ca") == std::vector<int>{0});
  CHECK(kgx::MarkersIn(marked.text, "p").empty());
  CHECK(kgx::TypesFrom(marked, 0) == (kgx::TypeBit(EntityType::kCompany) | kgx::TypeBit(EntityType::kTechnology)));
  CHECK(kgx::TypesFrom(marked, 1) == kgx::TypeBit(EntityType::kTechnology));
  CHECK(kgx::TypesFrom(marked, 3) == 0);
  const auto [begin, end] = kgx::MarkerRange(marked, 1);
  CHECK(marked.text.substr(begin, end - begin) == Marker('t', 1));
}

TEST_CASE("a mention overlapping an earlier one gets no marker, and reused buffers start clean", "[relations][marking]") {
  kgx::MarkedLine marked;
  kgx::MarkLineInto("Amazon S3 on AWS", {{0, 9, EntityType::kAwsService}, {7, 9, EntityType::kTechnology}}, marked);
  CHECK(marked.text == Marker('a', 0) + " on AWS");
  CHECK(kgx::MarkerRange(marked, 1).first == std::string::npos);
  CHECK(kgx::MarkerRange(marked, 5).first == std::string::npos);
  kgx::MarkLineInto("Lyft", {{0, 4, EntityType::kCompany}}, marked);
  CHECK(marked.text == Marker('c', 0));
  CHECK(marked.markers.size() == 1);
}

TEST_CASE("marker characters already in a line cannot pose as a mention", "[relations][marking]") {
  kgx::MarkedLine marked;
  kgx::MarkLineInto(kOpen + "t7" + kClose + " Kafka", {{9, 14, EntityType::kTechnology}}, marked);
  CHECK(marked.text == "\xEF\xBF\xBDt7\xEF\xBF\xBD " + Marker('t', 0));
  CHECK(kgx::MarkersIn(marked.text, "t") == std::vector<int>{0});
  // Also after a mention, in the line's last piece of text.
  kgx::MarkLineInto("Kafkaを使う " + kClose + "c1", {{0, 5, EntityType::kTechnology}}, marked);
  CHECK(marked.text == Marker('t', 0) + "を使う \xEF\xBF\xBD" "c1");
  CHECK(kgx::MarkersIn(marked.text, "c").empty());
}

TEST_CASE("the phrase around a marker ends at Japanese and English punctuation", "[relations][marking]") {
  kgx::MarkedLine marked;
  // 以前はRedisを検証、現在はKafkaを本番で使う。 : the phrase of Kafka is from after 、 to 。
  const std::string japanese = "以前はRedisを検証、現在はKafkaを本番で使う。次へ";
  const std::size_t kafka = japanese.find("Kafka");
  kgx::MarkLineInto(japanese, {{9, 14, EntityType::kTechnology}, {kafka, kafka + 5, EntityType::kTechnology}}, marked);
  auto [begin, end] = kgx::MarkerRange(marked, 1);
  CHECK(kgx::PhraseAround(marked, begin, end) == "現在は" + Marker('t', 1) + "を本番で使う。");
  // A '.' ends a sentence only before a space: "Node.js" stays one phrase.
  const std::string english = "We tried Go. Then Node.js and Deno, later.";
  const std::size_t deno = english.find("Deno");
  kgx::MarkLineInto(english, {{deno, deno + 4, EntityType::kTechnology}}, marked);
  std::tie(begin, end) = kgx::MarkerRange(marked, 0);
  CHECK(kgx::PhraseAround(marked, begin, end) == " Then Node.js and " + Marker('t', 0) + ",");
}

TEST_CASE("phrase ends are found wherever they stand in a long line, brackets are none", "[relations][marking]") {
  kgx::MarkedLine marked;
  // 。 starts at byte 15, across the first sixteen bytes' edge; 「」 (E3 80 8C, E3 80 8D) end nothing.
  const std::string line = "abcdefghijklmno。「Kafka」を使う? Then Rust! Later";
  const std::size_t kafka = line.find("Kafka");
  const std::size_t rust = line.find("Rust");
  kgx::MarkLineInto(line, {{kafka, kafka + 5, EntityType::kTechnology}, {rust, rust + 4, EntityType::kTechnology}}, marked);
  auto [begin, end] = kgx::MarkerRange(marked, 0);
  CHECK(kgx::PhraseAround(marked, begin, end) == "「" + Marker('t', 0) + "」を使う?");
  std::tie(begin, end) = kgx::MarkerRange(marked, 1);
  CHECK(kgx::PhraseAround(marked, begin, end) == " Then " + Marker('t', 1) + "!");
  // Without punctuation the phrase is the whole line, however long.
  const std::string plain = "ここではずっと長い説明のあとでPostgresを使う話をする";
  const std::size_t postgres = plain.find("Postgres");
  kgx::MarkLineInto(plain, {{postgres, postgres + 8, EntityType::kTechnology}}, marked);
  std::tie(begin, end) = kgx::MarkerRange(marked, 0);
  CHECK(kgx::PhraseAround(marked, begin, end) == marked.text);
}
