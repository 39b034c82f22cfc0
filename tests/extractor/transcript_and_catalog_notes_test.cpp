// Gaps a probe of a podcast transcript, a pasted session catalog and a Google Docs report found: turns of
// speech after people labels, trade words, wishes, uses said in speech, catalog Session IDs and speaker
// lines, numbered outline headings. Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/outline_number.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::SectionLines;

// Whether the sections of `text` include `line` ("line kind title [code]", as SectionLines writes it).
bool HasSection(const std::string& text, const std::string& line) {
  const std::vector<std::string> lines = SectionLines(ExtractText(text));
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// Whether `line`, under a case study's title, states `relation` of that company ("uses technology/x").
bool rel(const std::string& line, const std::string& relation) {
  return kgx::testing::Relates("# 株式会社カササギ旅行の事例\n\n" + line + "\n", "company/カササギ旅行 " + relation);
}

const std::string kCatalog =
    "AWS Summit Japan 2026 気になるセッション\n\n"
    "Building event-driven order pipelines with Amazon EventBridge\n"
    "Session ID: SVS401\n"
    "Session type: Breakout session\n"
    "Level: 400 - Expert\n"
    "Track: Serverless\n"
    "Speakers:\n"
    "Marcus Oyelaran, Staff Engineer, Brambleway\n"
    "Abstract:\n"
    "Brambleway moved from a self-managed RabbitMQ cluster to Amazon EventBridge.\n\n"
    "株式会社ヒタキ配送における Amazon Aurora への移行\n"
    "セッションID: CUS-12\n"
    "Session type: 事例セッション\n"
    "Speakers:\n"
    "三浦 大地\n";

}  // namespace

TEST_CASE("a session catalog's Session ID field names the code of the title above it", "[catalog_notes]") {
  CHECK(HasSection(kCatalog, "3 talk Building event-driven order pipelines with Amazon EventBridge [SVS401]"));
  CHECK(HasSection(kCatalog, "13 talk 株式会社ヒタキ配送における Amazon Aurora への移行 [CUS-12]"));
  // the catalog's fields are no headings, and no talks over the speaker label below them
  for (const std::string& line : SectionLines(ExtractText(kCatalog))) {
    CHECK(line.find("Session type") == std::string::npos);
    CHECK(line.find("Session ID") == std::string::npos);
  }
  // negative: a field of words, a bullet over the field, a field with no title line above it
  CHECK_FALSE(HasSection("# Notes\n\nSome title of a thing\nSession ID: see below\n\nText.\n",
                         "3 talk Some title of a thing"));
  CHECK(SectionLines(ExtractText("# Notes\n\n- a bullet item here\nSession ID: SVS401\n")).size() == 1);
}

TEST_CASE("a transcript's turn after a people label names no one", "[transcript_notes]") {
  // the host's questions: the first kanji run of a sentence is no name
  CHECK_FALSE(Has("# 文字起こし\n\n司会: 一気に移したんですか。\n", "person:一気"));
  CHECK_FALSE(Has("# 文字起こし\n\n司会: 今後やりたいことは？\n", "person:今後"));
  CHECK_FALSE(Has("# 文字起こし\n\nゲスト: 移行で一番しんどかったのは Kafka です。\n", "person:移行"));
  CHECK_FALSE(Has("# 文字起こし\n\nゲスト: 株式会社カササギ旅行の中川です。\n", "person:株式会社"));
  // the label's own name is still found, with an honorific, a parenthesis, a list or nothing after it
  CHECK(Has("# 文字起こし\n\n司会: 佐伯 真琴（インフラ雑談ラジオ）\n", "person:佐伯 真琴"));
  CHECK(Has("# 文字起こし\n\nゲスト: 中川蒼さん\n", "person:中川蒼"));
  CHECK(Has("# 文字起こし\n\n司会: 佐伯 真琴\n", "person:佐伯 真琴"));
  CHECK(Has("# 文字起こし\n\n登壇者: 吉岡 航平、村田 光\n", "person:吉岡 航平"));
  CHECK(Has("# Transcript\n\nHost: Laura Chen\n", "person:Laura Chen"));
}

