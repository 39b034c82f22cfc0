// What a quantity measures: QuantityMeasures on its own (lines and names laid out by hand), then
// whole extraction with the shipped rules, in Japanese and English.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "extractor/quantity_measures.h"
#include "tests/extractor/extract_support.h"

namespace {

// The line begins at this offset of its document: names are given in document offsets.
constexpr std::size_t kLineBegin = 100;

// A line and its names, each name given by its text and entity (in order of the line).
struct Line {
  std::string text;
  std::vector<kgx::FoundName> names;

  Line(std::string t, const std::vector<std::pair<std::string, std::size_t>>& named) : text(std::move(t)) {
    std::size_t from = 0;
    for (const auto& [name, entity] : named) {
      const std::size_t at = text.find(name, from);
      REQUIRE(at != std::string::npos);
      names.push_back({kLineBegin + at, kLineBegin + at + name.size(), entity});
      from = at + name.size();
    }
  }

  // What the first amount written `amount` measures.
  kgx::Measure Of(const std::string& amount) const {
    const std::size_t at = text.find(amount);
    REQUIRE(at != std::string::npos);
    kgx::QuantityMeasures measures(text, kLineBegin, names);
    return measures.Of(at, at + amount.size());
  }
};

// What the first quantity whose text is `text` measures ("" for nothing, "?" when there is none).
std::string MeasuredBy(const std::string& note, const std::string& text) {
  for (const kgx::Quantity& q : kgx::testing::ExtractText(note).quantities) {
    if (q.text == text) return q.measures;
  }
  return "?";
}

}  // namespace

TEST_CASE("a quantity in a table row measures a name of its own cell, else of the first cell", "[quantity_measures]") {
  // Japanese: a sessions table; the speaker is in the next cell
  const Line session("| 11:30 | Aurora でコストを 4 割削減 | 林 美咲さん |", {{"Aurora", 1}, {"林 美咲", 2}});
  CHECK(session.Of("4 割").entity == std::optional<std::size_t>(1));
  const Line no_name_in_cell("| 14:00 | コストを 3 割削減 | 林 美咲さん |", {{"林 美咲", 2}});
  CHECK_FALSE(no_name_in_cell.Of("3 割").entity);
  // English: the first cell names the row's subject
  const Line costs("| AWS Lambda | $4,200 | $1,900 |", {{"AWS Lambda", 3}});
  CHECK(costs.Of("$4,200").entity == std::optional<std::size_t>(3));
  CHECK(costs.Of("$1,900").entity == std::optional<std::size_t>(3));
  const Line other_cell("| Monthly bill | $38,000 | Amazon S3 |", {{"Amazon S3", 4}});
  CHECK_FALSE(other_cell.Of("$38,000").entity);
}

TEST_CASE("a quantity in a table row without names measures nothing", "[quantity_measures]") {
  const Line ja("| 合計 | 120 万円 |", {});
  const kgx::Measure measure = ja.Of("120 万円");
  CHECK_FALSE(measure.part_of_name);
  CHECK_FALSE(measure.entity);
  CHECK_FALSE(Line("| Total | $120 |", {}).Of("$120").entity);
}

