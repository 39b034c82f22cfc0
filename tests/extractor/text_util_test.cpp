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

TEST_CASE("Indent counts the leading spaces and tabs in bytes", "[text_util]") {
  CHECK(Indent("- item") == 0);
  CHECK(Indent("  - item") == 2);
  CHECK(Indent("\t\t発表者: 山田") == 2);
  CHECK(Indent(" \t ## Title") == 3);
  // A full-width space (U+3000) and a CR are no indentation: the line's text starts there.
  CHECK(Indent("\u3000東京") == 0);
  CHECK(Indent("  \u3000東京") == 2);
  CHECK(Indent("\r  x") == 0);
  // A line of blanks only is indented by its whole length; an empty one by none.
  CHECK(Indent("   ") == 3);
  CHECK(Indent(" \t") == 2);
  CHECK(Indent("") == 0);
}

TEST_CASE("IsKanji tells ideographs, IsNameKanji also the iteration mark of 佐々木", "[text_util]") {
  CHECK(IsKanji(U'東'));
  CHECK(IsKanji(U'\u3400'));  // extension A
  CHECK(IsKanji(U'\uFA11'));  // a compatibility ideograph NFKC keeps
  CHECK_FALSE(IsKanji(U'々'));
  CHECK_FALSE(IsKanji(U'ア'));
  CHECK_FALSE(IsKanji(U'あ'));
  CHECK_FALSE(IsKanji(U'Ａ'));
  CHECK_FALSE(IsKanji(U'〇'));  // a kanji numeral sits among the symbols
  CHECK(IsNameKanji(U'々'));
  CHECK(IsNameKanji(U'佐'));
  CHECK_FALSE(IsNameKanji(U'ー'));
}

TEST_CASE("HonorificAt and HonorificEnding measure さん, 氏 and 様 after a name", "[text_util]") {
  const std::string_view text = "山田さん (Taro Yamada)";
  CHECK(HonorificAt(text, 6) == 6);  // さん: two 3-byte characters
  CHECK(HonorificAt("森氏は", 3) == 3);
  CHECK(HonorificAt("田中様", 6) == 3);
  CHECK(HonorificAt(text, 0) == 0);
  CHECK(HonorificAt("山田", 6) == 0);   // at the end
  CHECK(HonorificAt("山田", 99) == 0);  // past it
  CHECK(HonorificAt("皆さま", 3) == 0);  // さま in kana is not listed
  CHECK(HonorificAt("Jane san", 5) == 0);
  CHECK(HonorificEnding("大西 拓海さん") == 6);
  CHECK(HonorificEnding("佐藤氏") == 3);
  CHECK(HonorificEnding("Jane Doe") == 0);
  CHECK(HonorificEnding("") == 0);
}

}  // namespace
}  // namespace kgx
