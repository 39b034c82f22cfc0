// Hand-written JSON (see json_writer.h).
#include "exporters/json_writer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace kgx {

static_assert(std::endian::native == std::endian::little, "SpecialBytes reads eight bytes as one little-endian word");

namespace {

// Returns the length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid, as for nlohmann).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + need >= s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k <= need; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return need + 1;
}

// The bytes of `word` (eight bytes of text, the first in the lowest bits) that are not copied
// as they are: control characters, quotes, backslashes and bytes of multi-byte characters, each
// as its high bit. The classic tests for a zero byte and for a byte below a value may also flag a
// byte after one they rightly flag, never one before: the lowest flag is exact.
std::uint64_t SpecialBytes(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighBits = 0x8080808080808080ULL;
  const auto zero_bytes = [&](std::uint64_t w) { return (w - kOnes) & ~w & kHighBits; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return below_space | zero_bytes(word ^ (kOnes * '"')) | zero_bytes(word ^ (kOnes * '\\')) | (word & kHighBits);
}

#ifdef __SSE2__
// A bit for each byte of `chunk` that is not plain ASCII, copied as it is: a byte below 0x20 or
// from 0x80 on is below 0x20 as a signed byte, so one comparison flags both; and quotes and
// backslashes.
unsigned PlainAsciiFlags(__m128i chunk) {
  const __m128i special = _mm_or_si128(_mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20)),
                                       _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}

// The count of leading bytes of `chunk` that are copied as they are, `special` flagging its
// bytes other than plain ASCII: plain ASCII, and three-byte characters lying whole in the sixteen
// bytes (leads E1-EC and EE-EF, with two continuation bytes 10xxxxxx; E0 and ED, whose second
// byte has a narrower range, are left to the checks byte by byte). Text that mixes Japanese and
// ASCII goes on sixteen bytes at a time instead of switching loops at every change of script.
std::size_t CopiedPrefix(__m128i chunk, unsigned special) {
  const auto bits = [](__m128i flags) { return static_cast<unsigned>(_mm_movemask_epi8(flags)); };
  const auto byte = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  const unsigned lead = bits(_mm_cmpeq_epi8(_mm_and_si128(chunk, byte(0xF0)), byte(0xE0)));
  const unsigned continuation = bits(_mm_cmpeq_epi8(_mm_and_si128(chunk, byte(0xC0)), byte(0x80)));
  const unsigned narrow = bits(_mm_or_si128(_mm_cmpeq_epi8(chunk, byte(0xE0)), _mm_cmpeq_epi8(chunk, byte(0xED))));
  // A lead at 14 or 15 lacks a continuation bit here (bits 16 and 17 are zero): not whole.
  const unsigned whole = lead & ~narrow & (continuation >> 1) & (continuation >> 2);
  const unsigned copied = ~special | whole | whole << 1 | whole << 2;
  return static_cast<std::size_t>(std::countr_zero(~copied | 0x10000u));
}
#endif

// The `n` bytes at `bytes` (1 to 7) as the low bytes of a word, the rest zero: two loads of four
// bytes that overlap, or three single bytes, instead of a call to copy a length known only here.
std::uint64_t LoadShort(const unsigned char* bytes, std::size_t n) {
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, bytes, 4);
    std::memcpy(&tail, bytes + n - 4, 4);
    return std::uint64_t{head} | std::uint64_t{tail} << (8 * (n - 4));
  }
  return std::uint64_t{bytes[0]} | std::uint64_t{bytes[n / 2]} << (8 * (n / 2)) | std::uint64_t{bytes[n - 1]} << (8 * (n - 1));
}

// Writes a two-byte escape ("\\n").
char* CopyEscape(char* p, const char (&escape)[3]) {
  std::memcpy(p, escape, 2);
  return p + 2;
}

}  // namespace

