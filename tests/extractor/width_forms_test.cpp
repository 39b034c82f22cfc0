// Notes typed in full-width alphanumerics and half-width katakana (as some Japanese IMEs and
// old blog engines leave them): what kgx reports is the same as for the ordinary forms, and
// identifiers and discovered names are written normalized. Whole extraction, our own text.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

using kgx::testing::EntitiesIn;
using kgx::testing::ExtractText;

namespace {

const char* const kNote =
    "ＡＷＳ　Ｓｕｍｍｉｔ　Ｔｏｋｙｏ　２０２４　参加ﾒﾓ\n\n"
    "【Ｄ２－０３】 ｻｰﾊﾞｰﾚｽで作る画像配信基盤\n"
    "登壇者：木村 誠さん (ﾌｸﾛｳﾃｯｸ)\n"
    "・配信はＣｌｏｕｄＦｒｏｎｔ、ｵﾘｼﾞﾝはＳ３\n"
    "・ﾗﾑﾀﾞで前処理、ピーク時は毎秒３００リクエスト\n";

}  // namespace

TEST_CASE("a full-width session code is written normalized, the title as written", "[width]") {
  const kgx::DocumentResult result = ExtractText(kNote);
  REQUIRE(result.sections.size() == 2);
  CHECK(result.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(result.sections[1].code == "D2-03");
  CHECK(result.sections[1].title == "ｻｰﾊﾞｰﾚｽで作る画像配信基盤");
  CHECK(result.event == "AWS Summit Tokyo 2024");
}

TEST_CASE("names, a discovered company and quantities in full-width and half-width forms", "[width]") {
  const auto found = EntitiesIn(kNote);
  CHECK(found.count("aws_service:Amazon CloudFront") == 1);
  CHECK(found.count("aws_service:Amazon S3") == 1);
  CHECK(found.count("aws_service:AWS Lambda") == 1);
  CHECK(found.count("person:木村 誠") == 1);
  CHECK(found.count("company:フクロウテック") == 1);  // discovered, named in full-width katakana
  const kgx::DocumentResult result = ExtractText(kNote);
  REQUIRE(result.quantities.size() == 1);
  CHECK(result.quantities[0].value == 300);
  CHECK(result.quantities[0].unit == "request");
  CHECK(result.quantities[0].per == "second");
}
