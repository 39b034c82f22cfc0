// NFKC straight from UTF-8 to UTF-8 (Normalizer2::normalizeUTF8 with icu::Edits, never through
// UTF-16), then dash/tilde unification recorded as a second Edits and merged, so one sparse
// OffsetMap leads back to the source bytes. The text is normalized line by line (NFKC never
// composes across a newline): a line of characters NFKC keeps wherever they stand (IsNfkcPlain:
// nearly all lines) or that ICU's quick check finds already normalized is copied with the
// punctuation unified inline, and only the others go through normalizeUTF8 and the Edits merge.
// Such lines are read sixteen bytes at a time where they hold only ASCII, kana and kanji
// (NfkcQuietWindow), else one character at a time with a table of the three-byte characters that
// need no second look. Latin case folding works sixteen bytes at a time (eight without SSE2).
// The OffsetMap is indexed by blocks of 64 bytes once a text is done.
#include "extractor/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extractor/nfkc_plain.h"
#include "extractor/nfkc_quiet.h"
#include "extractor/text_util.h"

namespace kgx {

void OffsetMap::Index(std::size_t text_size) {
  block_first_.clear();
  indexed_count_ = 0;
  // A few segments are searched as fast without; nor can 32-bit indices hold more.
  if (segments_.size() < 8 || segments_.size() > UINT32_MAX) return;
  const std::size_t blocks = (text_size >> kBlockBits) + 2;
  block_first_.reserve(blocks);
  std::size_t s = 0;
  for (std::size_t k = 0; k < blocks; ++k) {
    while (s < segments_.size() && segments_[s].norm_begin < (k << kBlockBits)) ++s;
    block_first_.push_back(static_cast<std::uint32_t>(s));
  }
  indexed_count_ = segments_.size();
}

namespace {

// The first of segments [first, last) for which `after` holds, given that it holds for every
// segment after that one too: a scan over the few segments of one block, a binary search over
// more.
template <typename After>
std::size_t FirstWhere(const std::vector<OffsetMap::Segment>& segments, std::size_t first, std::size_t last,
                       After after) {
  if (last - first <= 8) {
    while (first < last && !after(segments[first])) ++first;
    return first;
  }
  const auto it = std::partition_point(segments.begin() + static_cast<std::ptrdiff_t>(first),
                                       segments.begin() + static_cast<std::ptrdiff_t>(last),
                                       [&](const OffsetMap::Segment& s) { return !after(s); });
  return static_cast<std::size_t>(it - segments.begin());
}

}  // namespace

std::size_t OffsetMap::ToSourceBegin(std::size_t norm) const {
  std::size_t first = 0, last = 0;
  Candidates(norm, first, last);
  // The last segment starting at or before `norm` is the one before the first starting after it.
  const std::size_t k = FirstWhere(segments_, first, last, [norm](const Segment& s) { return norm < s.norm_begin; });
  if (k == 0) return norm;
  const Segment& s = segments_[k - 1];
  if (norm < s.norm_end) return s.src_begin;
  return s.src_end + (norm - s.norm_end);
}

std::size_t OffsetMap::ToSourceEnd(std::size_t norm_end) const {
  std::size_t first = 0, last = 0;
  Candidates(norm_end, first, last);
  // The last segment starting strictly before `norm_end`.
  const std::size_t k =
      FirstWhere(segments_, first, last, [norm_end](const Segment& s) { return norm_end <= s.norm_begin; });
  if (k == 0) return norm_end;
  const Segment& s = segments_[k - 1];
  if (norm_end <= s.norm_end) return s.src_end;
  return s.src_end + (norm_end - s.norm_end);
}

namespace {

// Returns the ASCII replacement for dashes, minus signs and wave dashes, or 0 to keep `cp`.
char UnifiedPunctuation(char32_t cp) {
  switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63:
      return '-';
    case 0x301C: case 0x2053:  // 〜 (wave dash), ⁓
      return '~';
    default:
      return 0;
  }
}

// Replaces dashes and wave dashes by ASCII, recording the changes in `edits`.
std::string UnifyPunctuation(const std::string& in, icu::Edits& edits) {
  std::string out;
  out.reserve(in.size());
  std::size_t unchanged_run = 0;
  std::size_t i = 0;
  while (i < in.size()) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) { out += in[i]; ++i; ++unchanged_run; continue; }
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(in, i, length);
    if (const char ascii = UnifiedPunctuation(cp)) {
      if (unchanged_run) edits.addUnchanged(static_cast<int32_t>(unchanged_run));
      unchanged_run = 0;
      edits.addReplace(static_cast<int32_t>(length), 1);
      out += ascii;
    } else {
      out.append(in, i, length);
      unchanged_run += length;
    }
    i += length;
  }
  if (unchanged_run) edits.addUnchanged(static_cast<int32_t>(unchanged_run));
  return out;
}

}  // namespace

