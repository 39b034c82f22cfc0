// Discovery patterns: people and companies in no list are found from titles, honorifics and
// company markers; stop words keep titles from becoming names. Sentences are our own.
#include <catch2/catch.hpp>

#include "extractor/rule_file.h"
#include "tests/extractor/extract_support.h"

using kgx::testing::EntitiesIn;
using kgx::testing::Has;

TEST_CASE("people are discovered after a title", "[discovery]") {
  CHECK(Has("CEO の Hanna Kowalski が登壇", "person:Hanna Kowalski"));
  CHECK(Has("Zorblax社のCTO、Pieter Vandamme のスピーチ", "person:Pieter Vandamme"));
  CHECK(Has("Principal Solutions Architect の Oskar Lindqvist さんが解説", "person:Oskar Lindqvist"));
  CHECK(Has("Vice President, Amara Okafor explained the roadmap", "person:Amara Okafor"));
}

TEST_CASE("GM is a title only as a word: a BGM credit names no person", "[discovery]") {
  CHECK(Has("GM の Jane Doe が登壇", "person:Jane Doe"));
  CHECK(Has("東京GM、Taro Yamada", "person:Taro Yamada"));
  CHECK(EntitiesIn("- BGM: Rainy Lounge").empty());
  CHECK(EntitiesIn("BGM：Podcast Music Lab").empty());
}

TEST_CASE("people are discovered before an honorific", "[discovery]") {
  CHECK(Has("Tomasz Brzezinski 氏の講演はパワフル", "person:Tomasz Brzezinski"));
  CHECK(Has("- Ingrid Halvorsen さんのデモ", "person:Ingrid Halvorsen"));
  CHECK(Has("Dr.Felix Ambrose が飛行機を予約するデモ", "person:Felix Ambrose"));
  CHECK(Has("登壇者: 森本 健太", "person:森本 健太"));
  CHECK(Has("西村 恵子さんのセッション", "person:西村 恵子"));
}

TEST_CASE("titles alone are never people", "[discovery]") {
  const auto found = EntitiesIn("AWSのDB担当 Vice President、の発表。Principal Solutions Architectの人");
  for (const auto& name : found) CHECK(name.rfind("person:", 0) != 0);
  CHECK_FALSE(Has("Solutions Architect さんに質問", "person:Solutions Architect"));
  for (const char* line : {"登壇者: Oskar Lindqvist (Principal Developer Advocate, Zorblax)",
                           "Principal Data Scientist の話", "Chief Technology Officer 氏が登場", "Head of Platform Engineering さん"}) {
    INFO(line);
    for (const auto& name : EntitiesIn(line)) CHECK((name.rfind("person:", 0) != 0 || name == "person:Oskar Lindqvist"));
  }
}

TEST_CASE("companies are discovered from 社, の事例, の中の人, の方, customer and at", "[discovery]") {
  CHECK(Has("Quillfeather社の導入事例", "company:Quillfeather"));
  CHECK(Has("Brindlewood の中の人のプレゼン", "company:Brindlewood"));
  CHECK(Has("Marrowgateの方。CIの話", "company:Marrowgate"));
  CHECK(Has("Zentravaの事例です", "company:Zentrava"));
  CHECK(Has("our customer Plumtree saved money", "company:Plumtree"));
  CHECK(Has("登壇者: 山田 太郎 (株式会社ブリンクルテック)", "company:ブリンクルテック"));
  CHECK(Has("ブリンクルテック株式会社の事例", "company:ブリンクルテック"));
  CHECK(Has("(株)Zentrava の発表", "company:Zentrava"));
  CHECK(Has("- Customer: Fabrikam", "company:Fabrikam"));
  CHECK(Has("- Customer: eQuill", "company:eQuill"));
  CHECK_FALSE(Has("- Customer Obsession が大事", "company:Obsession"));
  CHECK(Has("a senior engineer at Fernhollow built it", "company:Fernhollow"));
  CHECK(Has("スカイリンク社の事例", "company:スカイリンク"));
}

