// Gaps a probe of new notes found: a use stated with since when (2021 年から, Since 2021 we have run), the
// parts of a stack each with its role label (DB は X、キャッシュは Y), a tool used in a part it plays (X を CNI
// として). Whole extraction with the shipped rules, positive and negative cases in Japanese and English.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

const std::string kHeader = "# 株式会社サンプルの事例\n\n";

bool Uses(const std::string& body, const std::string& object) {
  return RelationsIn(kHeader + body + "\n").count("company/サンプル uses " + object) == 1;
}

}  // namespace

TEST_CASE("a time phrase between the subject and the tool keeps the use", "[probe18_gaps]") {
  CHECK(Uses("- 株式会社サンプルは 2021 年から Amazon EKS を運用している", "aws_service/amazon-eks"));
  CHECK(Uses("- 株式会社サンプルは2019年4月からAmazon EKSを運用しています", "aws_service/amazon-eks"));
  CHECK(Uses("- 株式会社サンプルは昨年から Amazon EKS を利用している", "aws_service/amazon-eks"));
  CHECK(Uses("- Since 2021 we have run Amazon EKS in production.", "aws_service/amazon-eks"));
  CHECK(Uses("- Since 2020, we've been using Terraform for everything.", "technology/terraform"));
  // negative: a plan or a trial from a year on, and a perfect tense denied
  CHECK_FALSE(Uses("- 株式会社サンプルは 2027 年から Amazon EKS を運用する予定", "aws_service/amazon-eks"));
  CHECK_FALSE(Uses("- 株式会社サンプルは 2021 年から Amazon EKS を検討している", "aws_service/amazon-eks"));
  CHECK_FALSE(Uses("- Since 2021 we have not run Amazon EKS.", "aws_service/amazon-eks"));
}

TEST_CASE("each role-labelled part of a stack is a use", "[probe18_gaps]") {
  CHECK(Uses("- DB は Amazon DynamoDB、キャッシュは Amazon ElastiCache", "aws_service/amazon-dynamodb"));
  CHECK(Uses("- DB は Amazon DynamoDB、キャッシュは Amazon ElastiCache", "aws_service/amazon-elasticache"));
  CHECK(Uses("- CI は GitHub Actions、CD は Argo CD", "technology/github-actions"));
  // negative: candidates are no use
  CHECK_FALSE(Uses("- DB の候補は Amazon DynamoDB、Amazon Aurora", "aws_service/amazon-dynamodb"));
}

TEST_CASE("a tool used in the part it plays is a use", "[probe18_gaps]") {
  CHECK(Uses("- Cilium を CNI として使っている", "technology/cilium"));
  CHECK(Uses("- Istio をサービスメッシュとして採用している", "technology/istio"));
  CHECK(Uses("- We use Cilium as our CNI", "technology/cilium"));
  // negative: a plan and a denial
  CHECK_FALSE(Uses("- Cilium を CNI として使う予定", "technology/cilium"));
  CHECK_FALSE(Uses("- Cilium を CNI として使っていない", "technology/cilium"));
  CHECK_FALSE(Uses("- We do not use Cilium as our CNI", "technology/cilium"));
}

TEST_CASE("a keynote's announcement with a generation number or a 新発表 marker", "[probe18_gaps]") {
  const std::string keynote = "# AWS re:Invent 2026 Keynote 実況メモ (Matt Garman)\n\n";
  const auto glued = RelationsIn(keynote + "- Graviton5 発表。\n");
  CHECK(glued.count("<section> announced aws_service/aws-graviton") == 1);
  const auto spaced = RelationsIn(keynote + "- Amazon Nova 2 を発表\n");
  CHECK(spaced.count("<section> announced aws_service/amazon-nova") == 1);
  const auto marked = RelationsIn(keynote + "- 新発表: Amazon Nova 2\n");
  CHECK(marked.count("<section> announced aws_service/amazon-nova") == 1);
  const auto english = RelationsIn(keynote + "- Graviton5 announced\n");
  CHECK(english.count("<section> announced aws_service/aws-graviton") == 1);
  // negative: a remark on a service, and the same line in notes that are no keynote
  const auto remark = RelationsIn(keynote + "- Launch: Amazon S3 Vectors\n- Graviton5 の話が長かった\n");
  CHECK(remark.count("<section> announced aws_service/aws-graviton") == 0);
  const auto other = RelationsIn("# 社内勉強会メモ\n\n- Graviton5 発表。\n- 新発表: Amazon Nova 2\n");
  CHECK(other.count("<section> announced aws_service/aws-graviton") == 0);
  CHECK(other.count("<section> announced aws_service/amazon-nova") == 0);
}

