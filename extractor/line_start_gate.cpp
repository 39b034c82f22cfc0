// Reading the patterns: for each, the characters that can come first in a match once leading
// white space (RE2's \s: \t \n \f \r and space) is passed, and whether a match may hold white
// space alone (then there is no condition). Classes, escapes, groups, alternatives, repeats and
// (?i:…) are followed; a case-insensitive ASCII letter allows what ICU says it folds with ('k'
// the Kelvin sign too), any other case-insensitive character everything from U+0080; anything
// else the reader does not know drops the condition. The sets are ranges of code points, so
// "[^\s\-*+•]" and "[■◆]" keep their meaning.
#include "extractor/line_start_gate.h"

#include <unicode/uniset.h>

#include <algorithm>
#include <cctype>
#include <cstring>

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

// What a piece of pattern can start with (after white space) and whether it may match only white space.
struct Start {
  Ranges first;
  bool blank = true;
  std::vector<Ranges> required;  // every match holds a character of each of these classes
};

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  // Reads the whole pattern; nothing when it holds what the reader does not follow.
  bool Read(Start& start) {
    bool fold = false;
    if (p_.starts_with("(?i)")) {  // case-insensitive as a whole
      fold = true;
      i_ = 4;
    }
    start = Alternation(fold);
    return ok_ && i_ == p_.size();
  }

 private:
  bool More() const { return i_ < p_.size(); }
  char Peek() const { return p_[i_]; }
  void Fail() { ok_ = false; }

  Start Alternation(bool fold) {
    Start all = Sequence(fold);
    while (ok_ && More() && Peek() == '|') {
      ++i_;
      all.required.clear();  // (what all alternatives need is not worked out)
      Start next = Sequence(fold);
      all.first.insert(all.first.end(), next.first.begin(), next.first.end());
      all.blank = all.blank || next.blank;
    }
    Tidy(all.first);
    return all;
  }

  Start Sequence(bool fold) {
    Start acc;  // empty: matches the empty string
    while (ok_ && More() && Peek() != '|' && Peek() != ')') {
      const Start item = Item(fold);
      acc.required.insert(acc.required.end(), item.required.begin(), item.required.end());
      if (!acc.blank) continue;  // an earlier item already has a character other than white space
      acc.first.insert(acc.first.end(), item.first.begin(), item.first.end());
      acc.blank = item.blank;
    }
    return acc;
  }

  Start Item(bool fold) {
    Start atom = Atom(fold);
    if (!ok_ || !More()) return atom;
    const char q = Peek();
    if (q == '*' || q == '?') {
      ++i_;
      atom.blank = true;
      atom.required.clear();
    } else if (q == '+') {
      ++i_;
    } else if (q == '{') {
      const std::size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return Fail(), atom;
      const std::string_view bounds = p_.substr(i_ + 1, close - i_ - 1);
      if (bounds.empty() || bounds.find_first_not_of("0123456789,") != std::string_view::npos ||
          !std::isdigit(static_cast<unsigned char>(bounds[0]))) {
        return Fail(), atom;
      }
      if (bounds.find_first_not_of('0') == std::string_view::npos || bounds.starts_with("0,")) {
        atom.blank = true;
        atom.required.clear();
      }
      i_ = close + 1;
    } else {
      return atom;
    }
    if (More() && Peek() == '?') ++i_;  // lazy
    return atom;
  }

  Start Atom(bool fold) {
    const char c = Peek();
    if (c == '(') return Group(fold);
    if (c == '^' || c == '$') {
      ++i_;
      return Start{};
    }
    if (c == '.') {
      ++i_;
      return Characters(Complement({{'\n', '\n'}}), fold);
    }
    Ranges set;
    if (c == '[') {
      if (!Class(set)) return Fail(), Start{};
      return Characters(set, fold);
    }
    if (c == '\\') {
      bool zero_width = false;
      if (!Escape(set, zero_width)) return Fail(), Start{};
      return zero_width ? Start{} : Characters(set, fold);
    }
    if (std::strchr("*+?{)|", c) != nullptr) return Fail(), Start{};
    set.emplace_back(Literal(), 0);
    set.back().second = set.back().first;
    return Characters(set, fold);
  }

  Start Group(bool fold) {
    ++i_;  // '('
    if (p_.substr(i_).starts_with("?P<")) {
      const std::size_t close = p_.find('>', i_);
      if (close == std::string_view::npos) return Fail(), Start{};
      i_ = close + 1;
    } else if (More() && Peek() == '?') {
      ++i_;
      while (More() && std::isalpha(static_cast<unsigned char>(Peek()))) fold = fold || p_[i_++] == 'i';
      if (!More() || Peek() != ':') return Fail(), Start{};  // a bare flag group or a negative flag
      ++i_;
    }
    Start inner = Alternation(fold);
    if (!More() || Peek() != ')') return Fail(), Start{};
    ++i_;
    return inner;
  }

  // One character of the pattern as written (UTF-8).
  char32_t Literal() {
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(p_, i_, length);
    i_ += std::max<std::size_t>(length, 1);
    return cp;
  }

  // Reads an escape at '\'; `zero_width` for \b, \B, \A, \z.
  bool Escape(Ranges& set, bool& zero_width) {
    if (i_ + 1 >= p_.size()) return false;
    const char e = p_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 's':
        set = Spaces();
        return true;
      case 'S':
        set = NonSpaces();
        return true;
      case 'd':
        set = {{'0', '9'}};
        return true;
      case 'D':
        set = Complement({{'0', '9'}});
        return true;
      case 'w':
        set = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
        return true;
      case 'W':
        set = Complement({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
        return true;
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        zero_width = true;
        return true;
      case 'n':
        set = {{'\n', '\n'}};
        return true;
      case 't':
        set = {{'\t', '\t'}};
        return true;
      case 'r':
        set = {{'\r', '\r'}};
        return true;
      case 'f':
        set = {{'\f', '\f'}};
        return true;
      case 'v':
        set = {{'\v', '\v'}};
        return true;
      case 'p':
      case 'P':  // a Unicode class: any character
        if (More() && Peek() == '{') {
          const std::size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) return false;
          i_ = close + 1;
        } else if (More()) {
          ++i_;
        }
        set = {{0, kMaxCodePoint}};
        return true;
      default:
        if (static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e))) {
          set = {{static_cast<char32_t>(e), static_cast<char32_t>(e)}};
          return true;
        }
        return false;  // \x, \Q, \C, digits and the like
    }
  }

  bool Class(Ranges& set) {
    ++i_;  // '['
    bool negated = false;
    if (More() && Peek() == '^') {
      negated = true;
      ++i_;
    }
    bool first = true;
    while (More() && (Peek() != ']' || first)) {
      first = false;
      if (p_.substr(i_).starts_with("[:")) return false;
      Ranges part;
      char32_t lo = 0;
      if (Peek() == '\\') {
        bool zero_width = false;
        if (!Escape(part, zero_width) || zero_width) return false;
        if (part.size() != 1 || part[0].first != part[0].second) {  // \s, \d and the like: no range
          set.insert(set.end(), part.begin(), part.end());
          continue;
        }
        lo = part[0].first;
      } else {
        lo = Literal();
      }
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && Peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (Peek() == '\\') {
          bool zero_width = false;
          if (!Escape(part, zero_width) || zero_width || part.size() != 1 || part[0].first != part[0].second) {
            return false;
          }
          hi = part[0].first;
        } else {
          hi = Literal();
        }
        if (hi < lo) return false;
      }
      set.emplace_back(lo, hi);
    }
    if (!More()) return false;
    ++i_;  // ']'
    Tidy(set);
    if (negated) set = Complement(set);
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
    start.blank = start.first != set;  // the class holds some white space
    start.required.push_back(set);
    return start;
  }

  std::string_view p_;
  std::size_t i_ = 0;
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

}  // namespace

