// A person called by a tool's name: "Kong さんの発表" names someone, not the API gateway, when the tool's
// alias counts only beside technical words (a context) that the line does not hold. A company or an AWS
// service spoken of as a person ("AWS さん", "Lambda さん") stays the listed entity. Whole extraction with
// the shipped rules, Japanese and English, positive and negative.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::EntitiesIn;
using kgx::testing::Has;

}  // namespace

TEST_CASE("a person named like a guarded tool whose context fails stays a person", "[personified_names]") {
  const auto kong = EntitiesIn("# 社内LT\n\nKong さんの発表がよかった。\n");
  CHECK(kong.count("person:Kong") == 1);
  CHECK(kong.count("technology:Kong") == 0);
  const auto vault = EntitiesIn("# 社内LT\n\nVault さんにレビューしてもらった。\n");
  CHECK(vault.count("person:Vault") == 1);
  CHECK(vault.count("technology:Vault") == 0);
}

TEST_CASE("a guarded tool where its context holds is the tool, and the listed unguarded names stay", "[personified_names]") {
  // the same name as a tool on a technical line: the gateway
  CHECK(Has("# 構成\n\nAPI Gateway として Kong を入れた。Kubernetes の前段。\n", "technology:Kong"));
  CHECK(Has("# Stack\n\nWe put Kong in front of Kubernetes as our API gateway.\n", "technology:Kong"));
  // a company or a service personified is the listed one, as before
  CHECK(Has("# 雑談\n\nAWS さんにはお世話になっている。\n", "company:Amazon Web Services"));
  CHECK(Has("# 雑談\n\nLambda さんは今日も元気。\n", "aws_service:AWS Lambda"));
  CHECK_FALSE(Has("# 雑談\n\nLambda さんは今日も元気。\n", "person:Lambda"));
}