TEST_CASE("customers a case study names: every name of a list, and 顧客の X", "[discovery]") {
  CHECK(Has("Customers like Zentrix and Velocode run on EKS", "company:Zentrix"));
  CHECK(Has("Customers like Zentrix and Velocode run on EKS", "company:Velocode"));
  for (const char* name : {"company:Plumtree", "company:Brightcart", "company:Quillstone"}) {
    CHECK(Has("customers such as Plumtree, Brightcart and Quillstone", name));
    CHECK(Has("customers including Plumtree, Brightcart & Quillstone", name));
  }
  CHECK(Has("顧客の Zentrix では EKS に移行した", "company:Zentrix"));
  CHECK(Has("ユーザー企業である Velocode が登壇", "company:Velocode"));
  CHECK(Has("導入企業のPlumtreeは Aurora を採用", "company:Plumtree"));
  // negative: a title's capital Customer before a noun, a customer's voice, a known technology
  CHECK_FALSE(Has("What Is The Top Customer Request?", "company:Request"));
  CHECK(EntitiesIn("顧客の声を聞く").empty());
  CHECK_FALSE(Has("Customers like Kubernetes and Zentrix", "company:Kubernetes"));
  CHECK_FALSE(Has("顧客のAPI は遅い", "company:API"));
}

TEST_CASE("people from bylines and from the job written after their name", "[discovery]") {
  CHECK(Has("Posted by Odile Marchetti, Staff Engineer at Quarrybank", "person:Odile Marchetti"));
  CHECK(Has("Written by Lars Eklund", "person:Lars Eklund"));
  CHECK(Has("Thanks to Ravi Menon (Engineering Manager) and the team.", "person:Ravi Menon"));
  CHECK(Has("Interview with Mei Lin (VP Engineering, Tidewell)", "person:Mei Lin"));
  CHECK(Has("聞き手: 森 薫", "person:森 薫"));
  // a speaker known by a handle
  CHECK(Has("LT1: Step Functionsで作るバッチ基盤 (@kaede_dev さん)", "person:@kaede_dev"));
  CHECK(Has("登壇者: @tsubasa_ops (フリーランス)", "person:@tsubasa_ops"));
  CHECK_FALSE(Has("連絡は @support まで", "person:@support"));
  // a company's legal form on a guest line is no name
  const auto found = EntitiesIn("ゲスト: 株式会社フクロウ CTOの木村 誠さん");
  CHECK(found.count("person:木村 誠") == 1);
  CHECK(found.count("person:株式会社") == 0);
  // two capitalised words before a comma are a name only when a job follows
  CHECK_FALSE(Has("Cost Explorer, Budgets and Savings Plans", "person:Cost Explorer"));
}

TEST_CASE("companies from a job at them, a job and company in parentheses, a speaker's company", "[discovery]") {
  CHECK(Has("Speaker: Ana Lopes, SRE at Fernhill Health", "company:Fernhill Health"));
  CHECK(Has("Speaker: Ben Ford (Data Scientist at Orchard Labs)", "company:Orchard Labs"));
  CHECK_FALSE(Has("Speaker: Ben Ford (Data Scientist at Orchard Labs)", "company:Data Scientist"));
  CHECK_FALSE(Has("Speaker: Ben Ford (Senior Developer Advocate, Orchard)", "company:Senior Developer Advocate"));
  CHECK(Has("Speaker: Ana Lopes (Principal Engineer, Quarrybank)", "company:Quarrybank"));
  CHECK(Has("Interview with Mei Lin (VP Engineering, Tidewell)", "company:Tidewell"));
  CHECK(Has("登壇者：木村 誠さん (ﾌｸﾛｳﾃｯｸ)", "company:フクロウテック"));
  CHECK(Has("登壇者: 木村 誠 (フクロウテック株式会社)", "company:フクロウテック"));
  CHECK(Has("**Speaker:** Ana Lopes, Head of Platform @ Fernhill Logistics", "company:Fernhill Logistics"));
  CHECK(Has("**Speaker:** 木村 誠 (株式会社フクロウ, SRE)", "person:木村 誠"));
  const auto panel = EntitiesIn("**Panelists:** Ana Lopes (Fernhill Logistics), Ben Ford (Orchard)");
  CHECK(panel.count("person:Ana Lopes") == 1);
  CHECK(panel.count("company:Fernhill Logistics") == 1);
  CHECK(panel.count("company:Fernhill") == 0);
  // every panelist of the list, not only the first, with the company in parentheses
  const auto three = EntitiesIn("Panelists: Ana Lopes (Fernhill), Ben Ford (Orchard Labs), 木村 誠 (フクロウテック株式会社)");
  CHECK(three.count("person:Ben Ford") == 1);
  CHECK(three.count("company:Orchard Labs") == 1);
  CHECK(three.count("person:木村 誠") == 1);
  CHECK(three.count("company:フクロウテック") == 1);
  CHECK(Has("登壇者: 木村 誠 (フクロウテック), 森田 誠一 (ヤマブキ)", "company:ヤマブキ"));
  CHECK_FALSE(Has("- 構成: Aurora (MySQL), Zorbstore (NoSQL)", "company:NoSQL"));
  // a department after the company is no company
  const auto dept = EntitiesIn("スピーカー：ヤマブキ株式会社 プラットフォーム部 部長 森田 誠一 氏");
  CHECK(dept.count("company:ヤマブキ") == 1);
  CHECK(dept.count("company:プラットフォーム") == 0);
  CHECK(Has("株式会社サンプルテック", "company:サンプルテック"));
  CHECK(Has("(株)Quarrybank の事例", "company:Quarrybank"));
  // a freelancer has no company
  for (const auto& name : EntitiesIn("登壇者: @tsubasa_ops さん (フリーランス)")) CHECK(name.rfind("company:", 0) != 0);
  // a team in the parentheses is no company
  for (const auto& name : EntitiesIn("- 登壇者: 木村 誠 氏 (データプラットフォームチーム)")) CHECK(name.rfind("company:", 0) != 0);
}

