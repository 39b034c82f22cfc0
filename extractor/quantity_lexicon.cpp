// Literal tables of the quantity vocabulary (see quantity_lexicon.h): indexed by first and last
// character, longest literal first, compared ASCII-case-insensitively unless a literal says `case`.
#include "extractor/quantity_lexicon.h"

#include <algorithm>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define KGX_QUANTITY_START_AVX2 1
#endif

#include "extractor/quantity_number.h"
#include "extractor/quantity_text.h"
#include "extractor/text_util.h"

namespace kgx {
int QuantityLexicon::AddUnit(UnitDef def) {
  units_.push_back(std::move(def));
  return static_cast<int>(units_.size() - 1);
}

const LexEntry* QuantityLexicon::AddEntry(LexEntry entry) {
  for (const LexEntry& e : entries_) {
    if (e.role != entry.role || e.text.size() != entry.text.size()) continue;
    const bool exact = entry.case_sensitive || e.case_sensitive;
    bool same = true;
    for (std::size_t i = 0; i < e.text.size() && same; ++i) same = SameByte(e.text[i], entry.text[i], exact);
    if (same) return &e;
  }
  entries_.push_back(std::move(entry));
  return nullptr;
}

const DurationPair* QuantityLexicon::AddDurationPair(DurationPair pair) {
  if (const DurationPair* earlier = FindDurationPair(pair.larger)) return earlier;
  duration_pairs_.push_back(std::move(pair));
  return nullptr;
}

void QuantityLexicon::MarkWordStart(std::string_view text) {
  // Both ASCII cases of the first two bytes; any second byte when the literal has one byte only.
  for (const char first : {AsciiLower(text[0]), AsciiUpper(text[0])}) {
    const unsigned high = static_cast<unsigned char>(first) << 8;
    if (text.size() == 1) {
      for (unsigned low = 0; low < 256; ++low) word_starts_.set(high | low);
      continue;
    }
    word_starts_.set(high | static_cast<unsigned char>(AsciiLower(text[1])));
    word_starts_.set(high | static_cast<unsigned char>(AsciiUpper(text[1])));
  }
}

// Marks the first character of `text` in third_bytes_ when it has three bytes. A literal whose
// first bytes are no well-formed three-byte character (never in rules read as UTF-8) marks every
// character its first byte begins, so that the skip passes none of them.
void QuantityLexicon::MarkThirdByte(std::string_view text) {
  const auto b0 = static_cast<unsigned char>(text[0]);
  if ((b0 & 0xF0) != 0xE0) return;
  const bool whole = text.size() >= 3 && (static_cast<unsigned char>(text[1]) & 0xC0) == 0x80 &&
                     (static_cast<unsigned char>(text[2]) & 0xC0) == 0x80;
  if (!whole) {
    for (unsigned b1 = 0; b1 < 64; ++b1) third_bytes_[(b0 & 0x0Fu) << 6 | b1] = ~std::uint64_t{0};
    return;
  }
  const unsigned b1 = static_cast<unsigned char>(text[1]) & 0x3Fu, b2 = static_cast<unsigned char>(text[2]) & 0x3Fu;
  third_bytes_[(b0 & 0x0Fu) << 6 | b1] |= std::uint64_t{1} << b2;
}

void QuantityLexicon::MarkPairs(const LexEntry& e) {
  const std::string_view t = e.text;
  const auto role = static_cast<std::size_t>(e.role);
  const auto both = [](char c) {
    return std::array<unsigned, 2>{static_cast<unsigned char>(AsciiLower(c)), static_cast<unsigned char>(AsciiUpper(c))};
  };
  if (t.size() == 1) {
    for (const unsigned c : both(t[0])) {
      for (unsigned other = 0; other < 256; ++other) {
        first_pairs_[role].set(c << 8 | other);
        last_pairs_[role].set(other << 8 | c);
      }
    }
    return;
  }
  for (const unsigned a : both(t[0])) {
    for (const unsigned b : both(t[1])) first_pairs_[role].set(a << 8 | b);
  }
  for (const unsigned a : both(t[t.size() - 2])) {
    for (const unsigned b : both(t[t.size() - 1])) last_pairs_[role].set(a << 8 | b);
  }
}

void QuantityLexicon::Finish() {
  for (auto& pairs : first_pairs_) pairs.reset();
  for (auto& pairs : last_pairs_) pairs.reset();
  word_starts_.reset();
  third_bytes_.fill(0);
  forward_ = Index();
  backward_ = Index();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const LexEntry& e = entries_[i];
    if (e.text.empty()) continue;
    const auto role = static_cast<std::size_t>(e.role);
    MarkPairs(e);
    forward_[role].Add(FirstKey(e.text)).push_back(CandidateOf(e, static_cast<int>(i), true));
    if (e.role == LexRole::kWord || e.role == LexRole::kPrefixUnit) {
      MarkWordStart(e.text);
      MarkThirdByte(e.text);
    }
    backward_[role].Add(LastKey(e.text)).push_back(CandidateOf(e, static_cast<int>(i), false));
  }
  quantity_starts_ = word_starts_ | KanjiNumberLeads();
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if (IsKanjiNumberStart(cp)) third_bytes_[cp >> 6] |= std::uint64_t{1} << (cp & 0x3F);
  }
  for (unsigned digit = '0'; digit <= '9'; ++digit) {
    for (unsigned next = 0; next < 256; ++next) quantity_starts_.set(digit << 8 | next);
  }
  for (unsigned first = 0; first < 256; ++first) {
    bool any = false;
    for (unsigned next = 0; next < 256 && !any; ++next) any = quantity_starts_[first << 8 | next];
    may_lead_[first] = any && (first & 0xC0) != 0x80;
  }
  // The ASCII bytes of may_lead_ with bit 0x20 set (lower-case letters stand for both cases) as
  // ranges [first, last], for the 16-byte scan, which sets that bit in the line's bytes too.
  std::array<bool, 0x80> folded{};
  for (unsigned first = 0; first < 0x80; ++first) folded[first | 0x20] = folded[first | 0x20] || may_lead_[first];
  std::vector<std::array<unsigned, 2>> ranges;
  for (unsigned first = 0; first < 0x80; ++first) {
    if (!folded[first]) continue;
    if (!ranges.empty() && ranges.back()[1] + 1 == first) {
      ranges.back()[1] = first;
    } else {
      ranges.push_back({first, first});
    }
  }
  // A range ending at 0x7F has no ASCII byte after it to compare with.
  ascii_leads_all_ = ranges.size() > kMaxLeadRanges || (!ranges.empty() && ranges.back()[1] == 0x7F);
  ascii_lead_range_count_ = ascii_leads_all_ ? 0 : ranges.size();
  for (std::size_t r = 0; r < ascii_lead_range_count_; ++r) {
    ascii_lead_above_[r].bytes.fill(static_cast<unsigned char>(ranges[r][0] - 1));  // 0 - 1 is 0xFF: -1 as a signed byte
    ascii_lead_below_[r].bytes.fill(static_cast<unsigned char>(ranges[r][1] + 1));
  }
  kana_start_nothing_ = true;
  for (unsigned second = 0x81; second <= 0x83; ++second) kana_start_nothing_ = kana_start_nothing_ && !quantity_starts_[0xE3u << 8 | second];
  start_filter_.Build(quantity_starts_, may_lead_);