TEST_CASE("a job title's field after a comma is no company", "[probe18_gaps]") {
  CHECK_FALSE(kgx::testing::Has("# Keynote\n\n- Swami Sivasubramanian (VP, Agentic AI)\n", "company:Agentic AI"));
  CHECK_FALSE(kgx::testing::Has("# メモ\n\n- Jane Doe (Senior Director, Machine Learning) が登壇\n", "company:Machine Learning"));
  // nor a person cut inside the field's last word
  CHECK_FALSE(kgx::testing::Has("# メモ\n\n- Jane Doe (Senior Director, Machine Learning) が登壇\n", "person:Machine Learnin"));
  const auto field = RelationsIn("# Keynote\n\n- Swami Sivasubramanian (VP, Agentic AI)\n");
  CHECK(field.count("person/swami-sivasubramanian role_at company/agentic-ai") == 0);
  // negative: a job with its field, or a company's suffix, keeps the company after the comma
  const auto job = RelationsIn("# Keynote\n\n- Jane Doe (VP Engineering, Acme)\n- Priya Raman (Staff Engineer, Kestrel Commerce)\n");
  CHECK(job.count("person/jane-doe role_at company/acme") == 1);
  CHECK(job.count("person/priya-raman role_at company/kestrel-commerce") == 1);
  CHECK(kgx::testing::Has("# Keynote\n\n- Jane Doe (VP, Kumo Labs)\n", "company:Kumo Labs"));
}

TEST_CASE("a speaker's company, departments and title in parentheses give role_at with that title", "[probe18_gaps]") {
  const auto two = RelationsIn("# 事例紹介\n\n- 山田 太郎 氏（株式会社サンプル 開発本部 第一開発部 部長）\n");
  CHECK(two.count("person/山田-太郎 role_at company/サンプル") == 1);
  const auto section_head = RelationsIn("# 事例紹介\n\n- 鈴木 一郎さん（株式会社サンプル 情報システム部 課長）\n");
  CHECK(section_head.count("person/鈴木-一郎 role_at company/サンプル") == 1);
  const auto leader = RelationsIn("# 事例紹介\n\n- 高橋 次郎氏（株式会社サンプル 基盤開発部 グループリーダー）\n");
  CHECK(leader.count("person/高橋-次郎 role_at company/サンプル") == 1);
  const auto deputy = RelationsIn("# 事例紹介\n\n- 田中 一郎 氏（株式会社サンプル 開発部 部長代理）\n");
  CHECK(deputy.count("person/田中-一郎 role_at company/サンプル") == 1);
  // the role is the title, not the department
  const auto result = kgx::testing::ExtractText("# 事例紹介\n\n- 山田 太郎 氏（株式会社サンプル 開発本部 第一開発部 部長）\n");
  bool titled = false;
  for (const kgx::Relation& r : result.relations) titled = titled || (r.predicate == "role_at" && r.role == "部長");
  CHECK(titled);
  // negative: a department without a title is no role
  const auto department = RelationsIn("# 事例紹介\n\n- 小林 誠氏（株式会社サンプル 開発部）\n");
  CHECK(department.count("person/小林-誠 role_at company/サンプル") == 0);
}

TEST_CASE("one of a thing that a count follows with に is no quantity", "[probe18_gaps]") {
  auto read = [](const std::string& line) {
    std::set<std::string> out;
    for (const kgx::Quantity& q : kgx::testing::ExtractText("# メモ\n\n" + line + "\n").quantities) out.insert(q.text + "=" + q.unit);
    return out;
  };
  const auto per_cluster = read("- 1 クラスタに 120 テナント");
  CHECK(per_cluster.count("1 クラスタ=cluster") == 0);
  CHECK(per_cluster.count("120 テナント=tenant") == 1);
  CHECK(read("- 1ノードに 30 Pod").count("1ノード=node") == 0);
  // negative: more than one is a count, and a rate's day keeps its rate
  CHECK(read("- 3 クラスタに 120 テナント").count("3 クラスタ=cluster") == 1);
  CHECK(read("- 11 クラスタに 120 テナント").count("11 クラスタ=cluster") == 1);
  CHECK(read("- 1 つのテーブルに 3 種類のエンティティ").count("1 つのテーブル=table") == 1);
  bool daily = false;
  for (const kgx::Quantity& q : kgx::testing::ExtractText("# メモ\n\n- 1日に1000件のデプロイ\n").quantities) daily = daily || (q.per == "day" && q.value == 1000);
  CHECK(daily);
}