TEST_CASE("a sentence's full stop after 'engineer at X' is not part of the name", "[discovery]") {
  CHECK(Has("She is a principal engineer at Globex. Globex runs its pipeline on MSK.", "company:Globex"));
  CHECK_FALSE(Has("She is a principal engineer at Globex. Globex runs its pipeline on MSK.", "company:Globex."));
  CHECK(Has("He works at Acme.io now", "company:Acme.io"));
}

TEST_CASE("a person in prose with the job after an article: 'Priya Natarajan, a principal engineer at Globex'", "[discovery]") {
  CHECK(Has("The next talk was given by Priya Natarajan, a principal engineer at Globex.", "person:Priya Natarajan"));
  CHECK(Has("We met Tom Becker, the engineering manager of Lumen, after lunch", "person:Tom Becker"));
  // no job, or no company after it: no person
  CHECK_FALSE(Has("Last Tuesday, a principal engineer at Globex said so", "person:Last Tuesday"));
  CHECK_FALSE(Has("Deep Dive, an engineer's view of storage", "person:Deep Dive"));
}

TEST_CASE("a session code before 株式会社 is no company: 'CUS-12 株式会社X…'", "[discovery]") {
  CHECK_FALSE(Has("CUS-12 株式会社サクラにおけるサーバーレス移行", "company:CUS-12"));
  CHECK(Has("CUS-12 株式会社サクラにおけるサーバーレス移行", "company:サクラ"));
  CHECK(Has("- Sample株式会社 と Web3株式会社", "company:Sample"));
  CHECK(Has("- Sample株式会社 と Web3株式会社", "company:Web3"));  // digits at the end without a dash
}

TEST_CASE("role words before の方 are not companies", "[discovery]") {
  const auto found = EntitiesIn("Directorの方、PMの方、SAの方、Solutions Architectの人");
  for (const auto& name : found) CHECK(name.rfind("company:", 0) != 0);
  CHECK_FALSE(Has("Top Customer Request は何か", "company:Request"));
}

TEST_CASE("a discovered name is found again later in the same document", "[discovery]") {
  const auto result = kgx::testing::ExtractText("Quillfeather社の事例\n- Quillfeatherは移行した\n- quillfeatherx は別物\n");
  std::size_t count = 0;
  for (const auto& m : result.mentions) count += m.entity == "company/quillfeather";
  CHECK(count == 2);
}

TEST_CASE("tools defined in a bullet and repositories are discovered as technologies", "[discovery]") {
  CHECK(Has("- Kestrelbot - キューを処理するライブラリ", "technology:Kestrelbot"));
  CHECK(Has("- Ravenmill: 分散ビルドのためのシステム", "technology:Ravenmill"));
  CHECK(Has("  • someorg/fancy-widget を参照", "technology:fancy-widget"));
  CHECK_FALSE(Has("CPU/IO/IOPS は気にしない", "technology:IOPS"));
}

TEST_CASE("a tool introduced as one is a technology: 'Xという自作ツール', 'a tool called X'", "[discovery]") {
  CHECK(Has("・今は Kestrel という自作ツールを利用", "technology:Kestrel"));
  CHECK(Has("- Ravenmill っていう社内のデプロイツール", "technology:Ravenmill"));
  CHECK(Has("- they wrote a deploy tool called Shipwright", "technology:Shipwright"));
  // a word named as a word, or a unit, is no tool
  CHECK_FALSE(Has("・Deploy という言葉が好き", "technology:Deploy"));
  CHECK_FALSE(Has("・Team という単位で分ける", "technology:Team"));
}

