// Notes written on a phone at a conference (emoji, full-width letters, a keynote's announcements) and
// Zenn/Qiita articles that report one company's case: whole extraction with the shipped rules,
// positive and negative cases in Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::RelationsIn;
using kgx::testing::SectionTitles;

bool HasKeynote(const std::string& text, const std::string& title) {
  for (const kgx::Section& s : ExtractText(text).sections) {
    if (s.title == title) return s.kind == kgx::SectionKind::kKeynote;
  }
  return false;
}

}  // namespace

TEST_CASE("a sentence ending with an emoji, two sentences and an arrow's remark are no headings", "[phone_notes]") {
  const auto ja = SectionTitles(
      "re:Invent メモ\n今日もMGMから歩いた。歩数 2万歩😇\n\n回ったブース 🎪\n・Datadog\n→ ステッカー 12枚ゲット👕\n\n"
      "所感\n明日は Werner のキーノート。朝7時に並ぶ予定⏰\n");
  CHECK(ja.count("今日もMGMから歩いた。歩数 2万歩😇") == 0);
  CHECK(ja.count("→ ステッカー 12枚ゲット👕") == 0);
  CHECK(ja.count("明日は Werner のキーノート。朝7時に並ぶ予定⏰") == 0);
  // a short title keeps its emoji and stays a heading
  CHECK(ja.count("回ったブース 🎪") == 1);
  CHECK(ja.count("所感") == 1);
  const auto en = SectionTitles("Day 3 notes\n\nBooths visited 🎪\n- Datadog\n\nThanks for reading!🙏\n=> watch the video later\n");
  CHECK(en.count("Thanks for reading!🙏") == 0);
  CHECK(en.count("=> watch the video later") == 0);
  CHECK(en.count("Booths visited 🎪") == 1);
  // two English sentences on a line, the last one unended, are no title either
  const auto two = SectionTitles("Day 3 notes\n\nWe moved to EKS. It was hard\n\nWent to the expo. Got stickers\n\nKeynote recap\n- fast\n");
  CHECK(two.count("We moved to EKS. It was hard") == 0);
  CHECK(two.count("Went to the expo. Got stickers") == 0);
  CHECK(two.count("Keynote recap") == 1);
  // negative: an abbreviation's point or a short title with a point stays a heading
  const auto titles = SectionTitles("Day 3 notes\n\nSt. Louis Office\n\nnotes follow.\n\nAurora vs. Spanner\n\nmore notes.\n");
  CHECK(titles.count("St. Louis Office") == 1);
  CHECK(titles.count("Aurora vs. Spanner") == 1);
}