namespace {

constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Returns the eight bytes of `word` with ASCII capitals lower-cased (bytes from 0x80 kept).
std::uint64_t LowerAsciiWord(std::uint64_t word) {
  const std::uint64_t low7 = word & ~kHighBits;
  const std::uint64_t above_z = low7 + kEachByte * (0x7F - 'Z');  // high bit set where byte > 'Z'
  const std::uint64_t from_a = low7 + kEachByte * (0x80 - 'A');   // high bit set where byte >= 'A'
  const std::uint64_t capitals = from_a & ~above_z & ~word & kHighBits;
  return word | (capitals >> 2);  // 0x80 >> 2 is the case bit 0x20
}

// Returns a mask with the high bit set in each byte of `word` from 0xC3 to 0xC9: the lead bytes
// of U+00C0 to U+024F, the only letters outside ASCII that fold in place.
std::uint64_t FoldableLatinLeads(std::uint64_t word) {
  const std::uint64_t low7 = word & ~kHighBits;
  const std::uint64_t above = low7 + kEachByte * (0x7F - 0x49);  // high bit set where low 7 bits > 0x49
  const std::uint64_t from = low7 + kEachByte * (0x80 - 0x43);   // high bit set where low 7 bits >= 0x43
  return from & ~above & word & kHighBits;
}

// Lower-cases the two-byte character that starts at `i` in place when it is a Latin capital
// from U+00C0 to U+024F whose small letter has two bytes too.
void FoldLatinAt(std::string& out, std::size_t i) {
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(out, i, length);
  if (length != 2 || cp < 0xC0 || cp > 0x24F) return;
  const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  if (lower == cp || lower < 0x80 || lower >= 0x800) return;
  std::string encoded;
  AppendUtf8(lower, encoded);
  out[i] = encoded[0];
  out[i + 1] = encoded[1];
}

}  // namespace

std::string FoldLatinCase(std::string_view text) {
  // Eight bytes at a time: ASCII letters by arithmetic (an ASCII byte is always a whole
  // character); a word holding a lead byte from C3 to C9 (rare in Japanese and English notes) has
  // those characters folded one by one. Such a byte never continues another character, so each
  // one starts a character; its second byte may lie in the next word, which is not ASCII either
  // way and so is left as it is by that word's lowering.
  std::string out(text);
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time the same way (signed compares: bytes from 0x80 are negative).
  const __m128i before_a = _mm_set1_epi8('A' - 1);
  const __m128i after_z = _mm_set1_epi8('Z' + 1);
  const __m128i before_c3 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i after_c9 = _mm_set1_epi8(static_cast<char>(0xCA));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= out.size(); i += 16) {
    auto* at = reinterpret_cast<__m128i*>(out.data() + i);
    const __m128i bytes = _mm_loadu_si128(at);
    const __m128i capitals = _mm_and_si128(_mm_cmpgt_epi8(bytes, before_a), _mm_cmplt_epi8(bytes, after_z));
    const __m128i leads = _mm_and_si128(_mm_cmpgt_epi8(bytes, before_c3), _mm_cmplt_epi8(bytes, after_c9));
    _mm_storeu_si128(at, _mm_or_si128(bytes, _mm_and_si128(capitals, case_bit)));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(leads)); mask != 0; mask &= mask - 1) {
      FoldLatinAt(out, i + static_cast<std::size_t>(std::countr_zero(mask)));
    }
  }
#endif
  for (; i + 8 <= out.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, out.data() + i, sizeof word);
    const std::uint64_t leads = FoldableLatinLeads(word);
    word = LowerAsciiWord(word);
    std::memcpy(out.data() + i, &word, sizeof word);
    if (leads == 0) continue;
    for (std::size_t j = i; j < i + 8; ++j) {
      const unsigned char b = static_cast<unsigned char>(out[j]);
      if (b >= 0xC3 && b <= 0xC9) FoldLatinAt(out, j);
    }
  }
  for (; i < out.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(out[i]);
    if (b >= 0xC3 && b <= 0xC9) {
      FoldLatinAt(out, i);
    } else {
      out[i] = AsciiLower(out[i]);
    }
  }
  return out;
}

namespace {

// Returns the ASCII byte a three-byte dash or wave dash at `p` becomes, or 0. The same
// characters as UnifiedPunctuation, matched on their UTF-8 bytes.
char UnifiedAt(const unsigned char* p) {
  if (p[0] == 0xE2) {
    if (p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) return '-';  // U+2010..U+2015
    if (p[1] == 0x88 && p[2] == 0x92) return '-';                  // U+2212
    if (p[1] == 0x81 && p[2] == 0x93) return '~';                  // U+2053
    return 0;
  }
  if (p[0] == 0xEF) {
    if (p[1] == 0xB9 && (p[2] == 0x98 || p[2] == 0xA3)) return '-';  // U+FE58, U+FE63
    return 0;
  }
  if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x9C) return '~';  // U+301C
  return 0;
}

