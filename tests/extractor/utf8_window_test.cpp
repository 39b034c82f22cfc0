// utf8_window's byte-range compares over sixteen lanes, checked against plain byte compares: every
// range of non-ASCII bytes against every byte value, and lead bytes found in Japanese and English text.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/utf8_window.h"

#ifdef __SSE2__

namespace {

unsigned Lanes(__m128i mask) { return static_cast<unsigned>(_mm_movemask_epi8(mask)); }

unsigned BetweenByHand(const unsigned char* p, unsigned lo, unsigned hi) {
  unsigned lanes = 0;
  for (unsigned k = 0; k < 16; ++k) lanes |= (p[k] >= lo && p[k] <= hi ? 1u : 0u) << k;
  return lanes;
}

}  // namespace

TEST_CASE("Between marks exactly the lanes whose byte is in the range, for every range and byte", "[reader]") {
  unsigned char bytes[256 + 16];
  for (unsigned b = 0; b < sizeof bytes; ++b) bytes[b] = static_cast<unsigned char>(b);
  std::size_t mismatches = 0;
  for (unsigned lo = 0x80; lo <= 0xFF; ++lo) {
    for (unsigned hi = lo; hi <= 0xFF; ++hi) {
      for (unsigned from = 0; from < 256; from += 16) {
        const __m128i x = kgx::utf8_window::Load(bytes + from);
        if (Lanes(kgx::utf8_window::Between(x, lo, hi)) != BetweenByHand(bytes + from, lo, hi)) ++mismatches;
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Between finds the lead bytes of Japanese characters and none in English text", "[reader]") {
  const std::string japanese = "日本のAWS移行 ok";  // 日 本 の: E6 E6 E3, 移 行: E7 E8
  const std::string english = "AWS migration ok";
  REQUIRE(japanese.size() >= 16);
  REQUIRE(english.size() >= 16);
  const auto* jp = reinterpret_cast<const unsigned char*>(japanese.data());
  const auto* en = reinterpret_cast<const unsigned char*>(english.data());
  // Three-byte leads E1-EF: bytes 0, 3, 6 (日本の) and 12 (移); 行 starts at 15.
  CHECK(Lanes(kgx::utf8_window::Between(kgx::utf8_window::Load(jp), 0xE1, 0xEF)) == 0b1001000001001001u);
  // Continuation bytes 80-BF: the other bytes of those characters.
  CHECK(Lanes(kgx::utf8_window::Between(kgx::utf8_window::Load(jp), 0x80, 0xBF)) == 0b0110000110110110u);
  CHECK(Lanes(kgx::utf8_window::Between(kgx::utf8_window::Load(en), 0x80, 0xFF)) == 0u);
  CHECK(Lanes(kgx::utf8_window::Between(kgx::utf8_window::Load(jp), 0xE3, 0xE3)) == 0b1000000u);  // の only
}

#endif