TEST_CASE("a quantity outside a table measures a name of its sentence, else of the one before", "[quantity_measures]") {
  // own sentence, nearest name: the one before wins over one of a later sentence
  const Line ja("Lambda のメモリは 1.5GB まで。長い処理は Step Functions でつなぐ", {{"Lambda", 5}, {"Step Functions", 6}});
  CHECK(ja.Of("1.5GB").entity == std::optional<std::size_t>(5));
  const Line en("Lambda memory tops out at 1.5GB. Chain longer jobs with Step Functions", {{"Lambda", 5}, {"Step Functions", 6}});
  CHECK(en.Of("1.5GB").entity == std::optional<std::size_t>(5));
  // the sentence before names the topic
  const Line before_ja("データストアは DynamoDB が中心。ピーク時は 1M writes/s を超える", {{"DynamoDB", 7}});
  CHECK(before_ja.Of("1M writes/s").entity == std::optional<std::size_t>(7));
  const Line before_en("The data store is DynamoDB. Peaks go over 1M writes/s", {{"DynamoDB", 7}});
  CHECK(before_en.Of("1M writes/s").entity == std::optional<std::size_t>(7));
  // never a name of a later sentence, nor of one two before
  CHECK_FALSE(Line("年間 8,000 万円ほど。ファイル連携は NFS でした", {{"NFS", 8}}).Of("8,000 万円").entity);
  CHECK_FALSE(Line("The licences cost $80,000 a year. Files went over NFS", {{"NFS", 8}}).Of("$80,000").entity);
  CHECK_FALSE(Line("CEO の Andy Jassy のキーノート。10:50 に終了。ほぼ3時間立ちっぱなし", {{"Andy Jassy", 9}}).Of("3時間").entity);
  // no name on the line
  CHECK_FALSE(Line("p99 は 2.3 秒", {}).Of("2.3 秒").entity);
}

TEST_CASE("a quantity measures the nearer of the names on both sides of it", "[quantity_measures]") {
  const Line ja("S3 より EBS が 20% 速い", {{"S3", 1}, {"EBS", 2}});
  CHECK(ja.Of("20%").entity == std::optional<std::size_t>(2));
  const Line en("costs $5 on EC2 while Fargate", {{"EC2", 3}, {"Fargate", 4}});
  CHECK(en.Of("$5").entity == std::optional<std::size_t>(3));
}

TEST_CASE("an amount a name begins with or holds is part of the name", "[quantity_measures]") {
  const Line ja("ルート53 の料金", {{"ルート53", 1}});
  const kgx::Measure in_name = ja.Of("53");
  CHECK(in_name.part_of_name);
  CHECK_FALSE(in_name.entity);
  CHECK(Line("37signals left the cloud", {{"37signals", 2}}).Of("37").part_of_name);
  // negative: an amount right after a name is measured, not swallowed
  const Line after("Route 53 で 100 件", {{"Route 53", 3}});
  CHECK_FALSE(after.Of("100 件").part_of_name);
  CHECK(after.Of("100 件").entity == std::optional<std::size_t>(3));
}

TEST_CASE("a quantity in a table row measures its own cell's name, never the speaker's", "[quantity_measures][table_cells]") {
  // Japanese: a sessions table; the speaker is in the next cell
  const std::string sessions = "# 参加レポート\n\n| 時間 | セッション | 登壇者 |\n|---|---|---|\n"
                               "| 11:30 | Aurora Serverless v2 でコストを 4 割削減 | 林 美咲さん (株式会社コトリ) |\n"
                               "| 14:00 | コストを 3 割削減した話 | 林 美咲さん (株式会社コトリ) |\n";
  CHECK(MeasuredBy(sessions, "4 割") == "aws_service/amazon-aurora");
  CHECK(MeasuredBy(sessions, "3 割").empty());
  // full-width bars and digits are a table row too, once normalized
  const std::string wide = "# 参加レポート\n\n｜ 時間 ｜ セッション ｜\n｜---｜---｜\n｜ １１:３０ ｜ Aurora Serverless v2 でコストを ４ 割削減 ｜\n";
  CHECK(MeasuredBy(wide, "４ 割") == "aws_service/amazon-aurora");
  // English: a before/after table whose first cell names the subject
  const std::string costs = "# Costs\n\n| Service | Before | After |\n|---|---|---|\n| AWS Lambda | $4,200 | $1,900 |\n"
                            "| Monthly bill | $38,000 | Amazon S3 |\n";
  CHECK(MeasuredBy(costs, "$4,200") == "aws_service/aws-lambda");
  CHECK(MeasuredBy(costs, "$1,900") == "aws_service/aws-lambda");
  CHECK(MeasuredBy(costs, "$38,000").empty());
  // negative: outside a table the nearest name on the line is measured as before
  CHECK(MeasuredBy("# メモ\n\nAurora Serverless v2 でコストを 4 割削減した。\n", "4 割") == "aws_service/amazon-aurora");
}

