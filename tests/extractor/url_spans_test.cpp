// UrlSpans: web addresses in Japanese and English lines, Markdown links, and what is no address;
// like a link, a fenced code block states no quantity, and nor does the number of a name.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "extractor/url_spans.h"
#include "tests/extractor/extract_support.h"

namespace {

std::vector<std::string> Urls(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : kgx::UrlSpans(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

}  // namespace

TEST_CASE("addresses end at white space, brackets, quotes and Japanese punctuation", "[url]") {
  CHECK(Urls("資料: https://aws.amazon.com/jp/lambda/ を参照") == std::vector<std::string>{"https://aws.amazon.com/jp/lambda/"});
  CHECK(Urls("[slides](https://example.com/ARC301.pdf) and HTTP://Example.com/x") ==
        std::vector<std::string>{"https://example.com/ARC301.pdf", "HTTP://Example.com/x"});
  CHECK(Urls("リンク(https://example.com/a)、続き") == std::vector<std::string>{"https://example.com/a"});
  CHECK(Urls("「https://example.com/b」。") == std::vector<std::string>{"https://example.com/b"});
  CHECK(Urls("<ftp://files.example.com/x.zip>") == std::vector<std::string>{"ftp://files.example.com/x.zip"});
}

TEST_CASE("no address without a known scheme at a word start", "[url]") {
  CHECK(Urls("s3://bucket/key は S3 のパス").empty());
  CHECK(Urls("xhttps://example.com").empty());
  CHECK(Urls("https:/example.com http// ://").empty());
  CHECK(Urls("").empty());
  CHECK(Urls("https://") == std::vector<std::string>{"https://"});
}

TEST_CASE("names inside a web address are no mentions, the same names outside it are", "[url]") {
  using kgx::testing::EntitiesIn;
  CHECK(EntitiesIn("- 資料: https://aws.amazon.com/lambda/ を参照") == std::set<std::string>{});
  CHECK(EntitiesIn("- Lambda の資料: https://aws.amazon.com/lambda/") == std::set<std::string>{"aws_service:AWS Lambda"});
  CHECK(EntitiesIn("- [Netflix の事例](https://example.com/netflix-kafka) で Kafka") ==
        std::set<std::string>{"company:Netflix", "technology:Kafka"});
  // An entity named only inside an address is not listed at all.
  const kgx::DocumentResult result = kgx::testing::ExtractText("- https://github.com/netflix/zuul\n");
  CHECK(result.entities.empty());
  CHECK(result.mentions.empty());
}

TEST_CASE("numbers inside a web address are no quantities", "[url]") {
  const kgx::DocumentResult result = kgx::testing::ExtractText("- 100GB のテスト: https://example.com/100GB-test/5ms\n");
  REQUIRE(result.quantities.size() == 1);
  CHECK(result.quantities[0].text == "100GB");
}

TEST_CASE("numbers inside a fenced code block are no quantities", "[url]") {
  const kgx::DocumentResult result =
      kgx::testing::ExtractText("# Notes\n\n- node count down by 40%\n\n```yaml\nlimits:\n  cpu: 1000\n  memory: 64Gi\n```\n");
  REQUIRE(result.quantities.size() == 1);
  CHECK(result.quantities[0].text == "40%");
}

TEST_CASE("a name inside a session code is no mention", "[url]") {
  using kgx::testing::EntitiesIn;
  CHECK(EntitiesIn("memo\n\n【AWS-21】Amazon ECSではじめるコンテナ運用入門\n- ECSの基本\n") ==
        std::set<std::string>{"aws_service:Amazon ECS"});
  CHECK(EntitiesIn("memo\n\nAWS-07 生成AIアプリのオブザーバビリティ\n- AWSのサービスで構築\n") ==
        std::set<std::string>{"company:Amazon Web Services"});  // the line below names AWS itself
}

TEST_CASE("a number a name holds or begins with is no quantity", "[url]") {
  const auto texts = [](const std::string& notes) {
    std::vector<std::string> out;
    for (const kgx::Quantity& q : kgx::testing::ExtractText(notes).quantities) out.push_back(q.text);
    return out;
  };
  CHECK(texts("- ルート53 アカウントでDNSを管理\n").empty());
  CHECK(texts("- Amazon Route 53のサービスでフェイルオーバー\n").empty());
  CHECK(texts("- Amazon Linux 2 update を適用\n").empty());
  // the name's own number is skipped, the line's other numbers are not
  CHECK(texts("- Route 53 のレコードは1,200件\n") == std::vector<std::string>{"1,200件"});
  CHECK(texts("- Amazon Linux 2 のインスタンスが30台\n") == std::vector<std::string>{"30台"});
  CHECK(texts("- 53 accounts behind Route 53\n") == std::vector<std::string>{"53 accounts"});
}
