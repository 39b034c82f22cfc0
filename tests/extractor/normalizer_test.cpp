// Normalizer: NFKC, unified punctuation, Latin folding, and the offset map back to the source.
#include <catch2/catch.hpp>

#include "extractor/normalizer.h"

using kgx::Normalize;

namespace {

// The original text of normalized span [b, e).
std::string Original(const std::string& source, const kgx::NormalizedText& n, std::size_t b, std::size_t e) {
  const std::size_t ob = n.map.ToSourceBegin(b);
  const std::size_t oe = n.map.ToSourceEnd(e);
  return source.substr(ob, oe - ob);
}

}  // namespace

TEST_CASE("full-width letters and digits become ASCII and map back", "[normalizer]") {
  const std::string source = "利用 ＡＷＳ の ２５０億";
  const auto n = Normalize(source);
  CHECK(n.text == "利用 AWS の 250億");
  const std::size_t at = n.text.find("AWS");
  CHECK(Original(source, n, at, at + 3) == "ＡＷＳ");
  const std::size_t num = n.text.find("250");
  CHECK(Original(source, n, num, num + 3) == "２５０");
  CHECK(Original(source, n, num + 1, num + 2) == "５");
}

TEST_CASE("half-width katakana with voiced marks compose and map to both source characters", "[normalizer]") {
  const std::string source = "ｶﾞｲﾄﾞ S3";
  const auto n = Normalize(source);
  CHECK(n.text == "ガイド S3");
  CHECK(Original(source, n, 0, 3) == "ｶﾞ");
  const std::size_t s3 = n.text.find("S3");
  CHECK(Original(source, n, s3, s3 + 2) == "S3");
}

TEST_CASE("combining marks compose without shifting later offsets", "[normalizer]") {
  const std::string source = "Cafe\xCC\x81 Aurora";  // e + U+0301
  const auto n = Normalize(source);
  CHECK(n.text == "Caf\xC3\xA9 Aurora");
  const std::size_t at = n.text.find("Aurora");
  CHECK(Original(source, n, at, at + 6) == "Aurora");
  CHECK(n.folded.substr(0, 5) == "caf\xC3\xA9");
}

TEST_CASE("dashes and wave dashes are unified, the folded copy keeps offsets", "[normalizer]") {
  const std::string source = "30\xE2\x80\x93" "45秒 10\xE3\x80\x9C" "20% Lambda";
  const auto n = Normalize(source);
  CHECK(n.text == "30-45秒 10~20% Lambda");
  CHECK(n.folded == "30-45秒 10~20% lambda");
  CHECK(n.folded.size() == n.text.size());
  const std::size_t dash = n.text.find('-');
  CHECK(Original(source, n, dash, dash + 1) == "\xE2\x80\x93");
  const std::size_t lambda = n.text.find("Lambda");
  CHECK(Original(source, n, lambda, lambda + 6) == "Lambda");
}

TEST_CASE("CRLF line breaks survive normalization one to one", "[normalizer]") {
  const std::string source = "ＡＢ\r\nＣＤ\r\n";
  const auto n = Normalize(source);
  CHECK(n.text == "AB\r\nCD\r\n");
  CHECK(Original(source, n, 4, 6) == "ＣＤ");
}

TEST_CASE("Latin case folding covers Latin-1 letters", "[normalizer]") {
  CHECK(kgx::FoldLatinCase("ÉCOLE Über S3") == "école über s3");
  // Latin-2 and Extended-A letters, Japanese around them, a lead byte cut short at either end.
  CHECK(kgx::FoldLatinCase("ŁÓDŹ 日本 ĀB\xC3" "A") == "łódź 日本 āb\xC3" "a");
  CHECK(kgx::FoldLatinCase("Σ ÀÉ\xC3") == "Σ àé\xC3");
  CHECK(kgx::FoldLatinCase("@AZ[`az{ 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ\x7F\xC1\xDA") ==
        "@az[`az{ 0123456789 abcdefghijklmnopqrstuvwxyz\x7F\xC1\xDA");
}

TEST_CASE("every unified dash is found in an already normalized Japanese line", "[normalizer]") {
  const std::string source = "温度 \xE2\x88\x92" "5、値 \xE2\x81\x93 と \xE2\x80\x95 と \xE2\x80\x90";
  const auto n = Normalize(source);
  CHECK(n.text == "温度 -5、値 ~ と - と -");
  const std::size_t tilde = n.text.find('~');
  CHECK(Original(source, n, tilde, tilde + 1) == "\xE2\x81\x93");
  CHECK(kgx::NormalizeForMatching("ＡＭＡＺＯＮ Ａｕｒｏｒａ") == "amazon aurora");
}