std::string Dump(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Orders "D2" before "D10".
bool DocLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Writes `s` as a JSON string exactly as nlohmann's dump(-1, ' ', false, replace) writes it:
// quote, backslash and control characters escaped, everything else (DEL and UTF-8 included)
// copied; a string that is not valid UTF-8 is left to nlohmann, which replaces the bad bytes.
// Bytes are copied as they are read, eight at a time where they can be: what is copied past a
// byte that needs more is overwritten. Room: copies are one byte for one, so it is checked where
// the output grows, at an escape, and kept at the bytes still to read plus the closing quote;
// an eight-byte copy (with eight bytes still to read) then always fits.
char* WriteString(char* p, const char* limit, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  char* const start = p;
  if (static_cast<std::size_t>(limit - p) < n + 2) return nullptr;
  *p++ = '"';
  // Strings shorter than a word (ids, mention texts) as one word, when the room allows writing
  // all eight bytes: the padding's flags (zero bytes) are above the string's bytes, and flags only
  // spread upwards, so the string's own are exact.
  if (n - 1 < 7 && static_cast<std::size_t>(limit - p) >= 9) {
    const std::uint64_t word = LoadShort(bytes, n);
    if ((SpecialBytes(word) & (~std::uint64_t{0} >> (8 * (8 - n)))) == 0) {
      std::memcpy(p, &word, 8);
      p += n;
      *p++ = '"';
      return p;
    }
  }
  // Plain ASCII of 8 to 32 bytes (most ids) as two pieces that overlap, its first and its last
  // eight or sixteen bytes, with no loop.
  if (n - 8 < 8) {
    std::uint64_t head, tail;
    std::memcpy(&head, bytes, 8);
    std::memcpy(&tail, bytes + n - 8, 8);
    if ((SpecialBytes(head) | SpecialBytes(tail)) == 0) {
      std::memcpy(p, &head, 8);
      std::memcpy(p + n - 8, &tail, 8);
      p += n;
      *p++ = '"';
      return p;
    }
  }
#ifdef __SSE2__
  if (n - 16 <= 16) {
    const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + n - 16));
    if ((PlainAsciiFlags(head) | PlainAsciiFlags(tail)) == 0) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), head);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + n - 16), tail);
      p += n;
      *p++ = '"';
      return p;
    }
  }
#endif
  std::size_t i = 0;
  // Where the output last began to copy the input byte for byte (after the quote or an escape).
  const char* copied_from = p;
  while (i < n) {
#ifdef __SSE2__
    // Plain ASCII text, the bulk of most strings, sixteen bytes at a time: a byte below 0x20 or
    // from 0x80 on is below 0x20 as a signed byte, so one comparison flags both. Sixteen bytes
    // with other bytes are copied up to the first that is not plain ASCII or in a whole
    // three-byte character (CopiedPrefix); that one is looked at below.
    if (i + 16 <= n) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), chunk);
      const unsigned mask = PlainAsciiFlags(chunk);
      if (mask == 0) {
        i += 16;
        p += 16;
        continue;
      }
      const std::size_t plain = CopiedPrefix(chunk, mask);
      i += plain;
      p += plain;
      if (plain == 16) continue;
    } else
#endif
    // Eight bytes at a time (the rest of a string, or without SSE2).
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      std::memcpy(p, &word, 8);
      const std::uint64_t special = SpecialBytes(word);
      if (special == 0) {
        i += 8;
        p += 8;
        continue;
      }
      const std::size_t plain = static_cast<std::size_t>(std::countr_zero(special)) / 8;
      i += plain;
      p += plain;
    } else if (n >= 8 && static_cast<std::size_t>(p - copied_from) >= 8 - (n - i)) {
      // The last few bytes as one word, the string's last eight: the bytes before them were
      // copied as they are, so writing them again changes nothing. Flags of those bytes are
      // shifted out; a flag they leave on a byte after them only sends it the slow way.
      const std::size_t before = 8 - (n - i);
      std::uint64_t word;
      std::memcpy(&word, bytes + n - 8, 8);
      if ((SpecialBytes(word) >> (8 * before)) == 0) {
        std::memcpy(p - before, &word, 8);
        p += n - i;
        break;
      }
    }
    const unsigned char c = bytes[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      *p++ = static_cast<char>(c);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // The common case first: three-byte characters without special ranges (E1-EC, EE-EF), one
      // after another as in Japanese text.
      const std::size_t from = i;
#ifdef __SSE2__
      // Four of them (twelve bytes) at a time while sixteen bytes remain, as the eight-byte step
      // below checks two: leads 1110xxxx other than E0 and ED, continuations 10xxxxxx. A
      // continuation byte is never E0 or ED, so those two are looked for in all twelve bytes.
      while (i + 16 <= n) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
        const __m128i shape_mask = _mm_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64, -64, -16, -64, -64, 0, 0, 0, 0);
        const __m128i shape = _mm_setr_epi8(-32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0, 0, 0, 0);
        const unsigned shaped =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(chunk, shape_mask), shape)));
        const unsigned narrow = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(chunk, _mm_set1_epi8(static_cast<char>(0xE0))), _mm_cmpeq_epi8(chunk, _mm_set1_epi8(static_cast<char>(0xED))))));
        if ((shaped & ~narrow & 0x0FFFu) != 0x0FFFu) break;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p), chunk);  // sixteen bytes of room: n - i >= 16
        i += 12;
        p += 12;
      }