#ifdef KGX_QUANTITY_START_AVX2
  scan_ = CpuHasAvx2() ? StartScan::kAvx2 : StartScan::kSse2;
#else
  scan_ = StartScan::kSse2;  // the scalar walk where SSE2 is not compiled in
#endif
  const auto longest_first = [](const Candidate& a, const Candidate& b) {
    return a.size != b.size ? a.size > b.size : a.index < b.index;
  };
  const auto sort_bucket = [&](std::vector<Candidate>& bucket) { std::sort(bucket.begin(), bucket.end(), longest_first); };
  for (auto& per_role : forward_) per_role.ForEachBucket(sort_bucket);
  for (auto& per_role : backward_) per_role.ForEachBucket(sort_bucket);
}

std::size_t QuantityLexicon::NextPossibleStart(std::string_view line, std::size_t pos, StartScan scan) const {
  if (scan == StartScan::kBest) scan = scan_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  const auto starts_at = [&](std::size_t at) {
    const unsigned second = at + 1 < size ? bytes[at + 1] : 0u;
    return quantity_starts_[bytes[at] << 8 | second] && ThirdByteMayStart(bytes, size, at);
  };
  if (pos >= size) return size;
#ifdef KGX_QUANTITY_START_AVX2
  // The 32-byte scan tests `pos` with the rest: its first block starts there, or its last one or
  // its byte walk covers it.
  if (scan == StartScan::kAvx2) return NextPossibleStartAvx2(bytes, size, pos);
#endif
  if (starts_at(pos)) return pos;
  ++pos;
#ifdef __SSE2__
  // Sixteen bytes at a time: a mask of the bytes that may begin something (UTF-8 lead bytes, and
  // ASCII bytes that are one of may_lead_'s with bit 0x20 set), a superset of the walk's stops;
  // each is then tested exactly. Japanese text is mostly lead bytes of kana and kanji, which the
  // two-byte test rejects. The block's last byte has a byte after it: no bounds test.
  const __m128i below_leads = _mm_set1_epi8(static_cast<char>(0xBF));  // -65: continuation bytes and less
  const __m128i bit_0x20 = _mm_set1_epi8(0x20);
  while (scan != StartScan::kScalar && pos + 17 <= size) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(chunk));  // bytes >= 0x80
    const unsigned not_continuation = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(chunk, below_leads)));
    unsigned candidates = high & not_continuation;  // lead bytes >= 0xC0
    if (candidates != 0 && kana_start_nothing_) {
      // Signed: 0x81..0x83 are -127..-125. The block's last lane reads the byte after it.
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos + 1));
      const __m128i kana_second = _mm_and_si128(_mm_cmpgt_epi8(next, _mm_set1_epi8(-128)), _mm_cmplt_epi8(next, _mm_set1_epi8(-124)));
      const __m128i kana = _mm_and_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(static_cast<char>(0xE3))), kana_second);
      candidates &= ~static_cast<unsigned>(_mm_movemask_epi8(kana));
    }
    if (ascii_leads_all_) {
      candidates |= ~high & 0xFFFFu;
    } else {
      const __m128i folded = _mm_or_si128(chunk, bit_0x20);  // bytes from 0x80 on stay negative
      __m128i ascii = _mm_setzero_si128();
      for (std::size_t r = 0; r < ascii_lead_range_count_; ++r) {
        // Signed compares: bytes from 0x80 on are below every ASCII bound.
        const __m128i above = _mm_cmpgt_epi8(folded, _mm_load_si128(reinterpret_cast<const __m128i*>(ascii_lead_above_[r].bytes.data())));
        const __m128i below = _mm_cmplt_epi8(folded, _mm_load_si128(reinterpret_cast<const __m128i*>(ascii_lead_below_[r].bytes.data())));
        ascii = _mm_or_si128(ascii, _mm_and_si128(above, below));
      }
      candidates |= static_cast<unsigned>(_mm_movemask_epi8(ascii));
    }
    while (candidates != 0) {
      const std::size_t at = pos + static_cast<std::size_t>(std::countr_zero(candidates));
      if (quantity_starts_[bytes[at] << 8 | bytes[at + 1]] && ThirdByteMayStart(bytes, size, at)) return at;
      candidates &= candidates - 1;
    }
    pos += 16;
  }