LineStartGate LineStartGate::Derive(const std::vector<std::string>& patterns) {
  LineStartGate gate;
  Ranges decides;
  for (const std::string& pattern : patterns) {
    const Ranges d = DecidingCharacters(pattern);
    decides.insert(decides.end(), d.begin(), d.end());
  }
  Tidy(decides);
  Fill(decides, gate.decides_.ascii, gate.decides_.wide);
  Ranges all;
  for (const std::string& pattern : patterns) {
    Start start;
    if (!Reader(pattern).Read(start) || start.blank) return gate;
    all.insert(all.end(), start.first.begin(), start.first.end());
  }
  Tidy(all);
  gate.all_ = false;
  Fill(all, gate.allowed_.ascii, gate.allowed_.wide);
  return gate;
}

namespace {

// The offset of the first character of `line` after white space (its size when there is none).
std::size_t FirstCharacter(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsSpaceByte(static_cast<unsigned char>(line[i]))) ++i;
  return i;
}

}  // namespace

bool LineStartGate::Characters::Contains(std::string_view line, std::size_t at) const {
  if (at == line.size()) return false;
  const auto b = static_cast<unsigned char>(line[at]);
  if (b < 0x80) return ascii.test(b);
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(line, at, length);
  const auto it = std::upper_bound(wide.begin(), wide.end(), cp,
                                   [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  return it != wide.begin() && cp <= std::prev(it)->second;
}

bool LineStartGate::MayMatch(std::string_view line) const {
  // White space alone: no pattern matches only that (else there would be no condition).
  return all_ || allowed_.Contains(line, FirstCharacter(line));
}

bool LineStartGate::Decides(std::string_view line) const { return decides_.Contains(line, FirstCharacter(line)); }

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
      if (r.empty() || r.back().second >= 0x80 || bytes.size() > kMaxBytes) break;
      classes.push_back(bytes);
    }
    if (classes.empty()) return condition;  // nothing this pattern always needs
    each.push_back(std::move(classes));
  }
  condition.each_ = std::move(each);
  condition.all_ = false;
  return condition;
}

bool RequiredCharacters::MayMatch(std::string_view line) const {
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
