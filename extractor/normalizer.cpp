// NFKC straight from UTF-8 to UTF-8 (Normalizer2::normalizeUTF8 with icu::Edits, never through
// UTF-16), then dash/tilde unification recorded as a second Edits and merged, so one sparse
// OffsetMap leads back to the source bytes.
#include "extractor/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "extractor/text_util.h"

namespace kgx {

std::size_t OffsetMap::ToSourceBegin(std::size_t norm) const {
  // Last segment starting at or before `norm`.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), norm,
                             [](std::size_t n, const Segment& s) { return n < s.norm_begin; });
  if (it == segments_.begin()) return norm;
  const Segment& s = *std::prev(it);
  if (norm < s.norm_end) return s.src_begin;
  return s.src_end + (norm - s.norm_end);
}

std::size_t OffsetMap::ToSourceEnd(std::size_t norm_end) const {
  // Last segment starting strictly before `norm_end`.
  auto it = std::lower_bound(segments_.begin(), segments_.end(), norm_end,
                             [](const Segment& s, std::size_t n) { return s.norm_begin < n; });
  if (it == segments_.begin()) return norm_end;
  const Segment& s = *std::prev(it);
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

std::string FoldLatinCase(std::string_view text) {
  std::string out(text);
  std::size_t i = 0;
  while (i < out.size()) {
    const unsigned char b = static_cast<unsigned char>(out[i]);
    if (b < 0x80) { out[i] = AsciiLower(out[i]); ++i; continue; }
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(out, i, length);
    if (length == 2 && cp >= 0xC0 && cp <= 0x24F) {
      const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
      if (lower != cp && lower >= 0x80 && lower < 0x800) {
        std::string encoded;
        AppendUtf8(lower, encoded);
        out[i] = encoded[0];
        out[i + 1] = encoded[1];
      }
    }
    i += length;
  }
  return out;
}

NormalizedText Normalize(std::string_view source) {
  NormalizedText result;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string nfkc_text;
  icu::Edits nfkc_edits;
  if (U_SUCCESS(status)) {
    nfkc_text.reserve(source.size() + source.size() / 8);
    icu::StringByteSink<std::string> sink(&nfkc_text);
    nfkc->normalizeUTF8(0, icu::StringPiece(source.data(), static_cast<int32_t>(source.size())),
                        sink, &nfkc_edits, status);
  }
  if (U_FAILURE(status)) {
    result.text = std::string(source);
    result.folded = FoldLatinCase(result.text);
    return result;
  }
  icu::Edits unify_edits;
  result.text = UnifyPunctuation(nfkc_text, unify_edits);
  icu::Edits merged;
  merged.mergeAndAppend(nfkc_edits, unify_edits, status);
  if (U_SUCCESS(status)) {
    icu::Edits::Iterator it = merged.getFineChangesIterator();
    while (it.next(status)) {
      const auto src = static_cast<std::size_t>(it.sourceIndex());
      const auto dst = static_cast<std::size_t>(it.destinationIndex());
      result.map.AddChange({dst, dst + static_cast<std::size_t>(it.newLength()), src,
                            src + static_cast<std::size_t>(it.oldLength())});
    }
  }
  result.folded = FoldLatinCase(result.text);
  return result;
}

std::string NormalizeForMatching(std::string_view text) { return Normalize(text).folded; }

}  // namespace kgx
