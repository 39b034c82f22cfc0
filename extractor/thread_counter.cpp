// Thread counters ("2/12" ending a post of a copied X or Bluesky thread): see thread_counter.h.
#include "extractor/thread_counter.h"

#include <cstddef>

#include "extractor/text_util.h"

namespace kgx {

namespace {

// Reads 1 to 3 ASCII digits at `pos`, advancing it; 0 when there are none.
int ReadNumber(std::string_view text, std::size_t& pos) {
  int value = 0;
  std::size_t digits = 0;
  while (pos < text.size() && digits < 4 && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  return digits >= 1 && digits <= 3 ? value : 0;
}

}  // namespace

bool IsThreadCounter(std::string_view line) {
  std::string_view text = TrimAscii(line);
  // the thread emoji after the counter ("3/12 🧵") belongs to it
  constexpr std::string_view kThread = "🧵";
  if (text.ends_with(kThread)) text = TrimAscii(text.substr(0, text.size() - kThread.size()));
  const bool parenthesised = text.starts_with('(') && text.ends_with(')');
  if (parenthesised) text = text.substr(1, text.size() - 2);
  std::size_t pos = 0;
  const int n = ReadNumber(text, pos);
  if (n == 0 || pos >= text.size() || text[pos] != '/') return false;
  ++pos;
  const int m = ReadNumber(text, pos);
  return pos == text.size() && m >= 2 && n <= m;
}

}  // namespace kgx