TEST_CASE("a company's name keeps a trade word of travel or delivery", "[transcript_notes]") {
  CHECK(Has("# インタビュー\n\nゲスト: 株式会社カササギ旅行 SRE の中川さん\n", "company:カササギ旅行"));
  CHECK_FALSE(Has("# インタビュー\n\nゲスト: 株式会社カササギ旅行 SRE の中川さん\n", "company:カササギ"));
  CHECK(Has("# 事例\n\n- 株式会社ヒタキ配送 では MySQL を使っている\n", "company:ヒタキ配送"));
  // negative: a trade word after a blank is no part of the name
  CHECK(Has("# 事例\n\n- 株式会社ヒタキ 配送の話\n", "company:ヒタキ"));
  CHECK_FALSE(Has("# 事例\n\n- 株式会社ヒタキ 配送の話\n", "company:ヒタキ 配送"));
}

TEST_CASE("a family name right after a company's name is no part of a person's name", "[transcript_notes]") {
  const std::string ja = "# インフラ雑談ラジオ #38（ゲスト: 株式会社カササギ旅行 中川さん）\n\n本文です。\n";
  CHECK_FALSE(Has(ja, "person:旅行 中川"));
  const std::string en = "# Episode 38 (guest: Kasasagi Travel の山田 太郎さん)\n\nText.\n";
  CHECK(Has(en, "person:山田 太郎"));
  // a full name after a blank is still read whole
  CHECK(Has("# 文字起こし\n\n- 株式会社カササギ旅行 の 中川 蒼さん が話した\n", "person:中川 蒼"));
}

TEST_CASE("a company of two words after a speaker's job and a comma is no person", "[catalog_notes]") {
  // "Name, Job, Company" on a line of its own or after a speaker's label: the person patterns' "Job, Name" must not
  // take the company for a person
  const std::string line = "# Catalog\n\n## CUS-31 Fraud detection\n\nSpeakers:\nRahul Mehta, Principal Engineer, Tessellate Pay\n";
  CHECK(Has(line, "company:Tessellate Pay"));
  CHECK_FALSE(Has(line, "person:Tessellate Pay"));
  CHECK(kgx::testing::Relates(line, "person/rahul-mehta role_at company/tessellate-pay"));
  const std::string label = "# Notes\n\n## CUS-31 Fraud detection\n\nSpeaker: Rahul Mehta, Principal Engineer, Tessellate Pay\n\n"
                            "- Tessellate Pay uses Amazon Kinesis\n";
  CHECK(Has(label, "company:Tessellate Pay"));
  CHECK_FALSE(Has(label, "person:Tessellate Pay"));
  CHECK(kgx::testing::Relates(label, "company/tessellate-pay uses aws_service/amazon-kinesis"));
  const std::string ja = "# メモ\n\n## CUS-31 不正検知\n\n登壇者: Rahul Mehta, Staff Engineer, Tessellate Pay\n";
  CHECK(Has(ja, "company:Tessellate Pay"));
  // negative: a title and a name after it are still a person ("Vice President, Raju Gulabani"), and a job, a comma and a
  // name with no speaker's name before them stay as they were
  CHECK(Has("# Keynote\n\n- AWS の Vice President, Raju Gulabani が登壇\n", "person:Raju Gulabani"));
  CHECK_FALSE(Has("# Notes\n\nSpeaker: Principal Engineer, Tessellate Pay\n", "company:Tessellate Pay"));
}

TEST_CASE("a catalog's speaker line names the person, the job and the company", "[catalog_notes]") {
  const std::string en = "Catalog\n\nSpeakers:\nMarcus Oyelaran, Staff Engineer, Brambleway\n"
                         "Priyanka Desai, Director of SRE, Larkspur Analytics\n";
  CHECK(Has(en, "person:Marcus Oyelaran"));
  CHECK(Has(en, "company:Brambleway"));
  CHECK(Has(en, "company:Larkspur Analytics"));
  CHECK(kgx::testing::Relates(en, "person/marcus-oyelaran role_at company/brambleway"));
  const std::string ja = "カタログ\n\nSpeakers:\n石原 乃愛（株式会社ウミネコ証券 デジタル推進部 部長）\n";
  CHECK(Has(ja, "person:石原 乃愛"));
  CHECK(kgx::testing::Relates(ja, "person/石原-乃愛 role_at company/ウミネコ証券"));
  // the speaker's lines are no headings
  const std::string lines = "# カタログ\n\nSpeakers:\n石原 乃愛（株式会社ウミネコ証券 デジタル推進部 部長）\n"
                            "株式会社ヒタキ配送 プラットフォーム本部 データベースエンジニア\nAbstract:\n本文です。\n";
  CHECK(SectionLines(ExtractText(lines)).size() == 1);
  // a job written as an abbreviation or a title without エンジニア: two speakers under one label, no heading among them
  const std::string abbreviated = "# クラウド移行セッション\n\nスピーカー:\n山田 太郎\n株式会社サンプル SRE\n佐藤 花子\n"
                                  "株式会社テストワークス CTO\n本文です。\n";
  CHECK(SectionLines(ExtractText(abbreviated)).size() == 1);
  // negative: a company's name and a plain word after it, with a sentence under it, is still a heading
  CHECK(SectionLines(ExtractText("# メモ\n\n株式会社サンプル 移行記\n本文です。\n")).size() == 2);
  // negative: prose with commas, a list of tools, words that are no job, a phrase before the parenthesis
  CHECK_FALSE(Has("# Notes\n\nJane Doe, Staff Engineer, and the rest of the team\n", "company:and"));
  CHECK_FALSE(Has("# Notes\n\nKafka Streams, Flink Jobs, Spark\n", "company:Spark"));
  CHECK_FALSE(Has("# Notes\n\nTom Ito, Great Talk, Brambleway\n", "company:Brambleway"));
  CHECK_FALSE(Has("# メモ\n\n移行事例（株式会社ウミネコ証券 の話）\n", "person:移行事例"));
}

