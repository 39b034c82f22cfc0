// What a company's line says of a name past a remark in parentheses ("Istio（OSS 版を自前運用）",
// "Istio (self-managed)"), a vendor's platform as the target of a migration ("Pulsar から Confluent に
// 移行"), and vendors listed as tools ("Datadog と New Relic を併用"). Whole extraction with the shipped
// rules, positive and negative, Japanese and English. The notes are our own; the companies made up.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

// A company's case study: its relations without a subject are the company's.
std::string CaseStudy(const std::string& line) { return "# 株式会社ツグミクラウドの事例\n\n" + line + "\n"; }
std::string EnglishCaseStudy(const std::string& line) { return "# How Lumenhive scaled its platform\n\n" + line + "\n"; }

constexpr const char* kCompany = "company/ツグミクラウド";
constexpr const char* kEnglishCompany = "company/lumenhive";

bool Relates(const std::string& text, const std::string& subject, const std::string& relation) {
  return RelationsIn(text).count(subject + " " + relation) > 0;
}

}  // namespace

TEST_CASE("a remark in parentheses after a name does not hide what the line says of it", "[aside_relations]") {
  const std::string uses_istio = std::string(kCompany) + " uses technology/istio";
  // a contrast inside the remark denies a word of it, not the name before it
  CHECK(RelationsIn(CaseStudy("- サービスメッシュは Istio（マネージドではなく OSS 版を自前運用）")).count(uses_istio) == 1);
  CHECK(RelationsIn(CaseStudy("- ツグミクラウドは Istio（マネージドではなく自前運用）を使っている")).count(uses_istio) == 1);
  // the remark between the name and the verb or the particle
  CHECK(RelationsIn(CaseStudy("- ツグミクラウドは Istio（自前運用）で構築している")).count(uses_istio) == 1);
  CHECK(RelationsIn(CaseStudy("- ツグミクラウドは Istio（v1.22）を運用している")).count(uses_istio) == 1);
  CHECK(Relates(EnglishCaseStudy("- Lumenhive runs Istio (self-managed)."), kEnglishCompany, "uses technology/istio"));
  CHECK(Relates(EnglishCaseStudy("- Lumenhive runs its own Istio (self-hosted, not the managed add-on)."), kEnglishCompany,
                "uses technology/istio"));
  CHECK(Relates(EnglishCaseStudy("- At Lumenhive, we deploy Istio (self-managed) on GKE."), kEnglishCompany,
                "uses technology/istio"));
  // negative: a name the contrast denies, a remark that denies the use, a company that runs something else
  CHECK(RelationsIn(CaseStudy("- Istio ではなく Linkerd を使っている")).count(uses_istio) == 0);
  CHECK(RelationsIn(CaseStudy("- Istio（今は使っていない）")).count(uses_istio) == 0);
  CHECK(RelationsIn(CaseStudy("- Kafka を使っているわけではなく、SQS が中心")).count(std::string(kCompany) + " uses technology/kafka") == 0);
  CHECK_FALSE(Relates(EnglishCaseStudy("- Lumenhive does not run Istio (self-managed)."), kEnglishCompany, "uses technology/istio"));
  CHECK_FALSE(Relates(EnglishCaseStudy("- Lumenhive runs a blog about Istio (and more)."), kEnglishCompany, "uses technology/istio"));
}

