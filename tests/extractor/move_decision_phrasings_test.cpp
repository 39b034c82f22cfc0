// Moves as work journals and meeting decisions write them (shipped rules): "X をやめて Y に寄せた", a target with "+ …"
// riding along, "移行先は Y とする", a vendor's account whose customer after the colon is the mover, and tools no list
// knew (Grafana Cloud, OpenTofu, Keycloak, Opsgenie, Pyroscope, …). Positive and negative (plans, candidates, data flows,
// everyday words). Our own notes.
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

TEST_CASE("Grafana Cloud, OpenTofu and Keycloak are tools of their own", "[move_phrasings]") {
  const std::string ja = TalkWith("株式会社ツクシ物流は Prometheus から Grafana Cloud に移行済み");
  CHECK(Relates(ja, "company/ツクシ物流 migrated_to technology/grafana-cloud"));
  CHECK(Relates(TalkWith("Terraform から OpenTofu に移行した"), "<section> migrated_to technology/opentofu"));
  CHECK(Relates(TalkWith("Keycloak から Amazon Cognito に移行した"), "<section> migrated_from technology/keycloak"));
  // negative: Grafana alone is the dashboard, and Grafana Cloud is not Grafana
  CHECK_FALSE(Relates(ja, "company/ツクシ物流 migrated_to technology/grafana"));
  CHECK(kgx::testing::Has(TalkWith("Grafana のダッシュボードを見る"), "technology:Grafana"));
  CHECK_FALSE(kgx::testing::Has(TalkWith("We ate tofu at the venue"), "technology:OpenTofu"));
}

TEST_CASE("on-call, profiling, IaC and runtime tools are tools of their own", "[move_phrasings]") {
  CHECK(Relates(TalkWith("PagerDuty から Opsgenie に移行した"), "<section> migrated_to technology/opsgenie"));
  CHECK(Relates(TalkWith("We moved from VictorOps to FireHydrant last year"), "<section> migrated_to technology/firehydrant"));
  CHECK(Relates(TalkWith("プロファイリングは Pyroscope を使っている"), "<section> uses technology/grafana-pyroscope"));
  CHECK(kgx::testing::Has(TalkWith("Terraform の PR は Atlantis で apply している"), "technology:Atlantis"));
  CHECK(kgx::testing::Has(TalkWith("Dapr と Hasura を試した"), "technology:Dapr"));
  CHECK(kgx::testing::Has(TalkWith("Statuspage と Checkly で外形監視"), "technology:Checkly"));
  // negative: the everyday words and names stay out without another tool on the line
  CHECK_FALSE(kgx::testing::Has(TalkWith("The Lost City of Atlantis was the keynote's joke"), "technology:Atlantis"));
  CHECK_FALSE(kgx::testing::Has(TalkWith("Parca の話が面白かった"), "technology:Parca"));
}

TEST_CASE("cluster lifecycle, cost and eBPF observability tools are tools of their own", "[move_phrasings]") {
  CHECK(kgx::testing::Has(TalkWith("Cilium と Hubble でフローを可視化"), "technology:Hubble"));
  CHECK(Relates(TalkWith("クラスタの作成は Cluster API で自動化している"), "<section> uses technology/cluster-api"));
  CHECK(kgx::testing::Has(TalkWith("Kubecost から OpenCost に移行した"), "technology:OpenCost"));
  CHECK(kgx::testing::Has(TalkWith("We tried Beyla with Grafana Tempo for traces"), "technology:Grafana Beyla"));
  // negative: the telescope and a person's name stay out without another tool on the line
  CHECK_FALSE(kgx::testing::Has(TalkWith("Hubble の写真がきれいだった"), "technology:Hubble"));
  CHECK_FALSE(kgx::testing::Has(TalkWith("Beyla さんの発表が良かった"), "technology:Grafana Beyla"));
}

TEST_CASE("a choice after a line that settled the move's target is a use, not the move", "[move_phrasings]") {
  const std::string ja = "# Notes\n\n## DAT301 - Platform story\n\n- 移行先は Amazon EKS とする\n- サービスメッシュは Linkerd を採用\n";
  CHECK(Relates(ja, "<section> migrated_to aws_service/amazon-eks"));
  CHECK(Relates(ja, "<section> uses technology/linkerd"));
  CHECK_FALSE(Relates(ja, "<section> migrated_to technology/linkerd"));
  const std::string en =
      "# Notes\n\n## DAT301 - Platform story\n\n- The migration target is Amazon EKS.\n- For the service mesh we chose Linkerd.\n";
  CHECK(Relates(en, "<section> uses technology/linkerd"));
  CHECK_FALSE(Relates(en, "<section> migrated_to technology/linkerd"));
  // negative: while the targets are still weighed, the choice is the move's target
  CHECK(Relates("# Notes\n\n## DAT301 - Platform story\n\n- 移行先は Amazon EKS と Amazon ECS で悩んでいる\n- Amazon EKS にした\n",
                "<section> migrated_to aws_service/amazon-eks"));
  CHECK(Relates("# Notes\n\n## DAT301 - Platform story\n\n- The migration target is Amazon EKS or Amazon ECS.\n- We chose Amazon EKS.\n",
                "<section> migrated_to aws_service/amazon-eks"));
}

TEST_CASE("a rewrite into another technology is a move from the old one to the new one", "[move_phrasings]") {
  const std::string ja = TalkWith("Python の集計バッチを Rust に書き直し");
  CHECK(Relates(ja, "<section> migrated_from technology/python"));
  CHECK(Relates(ja, "<section> migrated_to technology/rust"));
  CHECK(Relates(TalkWith("集計バッチを Python から Go に書き直した"), "<section> migrated_to technology/go"));
  CHECK(Relates(TalkWith("Ruby で書かれた API を Go でリライトした"), "<section> migrated_from technology/ruby"));
  const std::string en = TalkWith("We rewrote our Python billing service in Go.");
  CHECK(Relates(en, "<section> migrated_from technology/python"));
  CHECK(Relates(en, "<section> migrated_to technology/go"));
  CHECK(Relates(TalkWith("We rewrote the billing service from Python to Go."), "<section> migrated_to technology/go"));
  // negative: a plan, a rewrite with no new technology, one in no named technology, an AWS service's code
  CHECK_FALSE(Relates(TalkWith("Python の集計バッチを Rust に書き直す予定"), "<section> migrated_to technology/rust"));
  CHECK_FALSE(Relates(TalkWith("Terraform のコードを書き直した"), "<section> migrated_from technology/terraform"));
  CHECK_FALSE(Relates(TalkWith("rewrote the Python client in a weekend"), "<section> migrated_from technology/python"));
  CHECK_FALSE(Relates(TalkWith("AWS Lambda の関数を Go で書き直し"), "<section> migrated_to technology/go"));
}