TEST_CASE("a wish said in a verb's -tai form in the same clause is no use", "[transcript_notes]") {
  const std::string title = "# 株式会社カササギ旅行の事例\n\n";
  CHECK_FALSE(kgx::testing::Relates(title + "- Karpenter を入れてノードのコストを下げたいのと、検証中です\n",
                                    "company/カササギ旅行 uses technology/karpenter"));
  CHECK_FALSE(kgx::testing::Relates(title + "- Istio を入れて通信を可視化したい\n", "company/カササギ旅行 uses technology/istio"));
  // what was done is a use, and a wish in the next clause leaves it one
  CHECK(kgx::testing::Relates(title + "- Karpenter を入れてノードのコストを下げた\n", "company/カササギ旅行 uses technology/karpenter"));
  CHECK(kgx::testing::Relates(title + "- Karpenter を入れて、次はコストを下げたい\n", "company/カササギ旅行 uses technology/karpenter"));
  // English: a want is no use, an adoption is
  CHECK_FALSE(kgx::testing::Relates(title + "- We want to adopt Karpenter next year.\n", "company/カササギ旅行 uses technology/karpenter"));
  CHECK(kgx::testing::Relates(title + "- We adopted Karpenter last year.\n", "company/カササギ旅行 uses technology/karpenter"));
}

TEST_CASE("uses and moves said in speech: the main one, code made with a tool, tools brought into one", "[transcript_notes]") {
  CHECK(rel("中川: 今は Amazon EKS がメインで、一部 Fargate です。", "uses aws_service/amazon-eks"));
  CHECK(rel("- DB は今 Aurora が中心です", "uses aws_service/amazon-aurora"));
  CHECK(rel("中川: あとは Terraform でインフラを全部コード化してます。", "uses technology/terraform"));
  CHECK(rel("- Flux から Argo CD に一本化した", "migrated_from technology/flux-cd"));
  CHECK(rel("- Flux から Argo CD に一本化した", "migrated_to technology/argo-cd"));
  // negative: a main topic of a talk is no use, a plan to bring tools into one is no move, nor code written about a tool
  CHECK_FALSE(rel("- 話題は Kubernetes がメインでした", "uses technology/kubernetes"));
  CHECK_FALSE(rel("- Flux から Argo CD に一本化する予定", "migrated_to technology/argo-cd"));
  CHECK_FALSE(rel("- Terraform をコード化するのは難しい", "uses technology/terraform"));
}

