// Notes about one company (a case study, a company's engineering blog post): a title section
// that names the company makes it the subject of what the document's other sections say without
// one. Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

}  // namespace

TEST_CASE("a Japanese case study's company is the subject of its other sections", "[relations][document]") {
  const auto found = RelationsIn(
      "# 株式会社フクロウにおけるAmazon ECS導入事例\n\n"
      "## 背景\n\n配送システムは EC2 の上で動いていました。\n\n"
      "## 解決策\n\n- EC2からAmazon ECSへの移行を決めました\n- コンテナイメージはAmazon ECRに保存しています\n"
      "- ログはFluent Bitで収集しています\n\n## まとめ\n\n- Amazon Redshiftへの移行を検討中です\n");
  for (const char* relation : {"company/フクロウ uses aws_service/amazon-ecs",
                               "company/フクロウ migrated_from aws_service/amazon-ec2",
                               "company/フクロウ migrated_to aws_service/amazon-ecs",
                               "company/フクロウ uses aws_service/amazon-ecr",
                               "company/フクロウ uses technology/fluent-bit"}) {
    CHECK(found.count(relation) == 1);  // the title's own 'XにおけるYの導入', then the sections'
  }
  CHECK(found.count("company/フクロウ migrated_to aws_service/amazon-redshift") == 0);  // a plan
}

TEST_CASE("an English engineering blog post 'How we … at X' speaks for X", "[relations][document]") {
  const auto found = RelationsIn(
      "How we halved our build times at Quarrybank\n\nPosted by Odile Marchetti, Staff Engineer at Quarrybank\n\n"
      "What we did\n- We migrated from Jenkins to GitHub Actions.\n- Build artifacts are cached in Amazon S3.\n"
      "- We adopted Bazel for incremental builds.\n");
  for (const char* relation : {"company/quarrybank migrated_from technology/jenkins",
                               "company/quarrybank migrated_to technology/github-actions",
                               "company/quarrybank uses aws_service/amazon-s3",
                               "company/quarrybank uses technology/bazel",
                               "person/odile-marchetti role_at company/quarrybank"}) {
    CHECK(found.count(relation) == 1);
  }
}

TEST_CASE("a document whose title names no company leaves its other sections without a subject", "[relations][document]") {
  // the conference report's own sections: what a line says without a company stays nobody's
  const auto found = RelationsIn("re:Invent 2019 参加メモ\n\n所感\n\n- Lambdaを使ってみた。\n- ECSを採用した話が多い。\n");
  CHECK(found.empty());
  // talks keep their own subjects: the document's company is for its other sections only
  const auto talks = RelationsIn("株式会社フクロウにおけるAmazon ECS導入事例\n\nDAT303 - Deep Dive on Amazon Aurora\n"
                                 "- Auroraは epoll を使っている\n");
  CHECK(std::none_of(talks.begin(), talks.end(),
                     [](const std::string& r) { return r.find("フクロウ uses technology/epoll") != std::string::npos; }));
}

TEST_CASE("an interview's title names the company its answers speak for", "[relations][document]") {
  const auto found = RelationsIn(
      "「基盤は3年で3回作り直した」 ― 株式会社ソラノメ VPoEの中村 健太氏に聞く\n\n"
      "中村氏: 2021年にAmazon Redshiftへ移行しました。\n"
      "中村氏: 画像はAmazon S3に保存して、AWS Batchで推論しています。\n"
      "中村氏: 生成AIの活用を検討していて、Amazon Bedrockを評価中です。\n");
  for (const char* relation : {"person/中村-健太 role_at company/ソラノメ",
                               "company/ソラノメ migrated_to aws_service/amazon-redshift",
                               "company/ソラノメ uses aws_service/amazon-s3",
                               "company/ソラノメ uses aws_service/aws-batch"}) {
    CHECK(found.count(relation) == 1);
  }
  CHECK(found.count("company/ソラノメ uses aws_service/amazon-bedrock") == 0);  // being evaluated
}

TEST_CASE("a section's code is written in upper case: 'dat303-r1' is DAT303-R1, 'Ｄ２－０３' is D2-03", "[extractor]") {
  const auto result = kgx::testing::ExtractText("memo\n\ndat303-r1 deep dive on amazon aurora\n- x\n\n【Ｄ２－０３】 データ基盤\n- y\n");
  REQUIRE(result.sections.size() == 3);
  CHECK(result.sections[1].code == "DAT303-R1");
  CHECK(result.sections[1].title == "deep dive on amazon aurora");
  CHECK(result.sections[2].code == "D2-03");
}

