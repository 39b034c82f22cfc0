// Moves written the ways work journals and meeting decisions write them, read with the shipped rules: a tool left
// for one the notes "寄せた" (consolidated on), a target with something riding along after '+', and a target named
// as a decision ("移行先は Amazon EKS とする"), and the customer a vendor's account names after its colon as the mover.
// Positive and negative (plans, candidates, data flows), Japanese and English words. The notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::Relates;

// A talk's notes with one bullet, so that the talk is the subject of what the bullet states.
std::string TalkWith(const std::string& bullet) { return "# Notes\n\n## DAT301 - Platform story\n\n- " + bullet + "\n"; }

}  // namespace

TEST_CASE("a tool left for one the notes consolidated on is a move", "[move_phrasings]") {
  const std::string ja = TalkWith("監視は Zabbix をやめて Prometheus に寄せた");
  CHECK(Relates(ja, "<section> migrated_from technology/zabbix"));
  CHECK(Relates(ja, "<section> migrated_to technology/prometheus"));
  CHECK(Relates(TalkWith("Jaeger をやめて Grafana Tempo に寄せました"), "<section> migrated_to technology/tempo"));
  // negative: a plan is no move, and data put somewhere is no move either
  CHECK_FALSE(Relates(TalkWith("Jaeger をやめて Grafana Tempo に寄せる予定"), "<section> migrated_to technology/tempo"));
  CHECK_FALSE(Relates(TalkWith("ログは Kinesis から S3 に寄せた"), "<section> migrated_to aws_service/amazon-s3"));
}

TEST_CASE("a move's target with something riding along after a plus is still the target", "[move_phrasings]") {
  const std::string ja = TalkWith("Jenkins を捨てて GitHub Actions + self-hosted runner に移行");
  CHECK(Relates(ja, "<section> migrated_from technology/jenkins"));
  CHECK(Relates(ja, "<section> migrated_to technology/github-actions"));
  // negative: without a move verb, what rides along states no move
  CHECK_FALSE(Relates(TalkWith("Jenkins を捨てて GitHub Actions + self-hosted runner を試した"),
                      "<section> migrated_to technology/github-actions"));
}

TEST_CASE("a move's target named as a decision is the move's target", "[move_phrasings]") {
  CHECK(Relates(TalkWith("移行先は Amazon EKS とする"), "<section> migrated_to aws_service/amazon-eks"));
  CHECK(Relates(TalkWith("乗り換え先は Buildkite。"), "<section> migrated_to technology/buildkite"));
  CHECK(Relates(TalkWith("移行先: Kafka に決定"), "<section> migrated_to technology/kafka"));
  // negative: candidates, a choice still open and a plan are no decision
  CHECK_FALSE(Relates(TalkWith("移行先は Amazon Aurora か Spanner"), "<section> migrated_to aws_service/amazon-aurora"));
  CHECK_FALSE(Relates(TalkWith("移行先は Amazon ECS と Amazon EKS で悩んでいる"), "<section> migrated_to aws_service/amazon-ecs"));
  CHECK_FALSE(Relates(TalkWith("移行先は Cloud Run を検討"), "<section> migrated_to technology/google-cloud-run"));
}

TEST_CASE("a vendor's account of its customer makes the customer after the colon the mover", "[move_phrasings]") {
  const std::string ja = TalkWith("Stripe の事例: 株式会社ハシビロ銀行 は RabbitMQ から Kafka に移行した");
  CHECK(Relates(ja, "company/ハシビロ銀行 migrated_to technology/kafka"));
  CHECK_FALSE(Relates(ja, "company/stripe migrated_to technology/kafka"));
  CHECK(Relates(TalkWith("Stripe の発表: メルカリ は Jenkins から GitHub Actions に移行"),
                "company/mercari migrated_from technology/jenkins"));
  // negative: with no company after the colon the account stays the vendor's own
  CHECK(Relates(TalkWith("Stripe の事例: RabbitMQ から Kafka に移行"), "company/stripe migrated_to technology/kafka"));
}