#endif
      // Two of them at a time while eight bytes remain: leads 1110xxxx other than E0 and ED
      // (their second byte has a narrower range), each with two continuation bytes 10xxxxxx.
      while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        if ((word & 0x0000C0C0F0C0C0F0ULL) != 0x00008080E08080E0ULL) break;
        const unsigned low0 = word & 0x0F, low1 = (word >> 24) & 0x0F;
        if (low0 == 0 || low0 == 0xD || low1 == 0 || low1 == 0xD) break;
        std::memcpy(p, &word, 8);
        i += 6;
        p += 6;
      }
      while (i + 2 < n && bytes[i] >= 0xE1 && bytes[i] != 0xED && bytes[i] <= 0xEF && (bytes[i + 1] & 0xC0) == 0x80 &&
             (bytes[i + 2] & 0xC0) == 0x80) {
        std::memcpy(p, bytes + i, 3);
        i += 3;
        p += 3;
      }
      if (i != from) continue;
      const std::size_t length = Utf8SequenceLength(s, i);
      if (length == 0) {  // invalid UTF-8: let nlohmann replace it
        const std::string dumped = Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        if (dumped.size() > static_cast<std::size_t>(limit - start)) return nullptr;
        std::memcpy(start, dumped.data(), dumped.size());
        return start + dumped.size();
      }
      std::memcpy(p, bytes + i, length);
      i += length;
      p += length;
      continue;
    }
    // The escape takes at most six bytes for this one; the rest still one each, and the quote.
    if (static_cast<std::size_t>(limit - p) < 6 + (n - i)) return nullptr;
    switch (c) {
      case '"': p = CopyEscape(p, "\\\""); break;
      case '\\': p = CopyEscape(p, "\\\\"); break;
      case '\b': p = CopyEscape(p, "\\b"); break;
      case '\f': p = CopyEscape(p, "\\f"); break;
      case '\n': p = CopyEscape(p, "\\n"); break;
      case '\r': p = CopyEscape(p, "\\r"); break;
      case '\t': p = CopyEscape(p, "\\t"); break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        std::memcpy(p, escape, sizeof escape);
        p += sizeof escape;
      }
    }
    ++i;
    copied_from = p;
  }
  *p++ = '"';
  return p;
}

namespace {

constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes `value` (below 100) as exactly two digits.
char* WritePair(char* p, std::size_t value) {
  std::memcpy(p, kPairs + 2 * value, 2);
  return p + 2;
}

// Writes `value` (below 10,000) with no leading zeros: one to four digits. Always inlined (gcc
// would call it): WriteNumber's callers pass small numbers, and a call costs as much as the digits.
[[gnu::always_inline]] inline char* WriteUpTo4(char* p, std::size_t value) {
  if (value < 100) {
    if (value < 10) {
      *p = static_cast<char>('0' + value);
      return p + 1;
    }
    return WritePair(p, value);
  }
  const std::size_t high = value / 100, low = value % 100;
  if (high < 10) {
    *p++ = static_cast<char>('0' + high);
  } else {
    p = WritePair(p, high);
  }
  return WritePair(p, low);
}

// Writes `value` (below 10,000) as exactly four digits.
char* Write4(char* p, std::size_t value) { return WritePair(WritePair(p, value / 100), value % 100); }

}  // namespace