// Appends the already-NFKC `chunk` (which starts at source offset `src_base`) to `out`,
// unifying dashes and wave dashes and recording each replacement in `map`.
void AppendUnified(std::string_view chunk, std::size_t src_base, std::string& out, OffsetMap& map) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(chunk.data());
  std::size_t run = 0;
  for (std::size_t i = 0; i + 2 < chunk.size(); ++i) {
    // The first two bytes of the characters UnifiedAt knows: one test per byte, rarely true
    // (kana and kanji lead bytes alone would keep the branch guessing).
    const unsigned pair = (unsigned{bytes[i]} << 8) | bytes[i + 1];
    if (pair != 0xE280 && pair != 0xE288 && pair != 0xE281 && pair != 0xEFB9 && pair != 0xE380) continue;
    const char ascii = UnifiedAt(bytes + i);
    if (!ascii) continue;
    out.append(chunk.data() + run, i - run);
    const std::size_t dst = out.size();
    out += ascii;
    map.AddChange({dst, dst + 1, src_base + i, src_base + i + 3});
    i += 2;
    run = i + 1;
  }
  out.append(chunk.data() + run, chunk.size() - run);
}

// Per block of 64 BMP code points, the characters whose three-byte form AppendIfPlain passes
// without a second look: those NFKC keeps that are no dash or wave dash. Filled the first time a
// character of the block takes the long way; always empty below U+0800 (three bytes would be
// overlong there) and for the surrogates. Threads that fill the same block at once store the same.
struct QuietTable {
  std::array<std::atomic<std::uint64_t>, 1024> bits{};
  std::array<std::atomic<std::uint64_t>, 16> filled{};
};
constinit QuietTable quiet;

std::uint64_t QuietBits(std::size_t block) { return quiet.bits[block].load(std::memory_order_relaxed); }

void FillQuiet(std::size_t block) {
  if (((quiet.filled[block >> 6].load(std::memory_order_relaxed) >> (block & 63)) & 1) != 0) return;
  std::uint64_t word = 0;
  const bool valid = block >= (0x800 >> 6) && (block < (0xD800 >> 6) || block >= (0xE000 >> 6));
  for (unsigned k = 0; valid && k < 64; ++k) {
    const auto cp = static_cast<char32_t>(block * 64 + k);
    if (IsNfkcPlain(cp) && UnifiedPunctuation(cp) == 0) word |= std::uint64_t{1} << k;
  }
  quiet.bits[block].store(word, std::memory_order_relaxed);
  quiet.filled[block >> 6].fetch_or(std::uint64_t{1} << (block & 63), std::memory_order_relaxed);
}

#ifndef __SSE2__
// Returns true when the 16 bytes at `p` are all ASCII.
bool Ascii16(const unsigned char* p) {
  std::uint64_t a, b;
  std::memcpy(&a, p, sizeof a);
  std::memcpy(&b, p + 8, sizeof b);
  return ((a | b) & kHighBits) == 0;
}
#endif

// Appends `chunk` (which starts at source offset `src_base`) when NFKC keeps every character of
// it (IsNfkcPlain), with dashes and wave dashes unified and recorded in `map` as AppendUnified
// does; returns false, leaving `out` and `map` as they were, when a character may change (then
// ICU decides). Sixteen bytes of ASCII, kana and kanji pass at once (NfkcQuietWindow), other
// three-byte characters of the quiet table on one lookup; a character of four bytes, or bytes
// that are not UTF-8, go to ICU as well.
bool AppendIfPlain(std::string_view chunk, std::size_t src_base, std::string& out, OffsetMap& map) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(chunk.data());
  const std::size_t n = chunk.size();
  const std::size_t out_mark = out.size();
  const std::size_t map_mark = map.segments().size();
  const auto give_up = [&] {
    out.resize(out_mark);
    map.DropFrom(map_mark);
    return false;
  };
  std::size_t run = 0;  // where the bytes not yet appended start
  std::size_t i = 0;
  // Passes the character at `i`; false when it may change.
  const auto one_character = [&] {
    const unsigned b = bytes[i];
    if (b < 0x80) {
      ++i;
      return true;
    }
    if ((b & 0xF0) == 0xE0 && i + 2 < n && ((bytes[i + 1] & 0xC0) | ((bytes[i + 2] & 0xC0) << 8)) == 0x8080) {
      const std::size_t block = ((b & 0x0Fu) << 6) | (bytes[i + 1] & 0x3Fu);
      if ((QuietBits(block) >> (bytes[i + 2] & 0x3Fu)) & 1) {
        i += 3;
        return true;
      }
      FillQuiet(block);
      const char32_t cp = static_cast<char32_t>((block << 6) | (bytes[i + 2] & 0x3Fu));
      if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) return false;  // overlong, surrogate
      if (!IsNfkcPlain(cp)) return false;
      if (const char ascii = UnifiedPunctuation(cp)) {
        out.append(chunk.data() + run, i - run);
        const std::size_t dst = out.size();
        out += ascii;
        map.AddChange({dst, dst + 1, src_base + i, src_base + i + 3});
        run = i + 3;
      }
      i += 3;
      return true;
    }
    if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
      if (!IsNfkcPlain(((b & 0x1Fu) << 6) | (bytes[i + 1] & 0x3Fu))) return false;
      i += 2;
      return true;
    }
    return false;
  };