TEST_CASE("a part of the system said in speech is a use, a move told with 移しました a move", "[transcript_notes]") {
  CHECK(rel("中川: うちは基本 EKS なんですけど、一部 AWS Fargate です。", "uses aws_service/aws-fargate"));
  CHECK(rel("- 残りは Cloud Run でした。", "uses technology/google-cloud-run"));
  CHECK(rel("中川: 結局 Amazon MSK に移しました。", "migrated_to aws_service/amazon-managed-streaming-for-apache-kafka"));
  CHECK(rel("- ログ基盤は Grafana Loki へ移しました", "migrated_to technology/loki"));
  CHECK(rel("- ジョブは ECS から EKS に移しました。", "migrated_from aws_service/amazon-ecs"));
  CHECK(rel("- キューを RabbitMQ から Amazon SQS へ移した", "migrated_to aws_service/amazon-sqs"));
  // negative: a question, a denial; data put somewhere is a use, no move; a meeting or a person moved names no system
  CHECK_FALSE(rel("- 一部 Fargate ですか？", "uses aws_service/aws-fargate"));
  CHECK_FALSE(rel("- 一部 Fargate ではないです", "uses aws_service/aws-fargate"));
  CHECK(rel("- ログを S3 に移して集計している", "uses aws_service/amazon-s3"));
  CHECK_FALSE(rel("- ログを S3 に移して集計している", "migrated_to aws_service/amazon-s3"));
  CHECK_FALSE(rel("- Kubernetes の定例は来週に移しました", "migrated_to technology/kubernetes"));
  CHECK_FALSE(rel("- 田中さんを Kubernetes チームに移しました", "migrated_to technology/kubernetes"));
  CHECK_FALSE(rel("- Amazon MSK に移す予定", "migrated_to aws_service/amazon-managed-streaming-for-apache-kafka"));
}

TEST_CASE("a numbered outline's heading may be long and a keynote", "[outline_notes]") {
  const std::string report =
      "KubeCon Japan 2026 出張報告書\n\n"
      "1.2 聴講したセッション数\n"
      "3 日間で 11 セッション。\n"
      "2.1 Keynote: Kubernetes at 10 years and beyond\n"
      "登壇者: Chris Aniszczyk (CNCF CTO)\n"
      "CNCF のプロジェクト数は 200 を超えた。\n"
      "2.2.3 解決策\n"
      "Flux から Argo CD に一本化した。\n"
      "2.3 Cost optimization with Karpenter and spot instances\n"
      "Speaker: Sofie Lindahl, Platform Lead at Oakhurst Media\n"
      "Migrated to Karpenter.\n";
  CHECK(HasSection(report, "5 keynote Keynote: Kubernetes at 10 years and beyond"));
  CHECK(HasSection(report, "10 talk 2.3 Cost optimization with Karpenter and spot instances"));
  // the speaker lines below them are theirs, not the headings' above
  CHECK_FALSE(HasSection(report, "3 talk 1.2 聴講したセッション数"));
  CHECK_FALSE(HasSection(report, "8 talk 2.2.3 解決策"));
  CHECK(kgx::OpensWithOutlineNumber("2.3 Cost optimization"));
  CHECK(kgx::OpensWithOutlineNumber("2.3.1 背景"));
  CHECK(kgx::OpensWithOutlineNumber("1.1. Overview"));
  // negative: a measure, a single number, a version, five levels
  CHECK_FALSE(kgx::OpensWithOutlineNumber("1.5 times faster than the old cluster after we moved to Graviton"));
  CHECK_FALSE(kgx::OpensWithOutlineNumber("2. 聴講セッション"));
  CHECK_FALSE(kgx::OpensWithOutlineNumber("3.12 で動作確認"));
  CHECK_FALSE(kgx::OpensWithOutlineNumber("1.2.3.4.5 Title"));
  CHECK_FALSE(kgx::OpensWithOutlineNumber("100.5 Title"));
}

TEST_CASE("a catalog session's speakers present it, each with a role at the company", "[catalog_notes]") {
  const std::string en = "Catalog\n\nScaling observability for 3,000 microservices\nSession ID: COP305\nLevel: 300 - Advanced\n"
                         "Speakers:\nPriyanka Desai, Director of SRE, Larkspur Analytics\nAbstract:\n"
                         "Larkspur Analytics runs more than 3,000 microservices on Amazon EKS.\n";
  CHECK(kgx::testing::Relates(en, "<section> presented_by company/larkspur-analytics"));
  CHECK(kgx::testing::Relates(en, "person/priyanka-desai role_at company/larkspur-analytics"));
  // a Japanese speaker's name alone on its line, over the company's line, is no heading: the abstract stays the talk's
  const std::string ja = "カタログ\n\n株式会社ヒタキ配送における Aurora への移行\nSession ID: CUS-12\nSpeakers:\n三浦 大地\n"
                         "株式会社ヒタキ配送 プラットフォーム本部 データベースエンジニア\nAbstract:\nヒタキ配送では MySQL から Aurora に移行しました。\n";
  CHECK(SectionLines(ExtractText(ja)).size() == 2);
  CHECK(kgx::testing::Relates(ja, "company/ヒタキ配送 migrated_from technology/mysql"));
  // negative: a line of prose with two commas names no role, and a heading in Japanese with no blank stays one
  CHECK_FALSE(kgx::testing::Relates("# Notes\n\nPriyanka Desai, who spoke first, Larkspur Analytics\n",
                                    "person/priyanka-desai role_at company/larkspur-analytics"));
  CHECK(SectionLines(ExtractText("# メモ\n\n障害対応\n\n本文です。\n")).size() == 2);
}