#endif
  // Continuation bytes and bytes that begin nothing (most ASCII letters, spaces, punctuation)
  // are passed at one lookup each; only a possible first byte needs the two-byte test.
  for (; pos < size; ++pos) {
    if (may_lead_[bytes[pos]] && starts_at(pos)) return pos;
  }
  return size;
}

#ifdef KGX_QUANTITY_START_AVX2
namespace {

// start_filter_'s tables, each in both 16-byte halves of a register (the shuffles look up per half).
struct Avx2StartTables {
  __m256i rows_below, rows_above, bit_below, bit_above, pairs_below, pairs_above;
};

__attribute__((target("avx2"))) __m256i BothHalves(const std::array<std::uint8_t, 16>& table) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(table.data())));
}

// Bit i: the byte at `at + i` may begin something by its nibbles: a byte of may_lead_ and, for a
// three-byte lead, a byte after it whose low nibble some start with that lead has. Reads 33 bytes.
__attribute__((target("avx2"))) inline std::uint32_t Avx2Candidates(const Avx2StartTables& t, const unsigned char* at) {
  const __m256i nibble = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
  const __m256i chunk = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
  const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + 1));
  const __m256i low = _mm256_and_si256(chunk, nibble);
  const __m256i high = _mm256_and_si256(_mm256_srli_epi16(chunk, 4), nibble);
  const __m256i lead = _mm256_or_si256(_mm256_and_si256(_mm256_shuffle_epi8(t.rows_below, low), _mm256_shuffle_epi8(t.bit_below, high)),
                                       _mm256_and_si256(_mm256_shuffle_epi8(t.rows_above, low), _mm256_shuffle_epi8(t.bit_above, high)));
  const __m256i next_low = _mm256_and_si256(next, nibble);
  const __m256i pair = _mm256_or_si256(_mm256_and_si256(_mm256_shuffle_epi8(t.pairs_below, next_low), _mm256_shuffle_epi8(t.bit_below, low)),
                                       _mm256_and_si256(_mm256_shuffle_epi8(t.pairs_above, next_low), _mm256_shuffle_epi8(t.bit_above, low)));
  const auto no_lead = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lead, zero)));
  const auto no_pair = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(pair, zero)));
  const auto three = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, _mm256_set1_epi8(0x0E))));
  return ~no_lead & ~(three & no_pair);
}

}  // namespace

