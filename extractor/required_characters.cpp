// RequiredCharacters (see required_characters.h): the small ASCII classes each pattern's matches
// hold (PatternStart's `required`), as bits, tested against the bytes a line holds.
#include "extractor/required_characters.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>

#include "extractor/pattern_start.h"

namespace kgx {

RequiredCharacters RequiredCharacters::Derive(const std::vector<std::string>& patterns) {
  RequiredCharacters condition;
  std::vector<std::vector<std::string>> each;
  for (const std::string& pattern : patterns) {
    PatternStart start;
    if (!ReadPatternStart(pattern, start)) return condition;
    // The smallest classes all of ASCII, the first of them in the pattern when equal.
    std::stable_sort(start.required.begin(), start.required.end(), [](const CodePointRanges& a, const CodePointRanges& b) {
      const auto size = [](const CodePointRanges& r) {
        std::size_t n = 0;
        for (const auto& [lo, hi] : r) n += hi - lo + 1;
        return n;
      };
      return size(a) < size(b);
    });
    std::vector<std::string> classes;
    for (const CodePointRanges& r : start.required) {
      if (classes.size() == kMaxClasses) break;
      std::string bytes;
      for (const auto& [lo, hi] : r) {
        for (char32_t c = lo; c <= hi && c < 0x80 && bytes.size() <= kMaxBytes; ++c) bytes += static_cast<char>(c);
      }
      if (!r.empty() && r.back().second >= 0x80) continue;  // a Japanese word's: needed too, but no byte test
      if (r.empty() || bytes.size() > kMaxBytes) break;
      classes.push_back(bytes);
    }
    if (classes.empty()) return condition;  // nothing this pattern always needs
    each.push_back(std::move(classes));
  }
  // Every byte a class holds gets a bit (there are at most 3 per class, 3 classes per pattern).
  std::size_t bits = 0;
  for (const std::vector<std::string>& classes : each) {
    for (const std::string& bytes : classes) {
      for (const char b : bytes) {
        std::uint64_t& bit = condition.bit_of_[static_cast<unsigned char>(b)];
        if (bit == 0 && bits < 64) bit = std::uint64_t{1} << bits++;
      }
    }
  }
  bool fits = true;  // false when more than 64 bytes: then MayMatch searches
  for (const std::vector<std::string>& classes : each) {
    std::vector<std::uint64_t> masks;
    for (const std::string& bytes : classes) {
      std::uint64_t mask = 0;
      for (const char b : bytes) {
        const std::uint64_t bit = condition.bit_of_[static_cast<unsigned char>(b)];
        fits = fits && bit != 0;
        mask |= bit;
      }
      masks.push_back(mask);
    }
    condition.each_mask_.push_back(std::move(masks));
  }
  if (!fits) condition.each_mask_.clear();
  bool seen = false;  // a byte with a bit, below the current one
  for (std::size_t b = 0; b < condition.bit_of_.size(); ++b) {
    if (condition.bit_of_[b] == 0) continue;
    if (!seen) condition.low_ = static_cast<unsigned char>(b);
    condition.high_ = static_cast<unsigned char>(b);
    seen = true;
  }
  if (condition.each_mask_.size() <= 64) {
    // Patterns share classes (the '2' and '0' of a year): each distinct mask is tested once.
    for (std::size_t p = 0; p < condition.each_mask_.size(); ++p) {
      condition.every_pattern_ |= std::uint64_t{1} << p;
      for (const std::uint64_t mask : condition.each_mask_[p]) {
        const auto at = std::find(condition.class_masks_.begin(), condition.class_masks_.end(), mask);
        const auto c = static_cast<std::size_t>(at - condition.class_masks_.begin());
        if (at == condition.class_masks_.end()) {
          condition.class_masks_.push_back(mask);
          condition.class_patterns_.push_back(0);
        }
        condition.class_patterns_[c] |= std::uint64_t{1} << p;
      }
    }
  }
  condition.each_ = std::move(each);
  condition.all_ = false;
  return condition;
}

std::uint64_t RequiredCharacters::Present(std::string_view line) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  std::uint64_t present = 0;
  std::size_t i = 0;
#ifdef __SSE2__
  // Compared as signed bytes, those from 0x80 are negative and below any ASCII `low_`.
  const __m128i below = _mm_set1_epi8(static_cast<char>(low_ - 1));  // 0 - 1 wraps to -1: every ASCII byte is above
  const __m128i high = _mm_set1_epi8(static_cast<char>(high_));
  // The block's bytes in [low_, high_], one by one: Japanese text has few, English text mostly
  // lower-case letters and blanks, which no year or '#' class holds.
  const auto mark_block = [&](std::size_t at) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    const __m128i inside = _mm_andnot_si128(_mm_cmpgt_epi8(block, high), _mm_cmpgt_epi8(block, below));
    for (auto candidates = static_cast<unsigned>(_mm_movemask_epi8(inside)); candidates != 0;
         candidates &= candidates - 1) {
      present |= bit_of_[bytes[at + static_cast<std::size_t>(std::countr_zero(candidates))]];
    }
  };
  for (; i + 16 <= line.size(); i += 16) mark_block(i);
  // The rest as the last sixteen bytes: marking a byte twice changes nothing.
  if (i < line.size() && line.size() >= 16) {
    mark_block(line.size() - 16);
    i = line.size();
  }
#endif
  for (; i < line.size(); ++i) {
    if (bytes[i] < 0x80) present |= bit_of_[bytes[i]];
  }
  return present;
}

bool RequiredCharacters::MayMatch(std::string_view line) const {
  if (all_) return true;
  if (each_mask_.empty()) return MayMatchBySearch(line);
  const std::uint64_t present = Present(line);
  for (const std::vector<std::uint64_t>& masks : each_mask_) {
    if (std::all_of(masks.begin(), masks.end(), [&](std::uint64_t mask) { return (mask & present) != 0; })) {
      return true;
    }
  }
  return false;
}

std::uint64_t RequiredCharacters::MayMatchWhich(std::string_view line) const {
  if (all_ || each_mask_.empty() || each_mask_.size() > 64) return ~std::uint64_t{0};
  const std::uint64_t present = Present(line);
  // Every pattern, less those needing a class the line holds no byte of.
  std::uint64_t which = every_pattern_;
  for (std::size_t c = 0; c < class_masks_.size(); ++c) {
    if ((class_masks_[c] & present) == 0) which &= ~class_patterns_[c];
  }
  return which;
}

bool RequiredCharacters::MayMatchBySearch(std::string_view line) const {
  if (all_) return true;
  const auto holds = [&](const std::string& bytes) {
    for (const char b : bytes) {
      if (std::memchr(line.data(), b, line.size()) != nullptr) return true;
    }
    return false;
  };
  for (const std::vector<std::string>& classes : each_) {
    if (std::all_of(classes.begin(), classes.end(), holds)) return true;
  }
  return false;
}

}  // namespace kgx
