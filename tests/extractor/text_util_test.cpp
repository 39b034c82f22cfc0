// ASCII case helpers of text_util: only ASCII letters change, so byte offsets and UTF-8 stay intact.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/text_util.h"

namespace kgx {
namespace {

TEST_CASE("ASCII case copies change ASCII letters only", "[text_util]") {
  CHECK(AsciiUpperCopy("dat303-r1") == "DAT303-R1");
  CHECK(AsciiLowerCopy("DAT303-R1") == "dat303-r1");
  // Full-width, accented and Japanese letters are not ASCII: kept byte for byte.
  CHECK(AsciiUpperCopy("ｄａｔ café 東京a") == "ｄａｔ CAFé 東京A");
  CHECK(AsciiLowerCopy("ÀWS Ｌambda") == "Àws Ｌambda");
  // Bytes around the letters (punctuation, '@', '[', '`', '{') are not letters.
  CHECK(AsciiUpperCopy("@[`{az}`]") == "@[`{AZ}`]");
  CHECK(AsciiLowerCopy("@[`{AZ}`]") == "@[`{az}`]");
  CHECK(AsciiUpperCopy("").empty());
}

TEST_CASE("ASCII case of every byte", "[text_util]") {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool lower = b >= 'a' && b <= 'z', upper = b >= 'A' && b <= 'Z';
    CHECK(AsciiUpper(c) == (lower ? static_cast<char>(b - 32) : c));
    CHECK(AsciiLower(c) == (upper ? static_cast<char>(b + 32) : c));
  }
}

}  // namespace
}  // namespace kgx