TEST_CASE("a keynote written キーノート announces what its New! and 発表: lines name", "[phone_notes]") {
  const std::string ja = "re:Invent 2025 メモ\n\n■ キーノート（Ｄｒ．Ｓｗａｍｉ）\n発表: Ａｍａｚｏｎ Ｓ３ Ｖｅｃｔｏｒｓ がＧＡ🎉\n"
                         "New! Amazon Bedrock AgentCore\n・速い\n";
  CHECK(HasKeynote(ja, "キーノート（Ｄｒ．Ｓｗａｍｉ）"));
  const auto ja_rel = RelationsIn(ja);
  CHECK(ja_rel.count("<section> announced aws_service/amazon-s3") == 1);
  CHECK(ja_rel.count("<section> announced aws_service/amazon-bedrock-agentcore") == 1);
  CHECK(ja_rel.count("<section> presented_by person/swami-sivasubramanian") == 1);
  // the announcements are lines of the keynote, not headings of their own
  CHECK(SectionTitles(ja).count("New! Amazon Bedrock AgentCore") == 0);
  const std::string en = "re:Invent 2025 notes\n\n■ Keynote (Dr. Swami)\nNEW: Amazon Aurora DSQL\nLaunch: Amazon S3 Vectors\n";
  CHECK(HasKeynote(en, "Keynote (Dr. Swami)"));
  CHECK(RelationsIn(en).count("<section> announced aws_service/amazon-aurora-dsql") == 1);
  // negative: a sentence about the keynote is none, a talk's code before New! keeps it a talk, and
  // "swami" in lower case names nobody
  CHECK_FALSE(HasKeynote("メモ\n\nキーノートは長かった\n- 眠い\n", "キーノートは長かった"));
  const kgx::DocumentResult talk = ExtractText("メモ\n\n(BDT320) New! Streaming Data Flows with Amazon Kinesis Firehose\n- 速い\n");
  REQUIRE(talk.sections.size() == 2);
  CHECK(talk.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(talk.sections[1].code == "BDT320");
  CHECK(kgx::testing::EntitiesIn("# Notes\n\nthe swami of the yoga class was there\n").count("person:Swami Sivasubramanian") == 0);
  CHECK(kgx::testing::EntitiesIn("# Notes\n\nSwami on stage\n").count("person:Swami Sivasubramanian") == 1);
}

TEST_CASE("an article titled by a company's case is that company's, in Japanese and English", "[article_notes]") {
  const std::string body = "\n## やったこと\n\n- データ移行は AWS DMS で実施\n";
  const auto ja = RelationsIn("---\ntitle: \"株式会社ツグミクラウドの「オンプレ Oracle から Aurora へ」移行事例を聞いてきた\"\n---\n" + body);
  CHECK(ja.count("company/ツグミクラウド uses aws_service/aws-database-migration-service") == 1);
  const auto en = RelationsIn("# Notes on Mercari's Kubernetes migration case study\n\n## What they did\n\n- Deployments are built with Argo CD\n");
  CHECK(en.count("company/mercari uses technology/argo-cd") == 1);
  // negative: a case that names no company, a company's page that is no case
  CHECK(RelationsIn("---\ntitle: \"Oracle から Aurora への移行事例を聞いてきた\"\n---\n" + body).empty());
  CHECK(RelationsIn("---\ntitle: \"株式会社ツグミクラウドの採用情報\"\n---\n" + body).empty());
  CHECK(RelationsIn("# Notes on Kubernetes migration case studies\n\n## What they did\n\n- Deployments are built with Argo CD\n").empty());
  CHECK(RelationsIn("# Mercari's hiring page\n\n## What they did\n\n- Deployments are built with Argo CD\n").empty());
}

TEST_CASE("data put somewhere else after dropping a store is a move, and X で実施 is a use", "[article_notes]") {
  const std::string head = "# 株式会社ツグミクラウドにおけるデータ基盤移行\n\n## やったこと\n\n";
  const auto moved = RelationsIn(head + "- ファイル連携は NFS をやめて Amazon S3 に置き、毎晩同期\n- 検証は AWS DMS で実施\n");
  CHECK(moved.count("company/ツグミクラウド migrated_from technology/nfs") == 1);
  CHECK(moved.count("company/ツグミクラウド migrated_to aws_service/amazon-s3") == 1);
  CHECK(moved.count("company/ツグミクラウド uses aws_service/amazon-s3") == 1);
  CHECK(moved.count("company/ツグミクラウド uses aws_service/aws-database-migration-service") == 1);
  // negative: a plan to replace is no use, nor is what was not done with it
  const auto plans = RelationsIn(head + "- Redis をやめて Memcached に置き換える予定\n- 検証は AWS DMS で実施しなかった\n");
  CHECK(plans.count("company/ツグミクラウド uses technology/memcached") == 0);
  CHECK(plans.count("company/ツグミクラウド uses aws_service/aws-database-migration-service") == 0);
  // English: the same move, told with from … to
  const auto en = RelationsIn("# How Mercari cut its storage bill\n\n## What we did\n\n- We moved from NFS to Amazon S3\n");
  CHECK(en.count("company/mercari migrated_from technology/nfs") == 1);
  CHECK(en.count("company/mercari migrated_to aws_service/amazon-s3") == 1);
}