#ifdef __SSE2__
  unsigned char tail[32];  // the line's last bytes, padded with ASCII so the window can read them
  while (i < n) {
    const unsigned char* at = bytes + i;
    if (i + 18 > n) {
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, at, n - i);
      at = tail;  // the padding is no continuation byte: no character passes cut at the line's end
    }
    unsigned other = 0;
    if (const std::size_t passed = NfkcQuietWindow(at, other)) {
      i = std::min(i + passed, n);
      continue;
    }
    // One character at a time up to the one holding the byte that did not fit.
    for (const std::size_t stop = i + other + 1; i < stop;) {
      if (bytes[i] < 0x80) {
        ++i;
      } else if (!one_character()) {
        return give_up();
      }
    }
  }
#else
  while (i < n) {
    if (i + 16 <= n && Ascii16(bytes + i)) {
      i += 16;
      continue;
    }
    if (!one_character()) return give_up();
  }
#endif
  out.append(chunk.data() + run, n - run);
  return true;
}

// Normalizes one chunk that ICU's quick check did not pass: normalizeUTF8 with Edits, then the
// punctuation unification, both merged into `map` (offsets shifted by the chunk's place).
bool AppendNormalized(const icu::Normalizer2& nfkc, std::string_view chunk, std::size_t src_base, std::string& out,
                      OffsetMap& map) {
  UErrorCode status = U_ZERO_ERROR;
  std::string nfkc_text;
  icu::Edits nfkc_edits;
  nfkc_text.reserve(chunk.size() + chunk.size() / 8);
  icu::StringByteSink<std::string> sink(&nfkc_text);
  nfkc.normalizeUTF8(0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())), sink, &nfkc_edits, status);
  if (U_FAILURE(status)) return false;
  icu::Edits unify_edits;
  const std::string unified = UnifyPunctuation(nfkc_text, unify_edits);
  icu::Edits merged;
  merged.mergeAndAppend(nfkc_edits, unify_edits, status);
  if (U_FAILURE(status)) return false;
  const std::size_t dst_base = out.size();
  icu::Edits::Iterator it = merged.getFineChangesIterator();
  while (it.next(status)) {
    const auto src = src_base + static_cast<std::size_t>(it.sourceIndex());
    const auto dst = dst_base + static_cast<std::size_t>(it.destinationIndex());
    map.AddChange({dst, dst + static_cast<std::size_t>(it.newLength()), src,
                   src + static_cast<std::size_t>(it.oldLength())});
  }
  out += unified;
  return true;
}

}  // namespace

namespace {

NormalizedText NormalizeLines(std::string_view source, bool shortcuts) {
  NormalizedText result;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const auto pass_through = [&] {
    NormalizedText plain;
    plain.text = std::string(source);
    plain.folded = FoldLatinCase(plain.text);
    return plain;
  };
  if (U_FAILURE(status)) return pass_through();
  result.text.reserve(source.size());
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t end = source.find('\n', start);
    end = end == std::string_view::npos ? source.size() : end + 1;
    const std::string_view chunk = source.substr(start, end - start);
    status = U_ZERO_ERROR;
    if (shortcuts && AppendIfPlain(chunk, start, result.text, result.map)) {
      // kept as it is, but for dashes
    } else if (nfkc->isNormalizedUTF8(icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())), status) &&
               U_SUCCESS(status)) {
      AppendUnified(chunk, start, result.text, result.map);
    } else if (!AppendNormalized(*nfkc, chunk, start, result.text, result.map)) {
      return pass_through();
    }
    start = end;
  }
  result.folded = FoldLatinCase(result.text);
  result.map.Index(result.text.size());
  return result;
}

}  // namespace

NormalizedText Normalize(std::string_view source) { return NormalizeLines(source, true); }

NormalizedText NormalizeWithoutShortcuts(std::string_view source) { return NormalizeLines(source, false); }

std::string NormalizeForMatching(std::string_view text) { return Normalize(text).folded; }

}  // namespace kgx
