// Reading the patterns (their tokens from ReadRegexTokens): for each, the characters that can come
// first in a match once leading white space (RE2's \s: \t \n \f \r and space) is passed, those
// that can come last before trailing white space, and whether a match may hold white space alone
// (then there is no condition). Classes, escapes,
// groups, alternatives, repeats and (?i:…) are followed; a case-insensitive ASCII letter allows
// what ICU says it folds with ('k' the Kelvin sign too), any other case-insensitive character
// everything from U+0080; what the reader answers kUnsupported for, and a flag group other than a
// leading (?i), drops the condition. The sets are ranges of code points, so "[^\s\-*+•]" and "[■◆]"
// keep their meaning.
#include "extractor/line_start_gate.h"

#include <unicode/uniset.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>

#include "extractor/regex_syntax.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;  // inclusive, sorted and merged by Tidy

constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool IsSpaceByte(unsigned char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

void Tidy(Ranges& r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (const auto& [lo, hi] : r) {
    if (!out.empty() && lo <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, hi);
    } else {
      out.emplace_back(lo, hi);
    }
  }
  r = std::move(out);
}

Ranges Complement(Ranges r) {
  Tidy(r);
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : r) {
    if (lo > next) out.emplace_back(next, lo - 1);
    next = hi + 1;
  }
  if (next <= kMaxCodePoint) out.emplace_back(next, kMaxCodePoint);
  return out;
}

const Ranges& Spaces() {
  static const Ranges spaces = {{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}};
  return spaces;
}

const Ranges& NonSpaces() {
  static const Ranges non_spaces = Complement(Spaces());
  return non_spaces;
}

// Returns the characters of tidy `r` that are no white space, tidy.
Ranges WithoutSpaces(const Ranges& r) {
  Ranges out;
  for (const auto& [lo, hi] : r) {
    for (const auto& [alo, ahi] : NonSpaces()) {
      const char32_t a = std::max(lo, alo), b = std::min(hi, ahi);
      if (a <= b) out.emplace_back(a, b);
    }
  }
  return out;  // in order and apart, as `r` and NonSpaces are
}

// What a piece of pattern can start with (after white space), end with (before white space) and
// whether it may match only white space.
struct Start {
  Ranges first;
  Ranges last;
  bool blank = true;
  std::vector<Ranges> required;  // every match holds a character of each of these classes
};

// The characters of a class escape (s S d D w W p P; \p and \P: any character).
Ranges SetCharacters(char letter) {
  static const Ranges digits = {{'0', '9'}};
  static const Ranges word = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  switch (letter) {
    case 's': return Spaces();
    case 'S': return NonSpaces();
    case 'd': return digits;
    case 'D': return Complement(digits);
    case 'w': return word;
    case 'W': return Complement(word);
    default: return {{0, kMaxCodePoint}};
  }
}

// Reads a pattern's tokens (ReadRegexTokens) by descent: alternatives, sequences, repeats.
class Reader {
 public:
  explicit Reader(std::string_view p) : tokens_(ReadRegexTokens(p)) {}

  // Reads the whole pattern; nothing when it holds what the reader does not follow.
  bool Read(Start& start) {
    bool fold = false;
    if (More() && Peek().piece == RegexPiece::kFlags && Peek().flags == "i") {  // (?i) first: the whole
      fold = true;
      ++at_;
    }
    start = Alternation(fold);
    return ok_ && at_ == tokens_.size();
  }

 private:
  bool More() const { return at_ < tokens_.size(); }
  const RegexToken& Peek() const { return tokens_[at_]; }
  void Fail() { ok_ = false; }

  Start Alternation(bool fold) {
    Start all = Sequence(fold);
    while (ok_ && More() && Peek().piece == RegexPiece::kBar) {
      ++at_;
      all.required.clear();  // (what all alternatives need is not worked out)
      Start next = Sequence(fold);
      all.first.insert(all.first.end(), next.first.begin(), next.first.end());
      all.last.insert(all.last.end(), next.last.begin(), next.last.end());
      all.blank = all.blank || next.blank;
    }
    Tidy(all.first);
    Tidy(all.last);
    return all;
  }

