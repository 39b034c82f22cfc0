// A [discover …] block's "@after RE": its patterns read a line only under a non-blank line RE matches, as a
// Japanese catalog lists a speaker's name alone under "スピーカー:"; and the whole extraction with the shipped rules
// (the company's line under the name presents the talk, and the person above it has a role there: @subject person_above).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/discovery.h"
#include "extractor/rule_file.h"
#include "tests/extractor/extract_support.h"

namespace {

std::unique_ptr<kgx::Discovery> Compiled(const std::string& rules, std::vector<kgx::RuleDiagnostic>& diagnostics) {
  return kgx::Discovery::Compile(kgx::ParseRuleText(rules, "d.rules", diagnostics), diagnostics);
}

const std::string kRules = "[discover person]\n@after ^登壇者[:：]$\n^(?P<name>\\p{Han}{1,3} \\p{Han}{1,3})$\n";

}  // namespace

TEST_CASE("a discovery block's @after reads a line only under a line it matches", "[discovery]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto discovery = Compiled(kRules, diagnostics);
  REQUIRE(discovery);
  CHECK(discovery->Find("山田 太郎", nullptr, "登壇者:").size() == 1);
  // negative: another line above, or none
  CHECK(discovery->Find("山田 太郎", nullptr, "障害対応").empty());
  CHECK(discovery->Find("山田 太郎").empty());
}

TEST_CASE("a discovery block's unknown option or bad @after is an error at its line", "[discovery]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  CHECK_FALSE(Compiled("[discover person]\n@before ^x\n^(?P<name>\\w+)$\n", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString().find("d.rules:2:1: error: unknown option '@before' (expected @after)") == 0);
  diagnostics.clear();
  CHECK_FALSE(Compiled("[discover person]\n@after ^(x\n^(?P<name>\\w+)$\n", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString().find("d.rules:2:1: error: bad pattern in '@after ^(x'") == 0);
}

TEST_CASE("a Japanese catalog's speaker alone under its label is a person, the company line under it presents the talk",
          "[catalog_notes]") {
  const std::string ja = "カタログ\n\nKubernetes 運用の自動化\nセッションID: K8S-07\nスピーカー:\n山田 太郎\n"
                         "株式会社サンプル SRE\n\nRust でつくる高速 API サーバー\nセッションID: AP-21\n登壇者：\n佐藤 花子\n"
                         "株式会社ミズナギ プラットフォームエンジニア\n";
  CHECK(kgx::testing::Has(ja, "person:山田 太郎"));
  CHECK(kgx::testing::Has(ja, "person:佐藤 花子"));
  CHECK(kgx::testing::Relates(ja, "<section> presented_by company/サンプル"));
  CHECK(kgx::testing::Relates(ja, "<section> presented_by company/ミズナギ"));
  CHECK(kgx::testing::Relates(ja, "person/山田-太郎 role_at company/サンプル"));
  CHECK(kgx::testing::Relates(ja, "person/佐藤-花子 role_at company/ミズナギ"));
  CHECK_FALSE(kgx::testing::Relates(ja, "person/山田-太郎 role_at company/ミズナギ"));
  // negative: no name over the company's line, no one has a role there (the company still presents)
  const std::string nameless = "カタログ\n\nKubernetes 運用の自動化\nセッションID: K8S-07\nスピーカー:\n株式会社サンプル SRE\n";
  CHECK(kgx::testing::Relates(nameless, "<section> presented_by company/サンプル"));
  for (const std::string& r : kgx::testing::RelationsIn(nameless)) CHECK(r.find("role_at") == std::string::npos);
  // negative: a name alone with no label above it, a company line in prose under no label
  CHECK_FALSE(kgx::testing::Has("# メモ\n\n山田 太郎\n株式会社サンプル SRE\n", "person:山田 太郎"));
  CHECK_FALSE(kgx::testing::Relates("カタログ\n\nKubernetes 運用の自動化\nセッションID: K8S-07\n概要:\n株式会社サンプル SRE\n",
                                    "<section> presented_by company/サンプル"));
  // a label with the name on its own line is read as before
  CHECK(kgx::testing::Has("# メモ\n\n登壇者: 山田 太郎さん\n", "person:山田 太郎"));
}