// Thirty-two bytes at a time (Avx2Candidates), each candidate then tested exactly. Lines of 33
// bytes or more end with one block that overlaps the one before, so that only the last byte is
// left to the byte walk.
__attribute__((target("avx2"))) std::size_t QuantityLexicon::NextPossibleStartAvx2(const unsigned char* bytes, std::size_t size,
                                                                                     std::size_t pos) const {
  const QuantityStartFilter& f = start_filter_;
  const Avx2StartTables tables{BothHalves(f.low_rows_below),   BothHalves(f.low_rows_above),  BothHalves(f.nibble_bit_below),
                               BothHalves(f.nibble_bit_above), BothHalves(f.pair_rows_below), BothHalves(f.pair_rows_above)};
  std::uint32_t marked = 0;
  std::size_t block = pos;
  for (;;) {
    if (marked == 0) {
      if (pos + 33 <= size) {
        block = pos, marked = Avx2Candidates(tables, bytes + pos), pos += 32;
      } else if (size >= 33 && pos + 1 < size) {
        block = size - 33;  // its lanes before `pos` were seen already
        marked = Avx2Candidates(tables, bytes + block) & (~std::uint32_t{0} << (pos - block)), pos = size - 1;
      } else {
        break;
      }
      continue;
    }
    // Every candidate has a byte after it inside the line.
    const std::size_t at = block + static_cast<std::size_t>(std::countr_zero(marked));
    if (quantity_starts_[bytes[at] << 8 | bytes[at + 1]] && ThirdByteMayStart(bytes, size, at)) return at;
    marked &= marked - 1;
  }
  for (; pos < size; ++pos) {
    const unsigned second = pos + 1 < size ? bytes[pos + 1] : 0u;
    if (may_lead_[bytes[pos]] && quantity_starts_[bytes[pos] << 8 | second] && ThirdByteMayStart(bytes, size, pos)) return pos;
  }
  return size;
}
#else
std::size_t QuantityLexicon::NextPossibleStartAvx2(const unsigned char* bytes, std::size_t size, std::size_t pos) const {
  return NextPossibleStart(std::string_view(reinterpret_cast<const char*>(bytes), size), pos, StartScan::kScalar);
}
#endif

const LexEntry* QuantityLexicon::FindUnitLiteral(std::string_view text) const {
  for (const LexEntry& e : entries_) {
    if (e.role == LexRole::kUnit && e.text == text) return &e;
  }
  return nullptr;
}

char32_t QuantityLexicon::FirstKey(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(text, 0, length);
  return cp < 0x80 ? static_cast<char32_t>(AsciiLower(static_cast<char>(cp))) : cp;
}

char32_t QuantityLexicon::LastKey(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(text, start, length);
  return cp < 0x80 ? static_cast<char32_t>(AsciiLower(static_cast<char>(cp))) : cp;
}

QuantityLexicon::Candidate QuantityLexicon::CandidateOf(const LexEntry& e, int index, bool far_is_last) {
  const char far = far_is_last ? e.text.back() : e.text.front();
  return {index, e.text.size(), e.case_sensitive ? far : AsciiLower(far), e.case_sensitive ? far : AsciiUpper(far)};
}

std::vector<QuantityLexicon::Candidate>& QuantityLexicon::Keyed::Add(char32_t key) {
  if (key < ascii.size()) return ascii[key];
  others_filter.set(key % others_filter.size());
  return others[key];
}

const std::vector<QuantityLexicon::Candidate>& QuantityLexicon::Keyed::Find(char32_t key) const {
  static const std::vector<Candidate> kNone;
  if (key < ascii.size()) return ascii[key];
  if (!others_filter[key % others_filter.size()]) return kNone;
  const auto it = others.find(key);
  return it == others.end() ? kNone : it->second;
}

const std::vector<QuantityLexicon::Candidate>& QuantityLexicon::Bucket(const Index& index, LexRole role, char32_t key) {
  return index[static_cast<std::size_t>(role)].Find(key);
}

}  // namespace kgx