TEST_CASE("a vendor's platform may be the target of a migration", "[aside_relations]") {
  const std::string from = std::string(kCompany) + " migrated_from technology/";
  const std::string to = std::string(kCompany) + " migrated_to company/confluent";
  for (const std::string line : {"- Pulsar から Confluent に移行した", "- RabbitMQ をやめて Confluent に移行", "- RabbitMQ を Confluent に置き換えた"}) {
    const auto found = RelationsIn(CaseStudy(line));
    CHECK(found.count(to) == 1);
    CHECK(found.count(from + "pulsar") + found.count(from + "rabbitmq") == 1);
  }
  const std::string en_to = std::string(kEnglishCompany) + " migrated_to company/confluent";
  for (const std::string line : {"- We moved from Pulsar to Confluent.", "- Lumenhive replaced RabbitMQ with Confluent."}) {
    const auto found = RelationsIn(EnglishCaseStudy(line));
    CHECK(found.count(en_to) == 1);
  }
  // negative: a person's move between companies, a plan, a move of no system
  CHECK(RelationsIn(CaseStudy("- 山田さんは Google から Netflix に移った")).empty());
  CHECK(RelationsIn(EnglishCaseStudy("- Jane moved from Google to Netflix.")).count(std::string(kEnglishCompany) + " migrated_to company/netflix") == 0);
  CHECK(RelationsIn(EnglishCaseStudy("- Jane moved to Netflix.")).count(std::string(kEnglishCompany) + " migrated_to company/netflix") == 0);
  CHECK(RelationsIn(CaseStudy("- RabbitMQ から Confluent に移行する予定")).count(to) == 0);
}

