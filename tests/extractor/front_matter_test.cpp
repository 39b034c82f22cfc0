// FindFrontMatterTitle and the document title it gives: Zenn/Qiita/Jekyll YAML and Hugo TOML
// blocks, Japanese and English titles, and documents whose "---" opens no front matter.
#include <catch2/catch.hpp>

#include "extractor/front_matter.h"
#include "extractor/normalizer.h"
#include "tests/extractor/extract_support.h"

namespace {

// The front matter title of `text`, or "<none>".
std::string TitleOf(const std::string& text) {
  const kgx::NormalizedText normalized = kgx::Normalize(text);
  const auto title = kgx::FindFrontMatterTitle(kgx::SplitLines(normalized.text));
  return title ? normalized.text.substr(title->begin, title->end - title->begin) : "<none>";
}

}  // namespace

TEST_CASE("a front matter's title, quoted or not, YAML or TOML", "[front_matter]") {
  CHECK(TitleOf("---\ntitle: \"ECSからEKSへ移行した話\"\nemoji: \"🐳\"\ntype: \"tech\"\ntopics: [\"aws\", \"eks\"]\n"
                "published: true\n---\n\n## はじめに\n本文\n") == "ECSからEKSへ移行した話");
  CHECK(TitleOf("---\ntitle: Moving our CI to GitHub Actions\ntags:\n  - ci\n  - github\n---\nBody text.\n") ==
        "Moving our CI to GitHub Actions");
  CHECK(TitleOf("---\nlayout: post\ntitle: 'Aurora Serverless v2 を試す'\n# a comment\n---\n") == "Aurora Serverless v2 を試す");
  CHECK(TitleOf("+++\ntitle = \"Scaling Kafka at Example\"\ndate = 2024-01-01\n+++\ntext\n") == "Scaling Kafka at Example");
}

TEST_CASE("a '---' that opens no front matter gives no title", "[front_matter]") {
  CHECK(TitleOf("---\nこれは本文です。区切り線から始まる記事。\n---\n") == "<none>");          // prose, not metadata
  CHECK(TitleOf("---\ntitle: \"Unclosed\"\nauthor: me\n\n## Heading\nBody.\n") == "<none>");  // never closed
  CHECK(TitleOf("---\nauthor: me\n---\nBody\n") == "<none>");                               // no title
  CHECK(TitleOf("---\ntitle: \"\"\n---\nBody\n") == "<none>");                              // an empty one
  CHECK(TitleOf("# Title\n---\ntitle: x\n---\n") == "<none>");                             // not at the top
  CHECK(TitleOf("---\ntitle = \"TOML in YAML delimiters\"\n---\n") == "<none>");
}

TEST_CASE("the document and its first section are named by the front matter's title", "[front_matter]") {
  const kgx::DocumentResult zenn = kgx::testing::ExtractText(
      "---\ntitle: \"ECSからEKSへ移行した話\"\ntopics: [\"aws\"]\n---\n\n## はじめに\n株式会社サンプルではAmazon ECSを使っている。\n");
  CHECK(zenn.title == "ECSからEKSへ移行した話");
  REQUIRE(!zenn.sections.empty());
  CHECK(zenn.sections.front().title == "ECSからEKSへ移行した話");
  const kgx::DocumentResult plain = kgx::testing::ExtractText("# Notes from KubeCon\n\n---\n\n- Argo CD\n");
  CHECK(plain.title == "Notes from KubeCon");
}

TEST_CASE("a front matter's title is the header its relations are read from", "[front_matter]") {
  const kgx::DocumentResult doc = kgx::testing::ExtractText(
      "---\ntitle: \"株式会社サンプルにおけるAmazon ECS導入事例\"\ntopics: [\"aws\"]\n---\n\n## 背景\n- Amazon Auroraを採用しました。\n");
  std::set<std::string> relations;
  for (const kgx::Relation& r : doc.relations) relations.insert(r.subject + " " + r.predicate + " " + r.object + " @" + std::to_string(r.line));
  // the case study's company uses what its title names (stated on the title's line), and what its
  // other sections say without a subject
  CHECK(relations == std::set<std::string>{"company/サンプル uses aws_service/amazon-ecs @2",
                                           "company/サンプル uses aws_service/amazon-aurora @7"});
  // without front matter, the same "---" and key lines are only text
  const kgx::DocumentResult plain = kgx::testing::ExtractText(
      "---\nこれは区切り線から始まる記事です。\n---\n\n## 背景\n- Amazon Auroraを採用しました。\n");
  CHECK(plain.relations.empty());
}
