// Notes in styles the samples lack (a trip report, a Qiita 登壇レポート, a podcast summary, a case
// study, notes that quote code): whole extraction with the shipped rules, positive and negative
// cases in Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "extractor/romanized_names.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::EntitiesIn;
using kgx::testing::ExtractText;
using kgx::testing::RelationsIn;

// "entity id: text" for every mention of the document.
std::set<std::string> MentionsIn(const std::string& text) {
  const kgx::DocumentResult result = ExtractText(text);
  std::set<std::string> out;
  for (const kgx::Mention& m : result.mentions) out.insert(m.entity + ": " + m.text);
  return out;
}

bool HasRelationWith(const std::set<std::string>& relations, const std::string& object) {
  for (const std::string& r : relations) {
    if (r.size() >= object.size() && r.compare(r.size() - object.size(), object.size(), object) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a capitalised word of the sentence before a meetup's name is not part of the event", "[note_styles]") {
  CHECK(ExtractText("# notes\n\nSee Kubernetes Meetup Tokyo #60 for the slides.\n").event == "Kubernetes Meetup Tokyo #60");
  CHECK(ExtractText("At Cloud Native Berlin Meetup #42, we talked about Backstage.\n").event == "Cloud Native Berlin Meetup #42");
  CHECK(ExtractText("Joined Platform Engineering Meetup #3 last week\n").event == "Platform Engineering Meetup #3");
  CHECK(ExtractText("Attended Serverless Meetup #7 yesterday\n").event == "Serverless Meetup #7");
  // the name itself keeps all its words, in English and before Japanese
  CHECK(ExtractText("Kubernetes Meetup Tokyo #60 に参加しました。\n").event == "Kubernetes Meetup Tokyo #60");
  CHECK(ExtractText("# Cloud Native Berlin Meetup #42 — write-up\n").event == "Cloud Native Berlin Meetup #42");
}

TEST_CASE("an event the title names is the document's, over one a later line names", "[note_styles]") {
  CHECK(ExtractText("---\ntitle: \"【登壇レポート】JAWS-UG 名古屋 #12 で話しました\"\n---\n\n# おわりに\n次回は JAWS DAYS 2026 でも話したい。\n")
            .event == "JAWS-UG 名古屋 #12");
  CHECK(ExtractText("# Kubernetes Meetup Tokyo #60 recap\n\nNext stop: AWS re:Invent 2025.\n").event == "Kubernetes Meetup Tokyo #60");
  // a title without an event leaves the rule order to decide
  CHECK(ExtractText("# メモ\n\nJAWS-UG 名古屋 #12 の話。\n次回は JAWS DAYS 2026 でも話したい。\n").event == "JAWS DAYS 2026");
}

TEST_CASE("a Japanese name with its romanized form beside it is one person", "[note_styles]") {
  const std::string ja = "# 発表メモ\n\n### 監視の話\n登壇者: 高橋 次郎 (Jiro Takahashi)\n\n- Jiro Takahashi さんは Kafka の話をした。\n";
  const auto entities = EntitiesIn(ja);
  CHECK(entities.count("person:高橋 次郎") == 1);
  CHECK(entities.count("company:Jiro Takahashi") == 0);
  CHECK(entities.count("person:Jiro Takahashi") == 0);
  const auto mentions = MentionsIn(ja);
  CHECK(mentions.count("person/高橋-次郎: Jiro Takahashi") == 1);
  CHECK(mentions.count("person/高橋-次郎: 高橋 次郎") == 1);
  // the romanized name first, the Japanese one in parentheses
  const auto en = EntitiesIn("# Notes\n\nSpeaker: Jiro Takahashi (高橋 次郎)\n\n- 高橋 次郎 showed the dashboards.\n");
  CHECK(en.count("person:Jiro Takahashi") == 1);
  CHECK(en.count("person:高橋 次郎") == 0);
  // the romanized name found on its own elsewhere (by its honorific) is the same person
  const auto both = EntitiesIn("# 懇親会\n\n山本 花子さん (Hanako Yamamoto) と話した。\nHanako Yamamoto さんのチームは Aurora を使っている。\n");
  CHECK(both.count("person:山本 花子") == 1);
  CHECK(both.count("person:Hanako Yamamoto") == 0);
  // a company in the parentheses stays a company; a non-Japanese romanized name is no partner
  const auto company = EntitiesIn("# メモ\n\n### 監視の話\n登壇者: 佐藤 花子 (Acme Corp)\n");
  CHECK(company.count("person:佐藤 花子") == 1);
  CHECK(company.count("company:Acme Corp") == 1);
  CHECK(EntitiesIn("# メモ\n\n登壇者: 佐藤 花子 (Mia Wong)\n").count("person:Mia Wong") == 0);
}

TEST_CASE("romanized Japanese words are told from other Latin words", "[note_styles]") {
  for (const char* word : {"Takahashi", "JIRO", "Kenji", "Hattori", "Ryota", "Shun", "Ohno", "Yu", "Nakamura", "Ichiro"}) {
    INFO(word);
    CHECK(kgx::IsRomanizedJapaneseWord(word));
  }
  for (const char* word : {"Acme", "Mobile", "Wong", "Labs", "Smith", "Corp", "Inc", "Group", ""}) {
    INFO(word);
    CHECK_FALSE(kgx::IsRomanizedJapaneseWord(word));
  }
}

TEST_CASE("a fenced code block holds mentions but no relations and no discovered names", "[note_styles]") {
  const std::string prose = "# 株式会社ミツバチにおけるIaC事例\n\n## 構成\n\nTerraform を使っています。\nHako という自作ツールでデプロイ。\n";
  const std::string code = "# 株式会社ミツバチにおけるIaC事例\n\n## 構成\n\n```\nTerraform を使っています。\nHako という自作ツールでデプロイ。\n```\n";
  CHECK(RelationsIn(prose).count("company/ミツバチ uses technology/terraform") == 1);
  CHECK(EntitiesIn(prose).count("technology:Hako") == 1);
  const auto relations = RelationsIn(code);
  CHECK_FALSE(HasRelationWith(relations, "technology/terraform"));
  CHECK(EntitiesIn(code).count("technology:Terraform") == 1);  // still a mention
  CHECK(EntitiesIn(code).count("technology:Hako") == 0);
  // English: a comment in a shell block states nothing
  const auto shell = RelationsIn("How we deploy at Quarrybank\n\nSetup\n```bash\n# we use Terraform for everything\nkubectl apply -f app.yaml\n```\n");
  CHECK_FALSE(HasRelationWith(shell, "technology/terraform"));
}

TEST_CASE("a move between two editions of one entity is a use of it, not a migration", "[note_styles]") {
  const auto ja = RelationsIn("# 株式会社ミナトロジクスの基盤刷新\n\n## 背景\n\n株式会社ミナトロジクスでは GKE Standard から GKE Autopilot へ移行しました。\n");
  CHECK(ja.count("company/ミナトロジクス uses technology/google-kubernetes-engine") == 1);
  CHECK(ja.count("company/ミナトロジクス migrated_from technology/google-kubernetes-engine") == 0);
  CHECK(ja.count("company/ミナトロジクス migrated_to technology/google-kubernetes-engine") == 0);
  const auto en = RelationsIn(
      "How we cut costs at Quarrybank\n\nPosted by Odile Marchetti, Staff Engineer at Quarrybank\n\n"
      "What we did\n- We moved from GKE Standard to GKE Autopilot.\n");
  CHECK(en.count("company/quarrybank uses technology/google-kubernetes-engine") == 1);
  CHECK(en.count("company/quarrybank migrated_from technology/google-kubernetes-engine") == 0);
  // two lines tell two moves: from X in the title, to X below it
  const auto lines = RelationsIn("# メモ\n\n(NET981) Netflix: The road from Amazon Aurora To EC2-VPC\n- 昨年 Amazon Aurora に移行した。\n");
  CHECK(lines.count("company/netflix migrated_from aws_service/amazon-aurora") == 1);
  CHECK(lines.count("company/netflix migrated_to aws_service/amazon-aurora") == 1);
  // what the section says was run before such a move is the old edition: no migration either
  const auto before = RelationsIn(
      "# メモ\n\n## BRK2-045 GKE Autopilot で作るマルチテナント基盤\n\n登壇者: 村上 悠真さん（株式会社ヤマセミ, SRE）\n\n"
      "- 元々は GKE Standard で 14 クラスタを運用していた\n- GKE Standard から GKE Autopilot へ移行しました。\n");
  CHECK(before.count("company/ヤマセミ uses technology/google-kubernetes-engine") == 1);
  CHECK(before.count("company/ヤマセミ migrated_from technology/google-kubernetes-engine") == 0);
  const auto before_en = RelationsIn(
      "How we cut costs at Quarrybank\n\nPosted by Odile Marchetti, Staff Engineer at Quarrybank\n\n"
      "What we did\n- Previously we ran GKE Standard clusters.\n- We moved from GKE Standard to GKE Autopilot.\n");
  CHECK(before_en.count("company/quarrybank migrated_from technology/google-kubernetes-engine") == 0);
  // without a move within one entity, what was run before stays a migration
  const auto away = RelationsIn(
      "# メモ\n\n## BRK2-045 GKE Autopilot で作るマルチテナント基盤\n\n登壇者: 村上 悠真さん（株式会社ヤマセミ, SRE）\n\n"
      "- 元々は GKE Standard で 14 クラスタを運用していた\n- GKE から Amazon EKS へ移行しました。\n");
  CHECK(away.count("company/ヤマセミ migrated_from technology/google-kubernetes-engine") == 1);
  // two entities stay a migration
  const auto two = RelationsIn("# 株式会社ミナトロジクスの基盤刷新\n\n## 背景\n\n株式会社ミナトロジクスでは EC2 から Amazon ECS へ移行しました。\n");
  CHECK(two.count("company/ミナトロジクス migrated_from aws_service/amazon-ec2") == 1);
  CHECK(two.count("company/ミナトロジクス migrated_to aws_service/amazon-ecs") == 1);
}

TEST_CASE("a guest line that names company, job and person gives the presenter and the role", "[note_styles]") {
  const std::string podcast = "# Infra Talk #87 まとめ\n\nゲスト: 株式会社ツグミクラウド CTO 中村 悠 (Yu Nakamura)\n\n- Heroku から Google Cloud への移行\n";
  const kgx::DocumentResult result = ExtractText(podcast);
  REQUIRE(!result.sections.empty());
  CHECK(result.sections.front().kind == kgx::SectionKind::kTalk);
  const auto entities = EntitiesIn(podcast);
  CHECK(entities.count("person:中村 悠") == 1);
  CHECK(entities.count("company:Yu Nakamura") == 0);
  const auto relations = RelationsIn(podcast);
  CHECK(relations.count("person/中村-悠 role_at company/ツグミクラウド") == 1);
  CHECK(relations.count("<section> presented_by company/ツグミクラウド") == 1);
}

TEST_CASE("companies after a job: 'Staff SRE at X', 'VP Engineering at X', '(Database Engineer, X)'", "[note_styles]") {
  CHECK(EntitiesIn("Posted by Lena Fischer, Staff SRE at Brightpath\n").count("company:Brightpath") == 1);
  CHECK(EntitiesIn("Speaker: Maria Okafor, VP Engineering at Tidewater Bank\n").count("company:Tidewater Bank") == 1);
  const auto labs = EntitiesIn("Speaker: Tomasz Nowak (Database Engineer, Kovalyov Labs)\n");
  CHECK(labs.count("company:Kovalyov Labs") == 1);
  CHECK(labs.count("person:Kovalyov Labs") == 0);
  CHECK(labs.count("person:Tomasz Nowak") == 1);
  // a title before a person's name still names the person
  CHECK(EntitiesIn("CTO, Werner Vogels が登壇\n").count("person:Werner Vogels") == 1);
}

TEST_CASE("a front matter's tags line is no heading and a 登壇レポート's own talk is a talk", "[note_styles]") {
  const kgx::DocumentResult result = ExtractText(
      "---\ntitle: \"JAWS-UG 名古屋 #12 で話しました\"\ntags: AWS Lambda JAWS-UG 登壇レポート\n---\n\n# はじめに\n鈴木です。\n\n"
      "# 【発表内容】EC2 から Lambda へ移行した話\n\n- バッチを AWS Lambda に移行\n");
  std::set<std::string> titles;
  for (const kgx::Section& s : result.sections) titles.insert(s.title);
  CHECK(titles.count("tags: AWS Lambda JAWS-UG 登壇レポート") == 0);
  bool talk = false;
  for (const kgx::Section& s : result.sections) talk |= s.kind == kgx::SectionKind::kTalk && s.title == "EC2 から Lambda へ移行した話";
  CHECK(talk);
}

TEST_CASE("well-known tools of real notes are listed: Buildkite, Patroni, pgBackRest, Chaos Mesh, Dify", "[note_styles]") {
  const auto relations = RelationsIn(
      "How we cut CI costs at Quillstone\n\nWritten by Jonas Richter, Engineering Manager at Quillstone\n\n"
      "What we changed\n- We migrated from Jenkins to Buildkite in Q2.\n");
  CHECK(relations.count("company/quillstone migrated_to technology/buildkite") == 1);
  const auto entities = EntitiesIn("- Patroni と pgBackRest で PostgreSQL を運用\n- Chaos Mesh で障害注入、Dify で社内ボット\n");
  for (const char* name : {"technology:Patroni", "technology:pgBackRest", "technology:Chaos Mesh", "technology:Dify"}) {
    INFO(name);
    CHECK(entities.count(name) == 1);
  }
}

TEST_CASE("a video or slide host closing a talk's title is not its presenter", "[note_styles]") {
  const auto presenters = [](const std::string& text) {
    std::set<std::string> out;
    for (const std::string& r : RelationsIn(text)) {
      if (r.find(" presented_by ") != std::string::npos) out.insert(r.substr(r.find(" presented_by ") + 14));
    }
    return out;
  };
  CHECK(presenters("# Scaling Postgres (YouTube, 42 min)\n\nGuest: Sam Rivera, Staff Engineer\n\n- sharding\n").empty());
  CHECK(presenters("# 監視の話 (SlideShare)\n\n登壇者: 佐藤 花子さん\n\n- アラート\n").empty());
  // a company closing the title still presents, and a title that names it keeps it beside a host
  CHECK(presenters("# Scaling Postgres (Yelp)\n\nGuest: Sam Rivera, Staff Engineer\n\n- sharding\n") == std::set<std::string>{"company/yelp"});
  CHECK(presenters("# How Yelp Built Its Search (YouTube)\n\nGuest: Sam Rivera\n\n- sharding\n") == std::set<std::string>{"company/yelp"});
}

TEST_CASE("a Japanese name with its romanized form in parentheses is a person without an honorific", "[note_styles]") {
  const std::string text = "# Hallway track\n\n- Met 佐々木 健 (Ken Sasaki) from ホシゾラゲームス.\n- Ken Sasaki runs Argo Rollouts.\n";
  const auto entities = EntitiesIn(text);
  CHECK(entities.count("person:佐々木 健") == 1);
  CHECK(entities.count("person:Ken Sasaki") == 0);
  CHECK(MentionsIn(text).count("person/佐々木-健: Ken Sasaki") == 1);
  // words that do not end as Japanese names do are no romanized name: an office, a team
  CHECK(EntitiesIn("- 東京 本社 (Head Office) に集合\n").count("person:東京 本社") == 0);
}

TEST_CASE("'replaced their X pipelines with Y' is a migration, in a talk by a company", "[note_styles]") {
  const auto relations = RelationsIn(
      "# KubeCon notes\n\n### How Spotify runs 4,000 microservices on Backstage\nSpeaker: Alex Lindqvist, Senior Engineer at Spotify\n"
      "- They replaced their Jenkins pipelines with Tekton in 2023.\n");
  CHECK(relations.count("company/spotify migrated_from technology/jenkins") == 1);
  CHECK(relations.count("company/spotify migrated_to technology/tekton") == 1);
}

TEST_CASE("an Obsidian note's front matter without a title: its first heading names the document and its event", "[note_styles]") {
  const kgx::DocumentResult r = ExtractText(
      "---\ntags: [conference, ignite]\naliases: [Ignite メモ]\ncreated: 2025-11-19\n---\n\n# Microsoft Ignite 2025 Day 1\n\n"
      "#ignite2025\n[[Microsoft Ignite]] の1日目。\n> [[AWS re:Invent 2025]] と見比べたい。\n");
  CHECK(r.title == "Microsoft Ignite 2025 Day 1");
  CHECK(r.event == "Microsoft Ignite 2025");
  for (const kgx::Section& s : r.sections) CHECK(s.title.find("created") == std::string::npos);  // a date field is no heading
  // a front matter's own title still wins, and a document without front matter keeps its first line
  CHECK(ExtractText("---\ntitle: \"Build 2025 recap\"\ntags: [build]\n---\n# Notes\n").title == "Build 2025 recap");
  CHECK(ExtractText("# Microsoft Build 2025 notes\n\n- Copilot\n").event == "Microsoft Build 2025");
  // negative: a document that opens with a rule and no closed block is no front matter
  CHECK(ExtractText("---\nKeynote のメモ\n\nいろいろ聞いた。\n").title == "---");
}

TEST_CASE("a speaker's given name in kana is part of the name: 伊藤 さくらさん, 小林 あや", "[note_styles]") {
  CHECK(EntitiesIn("LT大会\n[** LT3: CDK]\n 登壇者: 伊藤 さくらさん\n").count("person:伊藤 さくら") == 1);
  CHECK(EntitiesIn("### LT2: Lambda の料金\n発表者: 小林 あや\n- Cost Explorer\n").count("person:小林 あや") == 1);
  CHECK(EntitiesIn("### Talk\nSpeaker: 森 エミ (株式会社サンプル)\n").count("person:森 エミ") == 1);
  CHECK(EntitiesIn("### LT2\n発表者: 小林 あや\n").count("person:小林") == 0);
  // negative: an honorific is no given name; kanji names are as before; English speakers as before
  CHECK(EntitiesIn("### Talk\n登壇者: 山田 さん\n").count("person:山田 さん") == 0);
  CHECK(EntitiesIn("### Talk\n登壇者: 山田 太郎さん\n").count("person:山田 太郎") == 1);
  CHECK(EntitiesIn("### Talk\nSpeaker: Jane Doe, Acme\n").count("person:Jane Doe") == 1);
}

TEST_CASE("an author's intro with the team after a blank names the document's company", "[note_styles]") {
  const std::string note = "# ポストモーテム: 決済APIのタイムアウト\n\n株式会社ヒバリペイ SREチームの社内向けポストモーテムです。\n\n"
                           "## 根本原因\n夜間バッチは AWS Batch 上で動いている。\n";
  CHECK(RelationsIn(note).count("company/ヒバリペイ uses aws_service/aws-batch") == 1);
  // negative: a company followed by anything but its team is no author's intro
  const std::string event = "# メモ\n\nAWS re:Invent 2025 に参加したメモです。\n\n## 所感\nバッチは AWS Batch 上で動いている。\n";
  CHECK(!HasRelationWith(RelationsIn(event), "aws_service/aws-batch"));
}

TEST_CASE("a company named in katakana with a trade word in kanji keeps the word: 株式会社カモメ物流", "[note_styles]") {
  CHECK(EntitiesIn("登壇者: 山田 太郎さん (株式会社カモメ物流)\n").count("company:カモメ物流") == 1);
  CHECK(EntitiesIn("株式会社ハヤブサ運輸の事例です。\n").count("company:ハヤブサ運輸") == 1);
  // negative: a department after the company is not part of it, nor is any other kanji word
  CHECK(EntitiesIn("株式会社サンプルテック 開発部の事例\n").count("company:サンプルテック") == 1);
  CHECK(EntitiesIn("株式会社サンプルテック社員の話\n").count("company:サンプルテック社員") == 0);
}

TEST_CASE("a migration nobody talked about and a customer's past tool are no migrations", "[note_styles]") {
  const std::string talk = "## Aurora DSQL deep dive (DAT303)\n";
  CHECK(!HasRelationWith(RelationsIn(talk + "> Amazon Aurora から Azure Database for PostgreSQL への移行の話は無かった。\n"),
                         "technology/postgresql"));
  CHECK(!HasRelationWith(RelationsIn(talk + "- 以前は Amazon DynamoDB Global Tables を使っていた顧客の話も\n"), "aws_service/amazon-dynamodb"));
  // positive: the same moves, stated
  CHECK(HasRelationWith(RelationsIn(talk + "- Amazon Aurora から PostgreSQL への移行を紹介\n"), "technology/postgresql"));
  CHECK(HasRelationWith(RelationsIn(talk + "- 以前は Amazon DynamoDB を使っていた\n"), "aws_service/amazon-dynamodb"));
}

TEST_CASE("Azure OpenAI is Azure's service, not the company OpenAI", "[note_styles]") {
  CHECK(EntitiesIn("- Azure OpenAI と Semantic Kernel の組み合わせ\n").count("technology:Azure OpenAI Service") == 1);
  CHECK(EntitiesIn("- Azure OpenAI と Semantic Kernel の組み合わせ\n").count("company:OpenAI") == 0);
  CHECK(EntitiesIn("- OpenAI released a new model\n").count("company:OpenAI") == 1);
}

TEST_CASE("a reST talk underlined with '=' is its speaker's company's, and a second-hand case names its company", "[note_styles][setext]") {
  // the talk's header is underlined: its presenter uses what its sub-sections ('----') say, and a
  // title underlined as high ('====') ends the talk: 所感 is the author's, no company's
  const auto rst = RelationsIn(
      "Next Tokyo メモ\n==============\n\nBRK2-045 GKE Autopilot で作る基盤\n==========================\n\n"
      "登壇者: 村上 悠真さん（株式会社ヤマセミ）\n\nやったこと\n----------\n\n- サービスメッシュは Istio で構築\n\n"
      "所感\n====\n\n- うちのメッシュは Linkerd で構築\n");
  CHECK(rst.count("company/ヤマセミ uses technology/istio") == 1);
  CHECK_FALSE(HasRelationWith(rst, "technology/linkerd"));
  // minutes: a company heard of moved to Spanner (named so by the move), not the team that heard it
  const auto ja = RelationsIn("# SRE輪読会 議事録\n\n## 他社の事例\n\n- メルカリはSpannerに移行したと聞いた\n");
  CHECK(ja.count("company/mercari migrated_to technology/google-cloud-spanner") == 1);
  const auto en = RelationsIn("# Reading group minutes\n\n## Other companies\n\n- Mercari migrated to Spanner last year.\n");
  CHECK(en.count("company/mercari migrated_to technology/google-cloud-spanner") == 1);
}

TEST_CASE("a company's talk or case, a parenthesis aside, is the topic of what the line says", "[note_styles]") {
  const auto ja = RelationsIn(
      "# 議事録\n\n## 他社\n\n- 株式会社ハヤブサ製作所の人の発表（先月の Postgres Meetup）では、pgBackRest を使っているとのこと\n"
      "- 株式会社ツグミ製作所さんの事例では Terraform を採用している\n- 株式会社ヒワ製作所の中の人の話だと、Argo CD で構築\n");
  CHECK(ja.count("company/ハヤブサ製作所 uses technology/pgbackrest") == 1);
  CHECK(ja.count("company/ツグミ製作所 uses technology/terraform") == 1);
  CHECK(ja.count("company/ヒワ製作所 uses technology/argo-cd") == 1);
  // a talk about a company is no account of its own ("Xについての発表"), and nor is a plan
  const auto no = RelationsIn("# 議事録\n\n## 他社\n\n- 株式会社ハヤブサ製作所についての発表では Terraform を使っている\n"
                              "- 株式会社ツグミ製作所の発表では Argo CD の導入を検討中\n");
  CHECK(no.count("company/ハヤブサ製作所 uses technology/terraform") == 0);
  CHECK(no.count("company/ツグミ製作所 uses technology/argo-cd") == 0);
}