TEST_CASE("vendors listed side by side are the tools, alone the vendors", "[aside_relations]") {
  const auto ja = RelationsIn(CaseStudy("- 監視は Datadog と New Relic を併用している"));
  CHECK(ja.count(std::string(kCompany) + " uses technology/datadog") == 1);
  CHECK(ja.count(std::string(kCompany) + " uses technology/new-relic") == 1);
  const auto en = RelationsIn(EnglishCaseStudy("- We use New Relic and Datadog side by side."));
  CHECK(en.count(std::string(kEnglishCompany) + " uses technology/datadog") == 1);
  CHECK(en.count(std::string(kEnglishCompany) + " uses technology/new-relic") == 1);
  // negative: the vendor alone is the company, not a tool
  CHECK(kgx::testing::Has("Datadog と契約した", "company:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Datadog と契約した", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("New Relic raised prices; Prometheus and Grafana are free", "technology:New Relic"));
}

TEST_CASE("a vendor named alone as what a team uses is the tool", "[aside_relations]") {
  const auto en = RelationsIn(EnglishCaseStudy("- We rely on Datadog for everything."));
  CHECK(en.count(std::string(kEnglishCompany) + " uses technology/datadog") == 1);
  CHECK(kgx::testing::Has("We switched to PagerDuty for on-call", "technology:PagerDuty"));
  const auto ja = RelationsIn(CaseStudy("- 去年 Datadog を導入した"));
  CHECK(ja.count(std::string(kCompany) + " uses technology/datadog") == 1);
  CHECK(kgx::testing::Has("本番は New Relic で監視している", "technology:New Relic"));
  CHECK(kgx::testing::Has("データドッグを使っている", "technology:Datadog"));
  // negative: joining, a contract, a vendor's own use of a tool stay the company
  CHECK(kgx::testing::Has("Jane joined Datadog last year", "company:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Jane joined Datadog last year", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Jane moved to Datadog in 2023", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Datadog は Kafka を使う", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Datadog に入社した", "technology:Datadog"));
}

TEST_CASE("a customer a case study introduces is the subject of its line", "[aside_relations]") {
  const auto ja = RelationsIn("# メモ\n\n- ユーザー企業の Orbitly は Jaeger から OpenTelemetry に乗り換えた\n");
  CHECK(ja.count("company/orbitly migrated_from technology/jaeger") == 1);
  CHECK(ja.count("company/orbitly migrated_to technology/opentelemetry") == 1);
  const auto ja2 = RelationsIn("# メモ\n\n- 顧客の Zentrix では Aurora を使っている\n");
  CHECK(ja2.count("company/zentrix uses aws_service/amazon-aurora") == 1);
  // negative: a customer's voice names no company, and the line has no subject then
  CHECK(RelationsIn("# メモ\n\n- 顧客の声は Aurora を使っている\n").empty());
}

TEST_CASE("Pulsar is the broker on a line about messages or a move, not the star", "[aside_relations]") {
  CHECK(kgx::testing::Has("Pulsar から Confluent に移行した", "technology:Pulsar"));
  CHECK(kgx::testing::Has("We migrated from Pulsar to Confluent", "technology:Pulsar"));
  CHECK(kgx::testing::Has("Pulsar のトピック数が多すぎる", "technology:Pulsar"));
  CHECK_FALSE(kgx::testing::Has("Pulsar was bright in the sky tonight", "technology:Pulsar"));
  CHECK_FALSE(kgx::testing::Has("Pulsar という星を見た", "technology:Pulsar"));
}

TEST_CASE("a vendor at either end of a move is the tool", "[aside_relations]") {
  const auto ja = RelationsIn(CaseStudy("- 監視は New Relic をやめて Datadog に寄せた"));
  CHECK(ja.count(std::string(kCompany) + " migrated_from technology/new-relic") == 1);
  CHECK(ja.count(std::string(kCompany) + " migrated_to technology/datadog") == 1);
  CHECK(ja.count(std::string(kCompany) + " migrated_to company/datadog") == 0);
  const auto from = RelationsIn(CaseStudy("- Datadog から Prometheus に移行した"));
  CHECK(from.count(std::string(kCompany) + " migrated_from technology/datadog") == 1);
  CHECK(from.count(std::string(kCompany) + " migrated_from company/datadog") == 0);
  const auto en = RelationsIn(EnglishCaseStudy("- We migrated away from Datadog to Prometheus."));
  CHECK(en.count(std::string(kEnglishCompany) + " migrated_from technology/datadog") == 1);
  CHECK(kgx::testing::Has("We left PagerDuty for a home-grown pager", "technology:PagerDuty"));
  // negative: a person's job goes to or leaves the company
  CHECK_FALSE(kgx::testing::Has("Datadog に転職した", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Datadog から Google に移った", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Jane moved from Datadog to Stripe", "technology:Datadog"));
  CHECK(kgx::testing::Has("Jane moved from Datadog to Stripe", "company:Datadog"));
}

TEST_CASE("a vendor named alone as the target of a team's move is the tool moved to", "[aside_relations]") {
  const std::string to_datadog = std::string(kCompany) + " migrated_to technology/datadog";
  const std::string to_new_relic = std::string(kCompany) + " migrated_to technology/new-relic";
  CHECK(RelationsIn(CaseStudy("- 監視は Datadog へ移しました")).count(to_datadog) == 1);
  CHECK(RelationsIn(CaseStudy("- 去年 New Relic に移行した")).count(to_new_relic) == 1);
  CHECK(RelationsIn(CaseStudy("- APM をニューレリックに切り替えた")).count(to_new_relic) == 1);
  const std::string en_to = std::string(kEnglishCompany) + " migrated_to technology/datadog";
  CHECK(Relates(EnglishCaseStudy("- We moved to Datadog last year."), kEnglishCompany, "migrated_to technology/datadog"));
  CHECK(Relates(EnglishCaseStudy("- Moved to Datadog for metrics."), kEnglishCompany, "migrated_to technology/datadog"));
  CHECK(Relates(EnglishCaseStudy("- The team migrated our monitoring to New Relic."), kEnglishCompany,
                "migrated_to technology/new-relic"));
  // a company's platform named after から keeps its move, and one alone stays no move
  CHECK(RelationsIn(CaseStudy("- オンプレから AWS に移行")).count(std::string(kCompany) + " migrated_to company/amazon-web-services") == 1);
  CHECK(RelationsIn(CaseStudy("- AWS に移行した")).empty());
  // negative: a person's job, a plan
  CHECK(RelationsIn(CaseStudy("- 田中さんは Google に移った")).empty());
  CHECK(RelationsIn(CaseStudy("- 田中さんは Datadog に移った")).empty());
  CHECK(RelationsIn(CaseStudy("- Datadog に移行する予定")).count(to_datadog) == 0);
  CHECK(RelationsIn(EnglishCaseStudy("- Jane moved to Datadog in 2023.")).count(en_to) == 0);
  CHECK(RelationsIn(EnglishCaseStudy("- She moved back to Datadog.")).count(en_to) == 0);
  CHECK_FALSE(kgx::testing::Has("田中さんは Datadog に移った", "technology:Datadog"));
  CHECK_FALSE(kgx::testing::Has("Jane moved to Datadog", "technology:Datadog"));
}
