// What a postmortem or an ops note states without a use verb: capacity added to a service, a tool's
// alarm that watches something, servers moved onto a platform. Whole extraction with the shipped
// rules, positive and negative, Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

// "subject predicate object" for every relation of the document.
std::set<std::string> RelationsOf(const std::string& text) {
  const kgx::DocumentResult result = kgx::testing::ExtractText(text);
  std::set<std::string> out;
  for (const kgx::Relation& r : result.relations) out.insert(r.subject + " " + r.predicate + " " + r.object);
  return out;
}

// A company's postmortem: the author's intro makes the company the subject of its other sections.
std::string Postmortem(const std::string& line) {
  return "# ポストモーテム: 決済APIの遅延\n\n株式会社ツグミペイ SREチームの社内向けポストモーテムです。\n\n## 対応\n" + line + "\n";
}

constexpr const char* kUses = "company/ツグミペイ uses ";

}  // namespace

TEST_CASE("capacity added to or taken from a service is capacity of one in use", "[capacity_relations]") {
  CHECK(RelationsOf(Postmortem("- 14:38 改善せず。Auroraのリーダーインスタンスを2台追加")).count(std::string(kUses) + "aws_service/amazon-aurora") == 1);
  CHECK(RelationsOf(Postmortem("- 14:20 ECSサービスのタスク数を 24 → 48 にスケールアウト")).count(std::string(kUses) + "aws_service/amazon-ecs") == 1);
  CHECK(RelationsOf(Postmortem("- ステージング用のEKSクラスタを 12 → 5 に集約")).count(std::string(kUses) + "aws_service/amazon-eks") == 1);
  CHECK(RelationsOf(Postmortem("- At 14:38 we added two Aurora reader instances.")).count(std::string(kUses) + "aws_service/amazon-aurora") == 1);
  CHECK(RelationsOf(Postmortem("- We scaled out the ECS service to 48 tasks.")).count(std::string(kUses) + "aws_service/amazon-ecs") == 1);
  // negative: a plan, a denial, a customer's cluster, a service named without capacity
  CHECK(RelationsOf(Postmortem("- 来期にEKSクラスタを追加する予定")).count(std::string(kUses) + "aws_service/amazon-eks") == 0);
  CHECK(RelationsOf(Postmortem("- Auroraのインスタンスは追加していない")).count(std::string(kUses) + "aws_service/amazon-aurora") == 0);
  CHECK(RelationsOf(Postmortem("- お客様のEKSクラスタを 12 → 5 に集約")).count(std::string(kUses) + "aws_service/amazon-eks") == 0);
  CHECK(RelationsOf(Postmortem("- Amazon added new Aurora features this week.")).count(std::string(kUses) + "aws_service/amazon-aurora") == 0);
}

TEST_CASE("a tool's alarm or dashboard that watches something is the tool in use", "[capacity_relations]") {
  CHECK(RelationsOf(Postmortem("- Amazon CloudWatch のアラームで ClientConnections を監視")).count(std::string(kUses) + "aws_service/amazon-cloudwatch") == 1);
  CHECK(RelationsOf(Postmortem("- Grafana のダッシュボードで接続数を可視化した")).count(std::string(kUses) + "technology/grafana") == 1);
  // negative: a talk about the tool is no use of it, nor is a denial
  CHECK(RelationsOf(Postmortem("- Amazon CloudWatch のアラームでは監視していなかった")).count(std::string(kUses) + "aws_service/amazon-cloudwatch") == 0);
  CHECK(RelationsOf(Postmortem("- Amazon CloudWatch の話で盛り上がった")).count(std::string(kUses) + "aws_service/amazon-cloudwatch") == 0);
}

TEST_CASE("servers moved onto a platform: に寄せる, consolidated onto", "[capacity_relations]") {
  CHECK(RelationsOf(Postmortem("- サーバー台数 40 → 12（Graviton に寄せる）")).count(std::string(kUses) + "aws_service/aws-graviton") == 1);
  CHECK(RelationsOf(Postmortem("- We consolidated the batch servers onto Graviton.")).count(std::string(kUses) + "aws_service/aws-graviton") == 1);
  CHECK(RelationsOf(Postmortem("- We standardised on Terraform.")).count(std::string(kUses) + "technology/terraform") == 1);
  // negative: another company that moved, a course not yet taken
  CHECK(RelationsOf(Postmortem("- Kinesis に寄せた会社の話を聞いた")).count(std::string(kUses) + "aws_service/amazon-kinesis") == 0);
  CHECK(RelationsOf(Postmortem("- バッチは Fargate に寄せていく方針")).count(std::string(kUses) + "aws_service/aws-fargate") == 0);
}