TEST_CASE("an honorific before a speaker's parenthesis is no part of the name", "[catalog_notes]") {
  const std::string ja = "# レポート\n\n・登壇: 鈴木 花子氏（株式会社ツバメナビ インフラ部）\n";
  CHECK(Has(ja, "person:鈴木 花子"));
  CHECK_FALSE(Has(ja, "person:鈴木 花子氏"));
  CHECK(Has("# レポート\n\n石原 乃愛（株式会社ウミネコ証券 デジタル推進部 部長）\n", "person:石原 乃愛"));
}

TEST_CASE("a session catalog's code field may be labelled as catalogs number sessions", "[catalog_notes]") {
  CHECK(HasSection("# Picks\n\nBuilding pipelines with Amazon EventBridge\nSession No.: SVS401\nTrack: Serverless\n",
                   "3 talk Building pipelines with Amazon EventBridge [SVS401]"));
  CHECK(HasSection("# 気になる講演\n\nRust でつくる高速 API サーバー\n講演番号: AP-21\n",
                   "3 talk Rust でつくる高速 API サーバー [AP-21]"));
  CHECK(HasSection("# 気になる講演\n\nKubernetes 運用の自動化\nセッションNo.：K8S-07\n",
                   "3 talk Kubernetes 運用の自動化 [K8S-07]"));
  // negative: a bare "Code:" is an error's or a coupon's as often (no talk), a number alone is no code
  CHECK_FALSE(HasSection("# 障害メモ\n\nAccessDenied エラーが出た\nCode: AD403\n", "3 talk AccessDenied エラーが出た [AD403]"));
  CHECK_FALSE(HasSection("# Picks\n\nBuilding pipelines with Amazon EventBridge\nSession No.: 3\n",
                         "3 talk Building pipelines with Amazon EventBridge"));
}

TEST_CASE("a numbered outline's talk keeps its deeper numbered sub-headings", "[outline_notes]") {
  const std::string report =
      "AWS re:Invent 2025 参加報告書\n\n"
      "2.1 Keynote: Matt Garman\n"
      "Amazon Bedrock の新機能が発表された。\n\n"
      "2.2 Cost optimization with Karpenter at Brightcart\n"
      "Speaker: Jane Doe, SRE Lead at Brightcart\n"
      "2.2.1 概要\n"
      "Brightcart は Karpenter を使い、スポットの比率を上げた。\n"
      "2.2.2 所感\n"
      "うちでも Karpenter を試したい。\n\n"
      "2.3 Amazon Aurora Limitless Database の内部構造\n"
      "登壇者: 山田 太郎（株式会社サンプル）\n"
      "2.3.1 Overview\n"
      "The speaker explained how Aurora Limitless shards data.\n"
      "2.3.2 Deep dive\n"
      "Speaker: Kevin Park, Principal Engineer at Ridgeline\n"
      "Routers hold no data.\n"
      "3.1 まとめ\n"
      "来年も参加したい。\n";
  const std::vector<std::string> sections = SectionLines(ExtractText(report));
  CHECK(HasSection(report, "6 talk 2.2 Cost optimization with Karpenter at Brightcart"));
  CHECK(HasSection(report, "13 talk 2.3 Amazon Aurora Limitless Database の内部構造"));
  for (const std::string& line : sections) {
    CHECK(line.find("2.2.1 概要") == std::string::npos);
    CHECK(line.find("2.2.2 所感") == std::string::npos);
    CHECK(line.find("2.3.1 Overview") == std::string::npos);
  }
  // negative: a numbered heading as shallow ends the talk, and a deeper one with its own speaker is a talk of its own
  CHECK(HasSection(report, "17 talk 2.3.2 Deep dive"));
  CHECK(HasSection(report, "20 other 3.1 まとめ"));
  // without an outline number the talk ends where prose follows a heading, as before
  const std::string plain =
      "Notes\n\nCost optimization with Karpenter\nSpeaker: Jane Doe, SRE Lead at Brightcart\n概要\nBrightcart は Karpenter を使う。\n";
  CHECK(HasSection(plain, "5 other 概要"));
}