TEST_CASE("a quantity measures a name of its sentence or the one before, never of a later one", "[quantity_measures][sentence_span]") {
  CHECK(MeasuredBy("# メモ\n\n- 年間 8,000 万円ほど。ファイル連携は NFS でした\n", "8,000 万円") == "");
  CHECK(MeasuredBy("# Notes\n\n- The licences cost $80,000 a year. Files went over NFS\n", "$80,000 a year") == "");
  // nor of a sentence two before it
  CHECK(MeasuredBy("# メモ\n\n- CEO の Andy Jassy のキーノート。10:50 に終了。ほぼ3時間立ちっぱなし\n", "3時間") == "");
  // a name of its own sentence wins over the nearer one of another
  CHECK(MeasuredBy("# メモ\n\n- Lambda のメモリは 1.5GB まで。長い処理は Step Functions でつなぐ\n", "1.5GB") == "aws_service/aws-lambda");
  CHECK(MeasuredBy("# Notes\n\n- Lambda memory tops out at 1.5GB. Chain longer jobs with Step Functions\n", "1.5GB") ==
        "aws_service/aws-lambda");
  // the sentence before names the topic
  CHECK(MeasuredBy("# メモ\n\n- データストアは DynamoDB が中心。ピーク時は 1M writes/s を超える\n", "1M writes/s") ==
        "aws_service/amazon-dynamodb");
  CHECK(MeasuredBy("# Notes\n\n- The data store is DynamoDB. Peaks go over 1M writes/s\n", "1M writes/s") == "aws_service/amazon-dynamodb");
  CHECK(MeasuredBy("# メモ\n\nLambda の p99 は 2.3 秒\n", "2.3 秒") == "aws_service/aws-lambda");
}

TEST_CASE("a name in an aside that says what an amount includes is not what it measures", "[quantity_measures][inclusion_aside]") {
  // Japanese: the aside after the amounts names what the cost includes; no name is measured
  const Line ja("コストは月 $92,000 から $61,000 に削減(Savings Plans 込み)", {{"Savings Plans", 1}});
  CHECK_FALSE(ja.Of("$92,000").entity);
  CHECK_FALSE(ja.Of("$61,000").entity);
  // a name before the amount is measured, not the one in the aside
  const Line before("Amazon MSK の見積もり: $3,400/month(S3 ストレージ 2TB 含む)", {{"Amazon MSK", 2}, {"S3", 3}});
  CHECK(before.Of("$3,400").entity == std::optional<std::size_t>(2));
  // English
  CHECK_FALSE(Line("The bill fell to $61,000 a month (incl. Savings Plans)", {{"Savings Plans", 1}}).Of("$61,000").entity);
  CHECK_FALSE(Line("Total $5,000 (excluding Amazon S3)", {{"Amazon S3", 3}}).Of("$5,000").entity);
  // negative: an aside that names whose figure it is, and a name after a closed parenthesis
  CHECK(Line("p99 は 12ms (DynamoDB)", {{"DynamoDB", 4}}).Of("12ms").entity == std::optional<std::size_t>(4));
  CHECK(Line("p99 was 12ms (DynamoDB)", {{"DynamoDB", 4}}).Of("12ms").entity == std::optional<std::size_t>(4));
  CHECK(Line("$300 (込み) で Lambda", {{"Lambda", 5}}).Of("$300").entity == std::optional<std::size_t>(5));
  // whole extraction: the full-width parenthesis is an aside once normalized
  CHECK(MeasuredBy("# メモ\n\n- コストは月 $92,000 から $61,000 に削減（Savings Plans 込み）\n", "$61,000").empty());
  CHECK(MeasuredBy("# メモ\n\n- Lambda の月額は $1,200（Savings Plans 込み）\n", "$1,200") == "aws_service/aws-lambda");
}