  Start Sequence(bool fold) {
    Start acc;  // empty: matches the empty string
    std::vector<Start> items;
    while (ok_ && More() && Peek().piece != RegexPiece::kBar && Peek().piece != RegexPiece::kGroupClose) {
      items.push_back(Item(fold));
      const Start& item = items.back();
      acc.required.insert(acc.required.end(), item.required.begin(), item.required.end());
      if (!acc.blank) continue;  // an earlier item already has a character other than white space
      acc.first.insert(acc.first.end(), item.first.begin(), item.first.end());
      acc.blank = item.blank;
    }
    // The last characters likewise, from the end: up to the last item that is more than white space.
    for (auto item = items.rbegin(); item != items.rend(); ++item) {
      acc.last.insert(acc.last.end(), item->last.begin(), item->last.end());
      if (!item->blank) break;
    }
    return acc;
  }

  Start Item(bool fold) {
    Start atom = Atom(fold);
    if (ok_ && More() && Peek().piece == RegexPiece::kRepeat) {
      if (Peek().min == 0) {
        atom.blank = true;
        atom.required.clear();
      }
      ++at_;
    }
    return atom;
  }

  Start Atom(bool fold) {
    const RegexToken& t = tokens_[at_++];
    switch (t.piece) {
      case RegexPiece::kGroupOpen: return Group(t, fold);
      case RegexPiece::kLineStart:
      case RegexPiece::kLineEnd: return Start{};
      case RegexPiece::kAnyCharacter: return Characters(Complement({{'\n', '\n'}}), fold);
      case RegexPiece::kLiteral: return Characters({{t.code, t.code}}, fold);
      case RegexPiece::kClass: {
        Ranges set;
        if (!Class(t.body, set)) return Fail(), Start{};
        return Characters(set, fold);
      }
      case RegexPiece::kEscape: {
        if (std::strchr("bBAz", t.letter) != nullptr) return Start{};  // zero width
        if (std::strchr("sSdDwWpP", t.letter) != nullptr) return Characters(SetCharacters(t.letter), fold);
        const std::optional<char32_t> c = RegexCharacter(t);  // \n, \x{…} and the like
        if (!c) return Fail(), Start{};
        return Characters({{*c, *c}}, fold);
      }
      default: return Fail(), Start{};  // a stray repeat or ')', a flag group inside, kUnsupported
    }
  }

  Start Group(const RegexToken& open, bool fold) {
    // Flags are letters ((?i:…), (?s:…)); a negative flag is not followed.
    if (open.group == RegexGroup::kUnsupported || open.flags.find('-') != std::string_view::npos) {
      return Fail(), Start{};
    }
    fold = fold || open.flags.find('i') != std::string_view::npos;
    Start inner = Alternation(fold);
    if (!More() || Peek().piece != RegexPiece::kGroupClose) return Fail(), Start{};
    ++at_;
    return inner;
  }

  static bool Class(std::string_view body, Ranges& set) {
    const std::optional<RegexClass> c = ReadRegexClass(body);
    if (!c) return false;
    for (const RegexClassItem& item : c->items) {
      if (item.set != 0) {
        const Ranges part = SetCharacters(item.set);
        set.insert(set.end(), part.begin(), part.end());
      } else {
        set.emplace_back(item.lo, item.hi);
      }
    }
    Tidy(set);
    if (c->negated) set = Complement(set);
    return true;
  }

  // A class of characters: those other than white space come first; white space keeps it blank.
  static Start Characters(Ranges set, bool fold) {
    Tidy(set);
    if (fold) {
      // An ASCII letter gets the letters it folds with (ICU's closure: 'k' has the Kelvin sign,
      // 's' the long s); anything beyond ASCII gets every character beyond ASCII.
      const Ranges copy = set;
      for (const auto& [lo, hi] : copy) {
        if (hi >= 0x80) set.emplace_back(0x80, kMaxCodePoint);
        for (char32_t c = std::max<char32_t>(lo, 'A'); c <= std::min<char32_t>(hi, 'z'); ++c) {
          if (c > 'Z' && c < 'a') continue;
          icu::UnicodeSet folds(static_cast<UChar32>(c), static_cast<UChar32>(c));
          folds.closeOver(USET_CASE_INSENSITIVE);
          for (int32_t r = 0; r < folds.getRangeCount(); ++r) {
            set.emplace_back(static_cast<char32_t>(folds.getRangeStart(r)),
                             static_cast<char32_t>(folds.getRangeEnd(r)));
          }
        }
      }
      Tidy(set);
    }
    Start start;
    start.first = WithoutSpaces(set);
    start.last = start.first;
    start.blank = start.first != set;  // the class holds some white space
    start.required.push_back(set);
    return start;
  }

