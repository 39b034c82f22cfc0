// Statements of a talk's notes that the shipped rules read since they were missed in real notes:
// a service switched between its own modes, "X on Y で N …", what many companies do (no one's), a
// company's person with a role in parentheses, a social post's author. Whole extraction, positive and
// negative, Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

// A talk given by Hinoki Games; `line` is a bullet of its notes.
std::string Talk(const std::string& line) {
  return "# 参加メモ\n\n## Talk: キャパシティ設計の話\nSpeaker: Mara Quist (Hinoki Games)\n" + line + "\n";
}

bool Says(const std::string& line, const std::string& relation) {
  return RelationsIn(Talk(line)).count("company/hinoki-games " + relation) == 1;
}

}  // namespace

TEST_CASE("a service switched between its own modes is a use, not a migration", "[talk_statement_gaps]") {
  CHECK(Says("- Amazon DynamoDB を on-demand から provisioned + auto scaling に変更", "uses aws_service/amazon-dynamodb"));
  CHECK(Says("- Amazon EBS のボリュームを gp2 から gp3 に切り替え", "uses aws_service/amazon-ebs"));
  CHECK(Says("- We switched DynamoDB from on-demand to provisioned capacity.", "uses aws_service/amazon-dynamodb"));
  CHECK(Says("- Changed our Kinesis streams from provisioned to on-demand mode.", "uses aws_service/amazon-kinesis-streams"));
  // negative: a plan, a denial; a move between two services stays a migration, not a use of the first
  CHECK_FALSE(Says("- Amazon DynamoDB を on-demand から provisioned に変更する予定", "uses aws_service/amazon-dynamodb"));
  CHECK_FALSE(Says("- DynamoDB を on-demand から provisioned に変更はしていない", "uses aws_service/amazon-dynamodb"));
  CHECK_FALSE(Says("- We will switch DynamoDB from on-demand to provisioned.", "uses aws_service/amazon-dynamodb"));
  const std::set<std::string> moved = RelationsIn(Talk("- Redis を EC2 から ElastiCache に移行"));
  CHECK(moved.count("company/hinoki-games migrated_to aws_service/amazon-elasticache") == 1);
  CHECK(moved.count("company/hinoki-games uses aws_service/amazon-ec2") == 0);
}

TEST_CASE("a platform stack with a count after it is in use", "[talk_statement_gaps]") {
  CHECK(Says("- Amazon ECS on AWS Fargate で 300 サービス、タスク数はピーク時 4,200", "uses aws_service/amazon-ecs"));
  CHECK(Says("- Amazon ECS on AWS Fargate で 300 サービス、タスク数はピーク時 4,200", "uses aws_service/aws-fargate"));
  CHECK(Says("- Kafka on EKS. 12 brokers", "uses technology/kafka"));
  // negative: a wish about the stack, and a stack followed by no count
  CHECK_FALSE(Says("- うちも ECS on EC2 のままなので検討したい", "uses aws_service/amazon-ecs"));
  CHECK_FALSE(Says("- ECS on EC2 で検証してみたい", "uses aws_service/amazon-ecs"));
}

TEST_CASE("what many companies do is no statement of the speaker's company", "[talk_statement_gaps]") {
  CHECK_FALSE(Says("- AWS X-Ray から Grafana Tempo に乗り換えた会社が多い印象", "migrated_to technology/tempo"));
  CHECK_FALSE(Says("- AWS X-Ray から Grafana Tempo に乗り換えた会社が多い印象", "migrated_from aws_service/aws-x-ray"));
  CHECK_FALSE(Says("- Many companies moved from AWS X-Ray to Grafana Tempo.", "migrated_to technology/tempo"));
  CHECK_FALSE(Says("- Argo CD を使っているチームが多い", "uses technology/argo-cd"));
  // positive: the speaker's own move, and a company's count of its own teams is still its own
  CHECK(Says("- AWS X-Ray から Grafana Tempo に乗り換えた", "migrated_to technology/tempo"));
  CHECK(Says("- We moved from AWS X-Ray to Grafana Tempo.", "migrated_to technology/tempo"));
}

TEST_CASE("a company's person with a role in parentheses has that role there", "[talk_statement_gaps]") {
  const std::set<std::string> ja = RelationsIn("# 実況\n\n基調講演は Stripe の Emily Zhao さん (Head of Developer Infrastructure)\n");
  CHECK(ja.count("person/emily-zhao role_at company/stripe") == 1);
  const std::set<std::string> ja_cto = RelationsIn("# メモ\n\n- 株式会社ハヤブサ物流の森田 誠一さん（CTO）が登壇\n");
  CHECK(ja_cto.count("person/森田-誠一 role_at company/ハヤブサ物流") == 1);
  // negative: no role in the parentheses, or a role without a company
  CHECK(RelationsIn("# 実況\n\n基調講演は Stripe の Emily Zhao さん (オンライン参加)\n").count("person/emily-zhao role_at company/stripe") == 0);
  CHECK(RelationsIn("# メモ\n\n- Emily Zhao さん (Head of Developer Infrastructure) の話\n").empty());
}

TEST_CASE("a social post's head names its author", "[talk_statement_gaps][discovery]") {
  using kgx::testing::Has;
  CHECK(Has("# スレッド\n\nTomoko Hayashi @tomo_h_sre · 3月6日\nBazel の remote cache は?\n", "person:Tomoko Hayashi"));
  CHECK(Has("# Thread\n\nDaniel Okoye (@dokoye) · Mar 6\nGreat keynote\n", "person:Daniel Okoye"));
  CHECK(Has("# スレッド\n\n山田 太郎 @yamada_t · 2026-03-06\nいい話だった\n", "person:山田 太郎"));
  // negative: a lower-case nickname, and a name with a handle but no post date
  CHECK_FALSE(Has("# スレッド\n\nnagi (@nagi.bsky.social) · 2026-03-06 14:52\n", "person:nagi"));
  CHECK_FALSE(Has("# Notes\n\nPlatform Engineering @kaigi is next\n", "person:Platform Engineering"));
}
