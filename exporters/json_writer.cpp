// Hand-written JSON (see json_writer.h).
#include "exporters/json_writer.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

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

}  // namespace

std::string Dump(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Orders "D2" before "D10".
bool DocLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Appends `s` as a JSON string exactly as nlohmann's dump(-1, ' ', false, replace) writes it:
// quote, backslash and control characters escaped, everything else (DEL and UTF-8 included)
// copied; a string that is not valid UTF-8 is left to nlohmann, which replaces the bad bytes.
void AppendString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  while (i < n) {
    // Plain ASCII text, the bulk of most strings, eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      const std::uint64_t special = SpecialBytes(word);
      if (special == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(special)) / 8;
    }
    const unsigned char c = bytes[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // The common case first: three-byte characters without special ranges (E1-EC, EE-EF), one
      // after another as in Japanese text.
      const std::size_t from = i;
      // Two of them at a time while eight bytes remain: leads 1110xxxx other than E0 and ED
      // (their second byte has a narrower range), each with two continuation bytes 10xxxxxx.
      while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        if ((word & 0x0000C0C0F0C0C0F0ULL) != 0x00008080E08080E0ULL) break;
        const unsigned low0 = word & 0x0F, low1 = (word >> 24) & 0x0F;
        if (low0 == 0 || low0 == 0xD || low1 == 0 || low1 == 0xD) break;
        i += 6;
      }
      while (i + 2 < n && bytes[i] >= 0xE1 && bytes[i] != 0xED && bytes[i] <= 0xEF && (bytes[i + 1] & 0xC0) == 0x80 &&
             (bytes[i + 2] & 0xC0) == 0x80) {
        i += 3;
      }
      if (i != from) continue;
      const std::size_t length = Utf8SequenceLength(s, i);
      if (length == 0) {  // invalid UTF-8: let nlohmann replace it
        out.resize(mark);
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escape, sizeof escape);
      }
    }
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

// Digits from the last one back, into the end of a buffer: the numbers here (lines, offsets)
// have a few digits, and this costs less than to_chars' digit count and table.
void AppendNumber(std::string& out, std::size_t value) {
  char buffer[20];
  char* const end = buffer + sizeof buffer;
  char* first = end;
  do {
    *--first = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  out.append(first, end);
}

// The serializer's own steps for a double (its dump_float), without building a Json value.
void AppendDouble(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[64];  // the serializer's number buffer
  const char* const end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

void AppendDecimal(std::string& out, double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    const auto whole = static_cast<long long>(value);
    if (whole < 0) out += '-';
    AppendNumber(out, whole < 0 ? 0 - static_cast<std::size_t>(whole) : static_cast<std::size_t>(whole));
  } else {
    AppendDouble(out, value);
  }
}

}  // namespace kgx
