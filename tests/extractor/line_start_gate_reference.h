// LineStartGateReference: LineStartGate's answers read the plain way, for tests only: every
// character looked up by a binary search of the gate's ranges instead of its bitmaps, and the
// line's first and last characters found by decoding it whole. The gate must answer the same.
#pragma once

#include <algorithm>
#include <iterator>
#include <string_view>

#include "extractor/line_start_gate.h"
#include "extractor/text_util.h"

namespace kgx {

struct LineStartGateReference {
  static bool MayMatchByRanges(const LineStartGate& gate, std::string_view line) {
    if (gate.all_) return true;
    const Decoded d = Decode(line);
    if (!d.any) return false;
    if (InRanges(gate.allowed_, d.first)) return true;
    for (const LineStartGate::Ended& e : gate.ended_) {
      if (InRanges(e.first, d.first) && (!d.last_whole || InRanges(e.last, d.last))) return true;
    }
    return false;
  }

  static bool DecidesByRanges(const LineStartGate& gate, std::string_view line) {
    const Decoded d = Decode(line);
    return d.any && InRanges(gate.decides_, d.first);
  }

  static bool DecidesAtEndByRanges(const LineStartGate& gate, std::string_view line) {
    const Decoded d = Decode(line);
    return d.any && d.last_whole && InRanges(gate.decides_at_end_, d.last);
  }

 private:
  // The first character after white space, and the last before it (whole: it decodes cleanly).
  struct Decoded {
    bool any = false;
    char32_t first = 0, last = 0;
    bool last_whole = false;
  };

  static bool IsSpace(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

  static Decoded Decode(std::string_view line) {
    Decoded d;
    std::size_t begin = 0, end = line.size();
    while (begin < end && IsSpace(line[begin])) ++begin;
    while (end > begin && IsSpace(line[end - 1])) --end;
    if (begin == end) return d;
    d.any = true;
    std::size_t length = 0;
    d.first = DecodeUtf8General(line, begin, length);
    // The last character: decode from each of the last four bytes; the one that ends the text whole.
    for (std::size_t at = end - 1;; --at) {
      const char32_t cp = DecodeUtf8General(line, at, length);
      if (at + length == end && cp != 0xFFFD && (static_cast<unsigned char>(line[at]) & 0xC0) != 0x80) {
        d.last = cp;
        d.last_whole = true;
        break;
      }
      if (at == 0 || end - at >= 4) break;
    }
    return d;
  }

  static bool InRanges(const LineStartGate::Characters& c, char32_t cp) {
    if (cp < 0x80) return c.ascii.test(cp);
    const auto it = std::upper_bound(c.wide.begin(), c.wide.end(), cp,
                                     [](char32_t x, const std::pair<char32_t, char32_t>& r) { return x < r.first; });
    return it != c.wide.begin() && cp <= std::prev(it)->second;
  }
};

}  // namespace kgx