// The numbers here (lines, offsets) are mostly below 10^8: those as one to four digits and
// four more, by constant divisions; longer ones in groups of four from the last back.
char* WriteNumber(char* p, std::size_t value) {
  if (value < 10000) return WriteUpTo4(p, value);
  if (value < 100000000) return Write4(WriteUpTo4(p, value / 10000), value % 10000);
  char groups[20];  // the groups of four after the first, last first
  std::size_t count = 0;
  while (value >= 10000) {
    Write4(groups + 4 * count++, value % 10000);
    value /= 10000;
  }
  p = WriteUpTo4(p, value);
  while (count > 0) {
    std::memcpy(p, groups + 4 * --count, 4);
    p += 4;
  }
  return p;
}

// The serializer's own steps for a double (its dump_float), without building a Json value.
char* WriteDouble(char* p, double value) {
  if (!std::isfinite(value)) {
    std::memcpy(p, "null", 4);
    return p + 4;
  }
  return nlohmann::detail::to_chars(p, p + kDoubleRoom, value);
}

char* WriteDecimal(char* p, double value) {
  // Whole below 9e15 in size: the comparison fails for NaN and infinities, and below it the
  // conversion to an integer is exact and back gives the value only when it had no fraction
  // (as std::floor would tell, without its call).
  if (std::fabs(value) < 9.0e15 && static_cast<double>(static_cast<long long>(value)) == value) {
    const auto whole = static_cast<long long>(value);
    if (whole < 0) *p++ = '-';
    return WriteNumber(p, whole < 0 ? 0 - static_cast<std::size_t>(whole) : static_cast<std::size_t>(whole));
  }
  return WriteDouble(p, value);
}

// The std::string forms: room made at the end of `out`, written, and cut to what was written.
namespace {

template <typename Writer, typename Value>
void AppendWritten(std::string& out, std::size_t room, Writer write, Value value) {
  const std::size_t at = out.size();
  out.resize(at + room);
  out.resize(static_cast<std::size_t>(write(out.data() + at, value) - out.data()));
}

}  // namespace

// Written on the stack first where it fits (most do), so that no room is zero-filled in `out`.
void AppendString(std::string& out, std::string_view s) {
  char local[1024];
  if (s.size() + kStringSlack <= sizeof local) {
    if (const char* end = WriteString(local, local + sizeof local, s)) {
      out.append(local, static_cast<std::size_t>(end - local));
      return;
    }
  }
  const std::size_t at = out.size();
  out.resize(at + StringRoom(s.size()));
  out.resize(static_cast<std::size_t>(WriteString(out.data() + at, out.data() + out.size(), s) - out.data()));
}

void AppendNumber(std::string& out, std::size_t value) { AppendWritten(out, kNumberRoom, WriteNumber, value); }
void AppendDouble(std::string& out, double value) { AppendWritten(out, kDoubleRoom, WriteDouble, value); }
void AppendDecimal(std::string& out, double value) { AppendWritten(out, kDoubleRoom, WriteDecimal, value); }

// A buffer twice as large at least, the record so far copied over.
void JsonWriter::Grow(std::size_t bytes) {
  const std::size_t used = static_cast<std::size_t>(at_ - begin_);
  const std::size_t size = std::max(2 * static_cast<std::size_t>(limit_ - begin_), used + bytes);
  std::unique_ptr<char[]> grown(new char[size]);
  std::memcpy(grown.get(), begin_, used);
  heap_ = std::move(grown);
  begin_ = heap_.get();
  at_ = begin_ + used;
  limit_ = begin_ + size;
}

// Many escapes, or invalid UTF-8: room for the most there can be.
JsonWriter& JsonWriter::TextWithEscapes(std::string_view key, std::string_view value) {
  char* const p = Copy(Room(key.size() + StringRoom(value.size())), key);
  return Done(WriteString(p, limit_, value));
}

}  // namespace kgx