  std::vector<RegexToken> tokens_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

namespace {

void Fill(const Ranges& all, std::bitset<128>& ascii, std::vector<std::pair<char32_t, char32_t>>& wide) {
  for (const auto& [lo, hi] : all) {
    for (char32_t c = lo; c <= std::min<char32_t>(hi, 0x7F); ++c) ascii.set(c);
    if (hi >= 0x80) wide.emplace_back(std::max<char32_t>(lo, 0x80), hi);
  }
}

// The characters that make `pattern` match when written `^\s*C`, C a class or one character.
Ranges DecidingCharacters(std::string_view pattern) {
  constexpr std::string_view kLead = "^\\s*";
  if (!pattern.starts_with(kLead)) return {};
  const std::string_view rest = pattern.substr(kLead.size());
  Start start;
  if (rest.empty() || rest.back() == '*' || rest.back() == '+' || rest.back() == '?' || rest.back() == '}' ||
      !Reader(rest).Read(start) || start.blank || start.required.size() != 1 || start.required[0] != start.first) {
    return {};
  }
  return start.first;
}

// The characters that make `pattern` match when written `C\s*$`, C one class or character (one
// token: no anchor, group or repeat before the end).
Ranges DecidingEndCharacters(std::string_view pattern) {
  constexpr std::string_view kTail = "\\s*$";
  if (!pattern.ends_with(kTail)) return {};
  const std::string_view rest = pattern.substr(0, pattern.size() - kTail.size());
  const std::vector<RegexToken> tokens = ReadRegexTokens(rest);
  if (tokens.size() != 1 || (tokens[0].piece != RegexPiece::kClass && tokens[0].piece != RegexPiece::kLiteral)) return {};
  Start start;
  if (!Reader(rest).Read(start) || start.blank) return {};
  return start.first;
}

}  // namespace

LineStartGate LineStartGate::Derive(const std::vector<std::string>& patterns) {
  LineStartGate gate;
  // The characters that alone decide a line, at its start or at its end, from every pattern.
  const auto fill_deciding = [&](Ranges (*deciding)(std::string_view), auto& set) {
    Ranges all_deciding;
    for (const std::string& pattern : patterns) {
      const Ranges d = deciding(pattern);
      all_deciding.insert(all_deciding.end(), d.begin(), d.end());
    }
    Tidy(all_deciding);
    Fill(all_deciding, set.ascii, set.wide);
    set.IndexBmp();
  };
  fill_deciding(DecidingCharacters, gate.decides_);
  fill_deciding(DecidingEndCharacters, gate.decides_at_end_);
  Ranges all;
  std::vector<std::pair<Ranges, Ranges>> ended;  // what they end with, what they start with
  for (const std::string& pattern : patterns) {
    Start start;
    if (!Reader(pattern).Read(start) || start.blank) return gate;
    Tidy(start.last);
    if (!AnchoredAt(pattern, RegexEdge::kEnd) || start.last == NonSpaces()) {
      all.insert(all.end(), start.first.begin(), start.first.end());
      continue;
    }
    auto same = std::find_if(ended.begin(), ended.end(), [&](const auto& e) { return e.first == start.last; });
    if (same == ended.end()) same = ended.insert(ended.end(), {start.last, {}});
    same->second.insert(same->second.end(), start.first.begin(), start.first.end());
  }
  Ranges starts = all;
  Tidy(all);
  gate.all_ = false;
  Fill(all, gate.allowed_.ascii, gate.allowed_.wide);
  gate.allowed_.IndexBmp();
  for (auto& [last, first] : ended) starts.insert(starts.end(), first.begin(), first.end());
  Tidy(starts);
  Fill(starts, gate.starts_.ascii, gate.starts_.wide);
  gate.starts_.IndexBmp();
  for (auto& [last, first] : ended) {
    Tidy(first);
    Ended& e = gate.ended_.emplace_back();
    Fill(first, e.first.ascii, e.first.wide);
    e.first.IndexBmp();
    Fill(last, e.last.ascii, e.last.wide);
    e.last.IndexBmp();
  }
  return gate;
}

void LineStartGate::Characters::IndexBmp() {
  bmp.assign(0x10000 / 64, 0);
  for (const auto& [lo, hi] : wide) {
    for (char32_t c = lo; c <= hi && c < 0x10000; ++c) bmp[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
}

namespace {

// The offset of the first character of `line` after white space (its size when there is none).
std::size_t FirstCharacter(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsSpaceByte(static_cast<unsigned char>(line[i]))) ++i;
  return i;
}

}  // namespace

bool LineStartGate::Characters::Has(char32_t cp) const {
  if (cp < 0x80) return ascii.test(cp);
  if (cp < 0x10000 && !bmp.empty()) return ((bmp[cp >> 6] >> (cp & 63)) & 1) != 0;
  const auto it = std::upper_bound(wide.begin(), wide.end(), cp,
                                   [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  return it != wide.begin() && cp <= std::prev(it)->second;
}

bool LineStartGate::Characters::Contains(std::string_view line, std::size_t at) const {
  if (at == line.size()) return false;
  const auto b = static_cast<unsigned char>(line[at]);
  if (b < 0x80) return ascii.test(b);
  std::size_t length = 0;
  return Has(DecodeUtf8(line, at, length));
}

namespace {

// The character at `at`: ASCII as it is, anything else decoded.
char32_t CharacterAt(std::string_view line, std::size_t at) {
  const auto b = static_cast<unsigned char>(line[at]);
  if (b < 0x80) return b;
  std::size_t length = 0;
  return DecodeUtf8(line, at, length);
}

// The last character of `line` before white space, in `cp`; false when there is none or its last
// byte ends no whole character (or it is a replacement character): such a byte is not told apart.
bool LastCharacter(std::string_view line, char32_t& cp) {
  std::size_t end = line.size();
  while (end > 0 && IsSpaceByte(static_cast<unsigned char>(line[end - 1]))) --end;
  if (end == 0) return false;
  const std::size_t last = end - 1;
  if (static_cast<unsigned char>(line[last]) < 0x80) {
    cp = static_cast<unsigned char>(line[last]);
    return true;
  }
  std::size_t at = last;
  while (at > 0 && last - at < 3 && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) --at;
  std::size_t length = 0;
  cp = DecodeUtf8(line, at, length);
  return at + length == end && cp != 0xFFFD;
}

}  // namespace

bool LineStartGate::MayMatch(std::string_view line) const {
  // White space alone: no pattern matches only that (else there would be no condition).
  if (all_) return true;
  const std::size_t at = FirstCharacter(line);
  if (ended_.empty()) return allowed_.Contains(line, at);
  if (at == line.size()) return false;
  const char32_t first = CharacterAt(line, at);  // decoded once for every set below
  if (!starts_.Has(first)) return false;
  if (allowed_.Has(first)) return true;
  char32_t last = 0;
  const bool whole = LastCharacter(line, last);
  for (const Ended& e : ended_) {
    if (e.first.Has(first) && (!whole || e.last.Has(last))) return true;
  }
  return false;
}

bool LineStartGate::Decides(std::string_view line) const { return decides_.Contains(line, FirstCharacter(line)); }

bool LineStartGate::DecidesAtEnd(std::string_view line) const {
  char32_t last = 0;
  return LastCharacter(line, last) && decides_at_end_.Has(last);
}

RequiredCharacters RequiredCharacters::Derive(const std::vector<std::string>& patterns) {
  RequiredCharacters condition;
  std::vector<std::vector<std::string>> each;
  for (const std::string& pattern : patterns) {
    Start start;
    if (!Reader(pattern).Read(start)) return condition;
    // The smallest classes all of ASCII, the first of them in the pattern when equal.
    std::stable_sort(start.required.begin(), start.required.end(), [](const Ranges& a, const Ranges& b) {
      const auto size = [](const Ranges& r) {
        std::size_t n = 0;
        for (const auto& [lo, hi] : r) n += hi - lo + 1;
        return n;
      };
      return size(a) < size(b);
    });
    std::vector<std::string> classes;
    for (const Ranges& r : start.required) {
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
