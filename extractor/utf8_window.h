// Sixteen bytes of UTF-8 at once (SSE2): the byte-range compares that tell lead from continuation
// bytes, and the answer of a window once a caller has claimed the bytes of the characters it
// passes. Shared by the reader's run of common characters (reader.cpp) and the normalizer's
// quiet window (nfkc_quiet.h).
#pragma once

#include <bit>
#include <cstddef>

#ifdef __SSE2__
#include <emmintrin.h>

namespace kgx::utf8_window {

// SSE2 compares are signed: bytes from 0x80 are negative, ASCII bytes positive.
inline __m128i Load(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
// Lanes where the byte is from 0x80 to `hi` (hi < 0xFF): never an ASCII byte.
inline __m128i AtMost(__m128i x, unsigned hi) { return _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))); }
// Lanes where the byte is at least `lo` (0x80 < lo): every ASCII byte too.
inline __m128i AtLeast(__m128i x, unsigned lo) { return _mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))); }
// Lanes where the byte is from `lo` to `hi` (0x80 <= lo <= hi <= 0xFF). The add moves the range to
// the bottom of the signed bytes, so one compare tells it: two instructions instead of three.
inline __m128i Between(__m128i x, unsigned lo, unsigned hi) {
  const __m128i moved = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
  return _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo) + 1)));
}
inline __m128i Is(__m128i x, unsigned byte) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(byte))); }

// The answer of a window whose non-ASCII bytes are `high` (one bit per byte of the sixteen) when
// the characters a caller passes hold the bytes `claimed` (lead bits shifted over their
// continuation bytes, up to bit 17): 16 plus the bytes of a character that begins in the sixteen
// and ends beyond them; 0 when some byte of the sixteen is not claimed, `first_other` the first.
inline std::size_t Answer(unsigned high, unsigned claimed, unsigned& first_other) {
  const unsigned mismatch = (high ^ claimed) & 0xFFFFu;
  if (mismatch != 0) {
    first_other = static_cast<unsigned>(std::countr_zero(mismatch));
    return 0;
  }
  // Bits 16 and 17 added one by one: std::popcount without -mpopcnt is a libgcc call, and this
  // runs for every window of every line.
  return 16 + ((claimed >> 16) & 1u) + ((claimed >> 17) & 1u);
}

}  // namespace kgx::utf8_window

#endif
