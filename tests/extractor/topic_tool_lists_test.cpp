// Uses stated without a use verb in the usual place: a topic word and the list of its tools
// ("監視は Cloud Monitoring と PagerDuty です"), where or by whom between を and the verb ("全社で使っていた"),
// "We rely on X and Y for monitoring". Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

// A company's blog post: the author's intro makes the company the subject of its other sections.
std::set<std::string> UsesIn(const std::string& line) {
  const std::string doc = "# 社内勉強会メモ\n\n株式会社ツグミペイ SREチームの社内ブログです。\n\n## 運用\n" + line + "\n";
  std::set<std::string> out;
  for (const std::string& r : kgx::testing::RelationsIn(doc)) {
    const std::string prefix = "company/ツグミペイ uses ";
    if (r.rfind(prefix, 0) == 0) out.insert(r.substr(prefix.size()));
  }
  return out;
}

using Set = std::set<std::string>;

}  // namespace

TEST_CASE("a topic word, then the list of its tools, then です", "[topic_tool_lists]") {
  CHECK(UsesIn("- 監視は Cloud Monitoring と PagerDuty です") ==
        Set{"technology/google-cloud-monitoring", "technology/pagerduty"});
  CHECK(UsesIn("- CI は GitHub Actions と Argo CD。") == Set{"technology/argo-cd", "technology/github-actions"});
  CHECK(UsesIn("- 監視は Grafana です") == Set{"technology/grafana"});
  // negative: no tool, a nominalised topic (what is liked), candidates, a theme, a comparison
  CHECK(UsesIn("- 監視は大事です").empty());
  CHECK(UsesIn("- 気になったのは Prometheus と Grafana です").empty());
  CHECK(UsesIn("- 候補は Prometheus と Grafana です").empty());
  CHECK(UsesIn("- 移行先を悩んだ。候補は Dynamo, Aurora").empty());
  CHECK(UsesIn("- 今日のテーマは Prometheus と Grafana です").empty());
  CHECK(UsesIn("- Terraform と Pulumi を比較した").empty());
}

TEST_CASE("a vendor beside another tool in a list is the product, PagerDuty too", "[topic_tool_lists]") {
  CHECK(kgx::testing::Has("監視は Cloud Monitoring と PagerDuty です", "technology:PagerDuty"));
  CHECK(kgx::testing::Has("Datadog, Grafana and PagerDuty", "technology:PagerDuty"));
  // negative: alone it is the company
  CHECK(kgx::testing::Has("14:02 PagerDuty から p99 レイテンシのアラート", "company:PagerDuty"));
  CHECK_FALSE(kgx::testing::Has("14:02 PagerDuty から p99 レイテンシのアラート", "technology:PagerDuty"));
}

TEST_CASE("where or by whom between を and the use verb", "[topic_tool_lists]") {
  CHECK(UsesIn("- すでに Google Workspace を全社で使っていた") == Set{"technology/google-workspace"});
  CHECK(UsesIn("- Terraform を本番で使っています") == Set{"technology/terraform"});
  CHECK(UsesIn("- Grafana を全チームで利用している") == Set{"technology/grafana"});
  CHECK(UsesIn("- Slack を社内で使っている") == Set{"company/slack"});
  // negative: given up, a description, a wish, a denial
  CHECK(UsesIn("- Google Workspace を全社で使うのはやめた").empty());
  CHECK(UsesIn("- Google Workspace のアカウント").empty());
  CHECK(UsesIn("- Terraform を本番で使いたい").empty());
  CHECK(UsesIn("- Terraform を本番で使っていない").empty());
}

TEST_CASE("we rely on X and Y for monitoring", "[topic_tool_lists]") {
  CHECK(UsesIn("- We rely on Datadog and PagerDuty for monitoring") == Set{"technology/datadog", "technology/pagerduty"});
  CHECK(UsesIn("- We rely on Prometheus and Grafana for monitoring.") == Set{"technology/grafana", "technology/prometheus"});
  // negative: a comparison, a denial
  CHECK(UsesIn("- We compared Prometheus and Grafana for monitoring").empty());
  CHECK(UsesIn("- We don't rely on Prometheus and Grafana for monitoring").empty());
}