TEST_CASE("a discovered name whose id a listed entity has shares that entity's slot", "[discovery]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto rules = kgx::RuleSet::FromBlocks(kgx::ParseRuleText(R"(
[gazetteer company]
Zorq Systems {id=zorqco}
[discover company]
(?P<name>[A-Z][a-z]+)社
)", "test.rules", diagnostics), diagnostics);
  REQUIRE(rules);
  const auto extract = [&](const std::string& text) {
    std::vector<kgx::Warning> warnings;
    return kgx::Extractor(*rules).Extract(kgx::CleanSource("snippet.txt", text, warnings));
  };
  // Listed first: the listed entity, mentioned twice.
  const auto both = extract("Zorq Systems と Zorqco社の事例\n");
  REQUIRE(both.entities.size() == 1);
  CHECK(both.entities[0].name == "Zorq Systems");
  CHECK(both.mentions.size() == 2);
  // Only discovered: the discovered entity keeps the listed id.
  const auto alone = extract("Zorqco社の事例\n");
  REQUIRE(alone.entities.size() == 1);
  CHECK(alone.entities[0].id == "company/zorqco");
  CHECK(alone.entities[0].discovered);
}

TEST_CASE("a community title in a speaker's parentheses is no company", "[discovery]") {
  CHECK_FALSE(Has("スピーカー: Alex Kim (Serverless Hero)", "company:Serverless Hero"));
  CHECK_FALSE(Has("Speaker: Mina Park (AWS Community Builder, Container Heroes)", "company:Container Heroes"));
  CHECK_FALSE(Has("登壇者: 田中 一郎さん (AWS Ambassador)", "company:AWS Ambassador"));
  CHECK_FALSE(Has("スピーカー: 高橋 次郎 (AWS Community Builder)", "company:AWS Community Builder"));
  CHECK(Has("Speaker: Jane Doe (Acme)", "company:Acme"));
}

TEST_CASE("a speaker line labelled 登壇 names the speaker without the honorific", "[discovery]") {
  CHECK(Has("・登壇: 田中太郎氏（株式会社ナビタイムジャパン インフラ部）", "person:田中太郎"));
  CHECK_FALSE(Has("・登壇: 田中太郎氏（株式会社ナビタイムジャパン インフラ部）", "person:田中太郎氏"));
  CHECK(Has("登壇者: 山田 太郎様", "person:山田 太郎"));
  CHECK(Has("登壇者: 森本 健太", "person:森本 健太"));
}

TEST_CASE("a speaker line that names company and job first ends with the speaker's name", "[discovery]") {
  CHECK(Has("スピーカー: アマゾン ウェブ サービス ジャパン合同会社 シニアソリューションアーキテクト 山田 太郎", "person:山田 太郎"));
  CHECK(Has("登壇者: 株式会社ミツバチ データエンジニア 佐藤花子さん", "person:佐藤花子"));
  CHECK_FALSE(Has("スピーカー: 株式会社ミツバチ データエンジニア", "person:データエンジニア"));
}

TEST_CASE("a Japanese name written without a space is discovered after a title and before an honorific", "[discovery]") {
  CHECK(Has("- Google Cloud 日本代表の平手智行氏", "person:平手智行"));
  CHECK(Has("- 社長、田中一郎さんの挨拶", "person:田中一郎"));
  CHECK_FALSE(Has("- 社長の挨拶のあと質疑", "person:挨拶"));
  CHECK(kgx::testing::EntitiesIn("- 部長の田中さん").empty());  // a family name alone is too short to tell
}

TEST_CASE("a job, a comma and a name closing a speaker's parenthesis: the name is the company", "[discovery]") {
  CHECK(Has("登壇者: Priya Raman（Staff Engineer, Kestrel Commerce）", "company:Kestrel Commerce"));
  CHECK_FALSE(Has("登壇者: Priya Raman（Staff Engineer, Kestrel Commerce）", "person:Kestrel Commerce"));
  CHECK(Has("Speaker: Jane Roe (Principal Engineer, Bluefin Labs)", "company:Bluefin Labs"));
  CHECK_FALSE(Has("Speaker: Jane Roe (Principal Engineer, Bluefin Labs)", "person:Bluefin Labs"));
  // a job before a name outside parentheses still names a person
  CHECK(Has("基調講演は CTO、Hanna Kowalski さん", "person:Hanna Kowalski"));
  CHECK(Has("Keynote by Vice President, Raju Gulabani", "person:Raju Gulabani"));
  CHECK(Has("Principal Engineer Tom Ito (Acme) が登壇", "person:Tom Ito"));
}
