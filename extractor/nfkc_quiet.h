// NfkcQuietWindow: sixteen bytes of a line at once that the Normalizer may copy untouched: ASCII,
// kanji (U+4000-U+9FFF), kana and the common CJK punctuation, all of which NFKC keeps and none of
// which is a dash or wave dash. Told by SSE2 byte compares, without decoding a character; what it
// does not pass (full-width forms, half-width kana, marks, dashes, anything else) the Normalizer
// decides one character at a time.
#pragma once

#include <cstddef>

#include "extractor/utf8_window.h"

namespace kgx {

#ifdef __SSE2__

// Returns how many bytes from `p` (which starts a character) are ASCII or quiet three-byte
// characters: 16 plus the bytes of a character that begins in the sixteen and ends beyond them;
// 0 when one of the sixteen bytes is anything else. Reads p[0] to p[17]. `first_other` is set to
// the first byte (0 to 15) that does not fit when the answer is 0.
inline std::size_t NfkcQuietWindow(const unsigned char* p, unsigned& first_other) {
  using namespace utf8_window;
  const __m128i lead = Load(p);
  const __m128i second = Load(p + 1);
  const __m128i third = Load(p + 2);
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(lead));
  if (high == 0) return 16;
  const __m128i tail = _mm_and_si128(AtMost(second, 0xBF), AtMost(third, 0xBF));  // two continuation bytes
  // E4-E9: U+4000-U+9FFF, CJK ideographs (and the Yijing hexagrams), all kept by NFKC.
  const __m128i kanji = Between(lead, 0xE4, 0xE9);
  // E3: U+3000-U+3FFF. Kept: U+3001-U+301B (、。「」…), U+3040-U+307F, U+3080-U+30BF but the
  // sound marks U+3099-U+309C and ゟ U+309F, U+30C0-U+30FE (not ヿ U+30FF).
  const __m128i punctuation = _mm_and_si128(Is(second, 0x80), Between(third, 0x81, 0x9B));
  const __m128i hiragana = Is(second, 0x81);
  const __m128i kana = _mm_andnot_si128(_mm_or_si128(Between(third, 0x99, 0x9C), Is(third, 0x9F)), Is(second, 0x82));
  const __m128i katakana = _mm_andnot_si128(Is(third, 0xBF), Is(second, 0x83));
  const __m128i e3 = _mm_and_si128(Is(lead, 0xE3),
                                   _mm_or_si128(_mm_or_si128(punctuation, hiragana), _mm_or_si128(kana, katakana)));
  const auto quiet = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(tail, _mm_or_si128(kanji, e3))));
  const unsigned claimed = quiet | (quiet << 1) | (quiet << 2);  // leads and their continuation bytes
  return Answer(high, claimed, first_other);
}

#endif

}  // namespace kgx