TEST_CASE("a case study's architecture section: what its items name is the company's stack", "[relations][document]") {
  const auto english = RelationsIn(
      "# How Globex cut its data platform bill in half\n\n"
      "## Background\n\nGlobex, a logistics company, ran Hadoop on 400 nodes.\n\n"
      "## Architecture\n\n- Spark jobs on Amazon EMR write Parquet files to S3\n"
      "- Analysts query with Amazon Athena\n- Compared with Presto on EC2, Athena needs no cluster\n\n"
      "## Results\n\n- Batch window: from 6 hours to 40 minutes\n");
  for (const char* relation : {"company/globex uses aws_service/amazon-emr", "company/globex uses aws_service/amazon-s3",
                               "company/globex uses technology/spark", "company/globex uses aws_service/amazon-athena"}) {
    CHECK(english.count(relation) == 1);
  }
  CHECK(english.count("company/globex uses technology/presto") == 0);  // what it is compared with
  const auto japanese = RelationsIn(
      "# 株式会社フクロウにおける配送基盤の刷新事例\n\n## システム構成\n\n"
      "- APIはAmazon API GatewayとAWS Lambda\n- データはAmazon DynamoDBに保存\n"
      "- 以前はMySQLを使っていた\n- 将来的にはAmazon Aurora DSQLも検討\n");
  for (const char* relation : {"company/フクロウ uses aws_service/amazon-api-gateway", "company/フクロウ uses aws_service/aws-lambda",
                               "company/フクロウ uses aws_service/amazon-dynamodb"}) {
    CHECK(japanese.count(relation) == 1);
  }
  CHECK(japanese.count("company/フクロウ uses technology/mysql") == 0);                    // no longer
  CHECK(japanese.count("company/フクロウ uses aws_service/amazon-aurora-dsql") == 0);     // considered
  // a note that is about no company relates nothing from its architecture section
  const auto nobody = RelationsIn("# 勉強会メモ\n\n## Architecture\n\n- Spark jobs on Amazon EMR\n");
  CHECK(nobody.empty());
}

TEST_CASE("a company blog post whose author's intro names the company: the post is the company's", "[relations][document]") {
  const auto found = RelationsIn(
      "---\ntitle: \"MySQLからAuroraへの移行で学んだこと\"\n---\n\n"
      "株式会社ミナトロジクスのSREチームです。自前運用のMySQLからAmazon Aurora MySQLへの移行について書きます。\n\n"
      "## 背景\n\n当社の配送管理システムはEC2上のMySQL 5.7で動いていました。\n\n"
      "## 移行方針\n\n1. AWS DMSで継続的にレプリケーション\n");
  for (const char* relation : {"company/ミナトロジクス migrated_from technology/mysql", "company/ミナトロジクス migrated_to aws_service/amazon-aurora",
                               "company/ミナトロジクス uses aws_service/amazon-ec2",
                               "company/ミナトロジクス uses aws_service/aws-database-migration-service"}) {
    CHECK(found.count(relation) == 1);
  }
  // an event report's author works somewhere, but the report is about what others said
  const auto report = RelationsIn(
      "# AWS Summit Japan 2026 参加レポート\n\nこんにちは、株式会社ハルカゼのインフラチームの木村です。\n\n"
      "## 所感\n\n- Auroraへの移行が多かった印象\n- DMSで移行しているところが多い\n");
  CHECK(report.empty());
  // a post that reports talks is no company's either
  const auto talks = RelationsIn(
      "# メモ\n\n株式会社ハルカゼのインフラチームです。\n\n"
      "CUS-12 - 移行の裏側\n- 発表者: 佐藤 花子さん (株式会社ツバメナビ)\n\n## まとめ\n\n- DynamoDBで管理している\n");
  CHECK(talks.count("company/ハルカゼ uses aws_service/amazon-dynamodb") == 0);
}

TEST_CASE("a note about one talk: the company its speaker line speaks for is the subject of its notes", "[relations][document]") {
  const auto ja = RelationsIn(
      "# YouTube で観た talk メモ\n\n登壇者は Lumora の中の人、Staff Engineer の Daniel Okoye さん。動画は 42 分。\n\n"
      "## メモ\n\n07:45 2020 年に Kafka から Apache Pulsar に移行\n");
  CHECK(ja.count("<section> presented_by company/lumora") == 1);
  CHECK(ja.count("person/daniel-okoye role_at company/lumora") == 1);
  CHECK(ja.count("company/lumora migrated_from technology/kafka") == 1);
  CHECK(ja.count("company/lumora migrated_to technology/pulsar") == 1);
  const auto en = RelationsIn(
      "# Notes on a recorded talk\n\nThe speaker is a Staff Engineer at Lumora.\n\n"
      "## Notes\n\n- 07:45 In 2020 they moved from Kafka to Apache Pulsar\n");
  CHECK(en.count("company/lumora migrated_from technology/kafka") == 1);
  // a speaker line that names no company's people leaves the notes without a subject
  const auto none = RelationsIn(
      "# YouTube で観た talk メモ\n\n登壇者は Lumora について話した Daniel Okoye さん。\n\n"
      "## メモ\n\n07:45 2020 年に Kafka から Apache Pulsar に移行\n");
  CHECK(none.count("company/lumora migrated_from technology/kafka") == 0);
}
