// Reads patterns for PatternStart (see pattern_start.h), their tokens from ReadRegexTokens: for each, the characters that can come
// first in a match once leading white space (RE2's \s: \t \n \f \r and space) is passed, those
// that can come last before trailing white space, and whether a match may hold white space alone
// (then there is no condition). Classes, escapes,
// groups, alternatives, repeats and (?i:…) are followed; a case-insensitive ASCII letter allows
// what ICU says it folds with ('k' the Kelvin sign too), any other case-insensitive character
// everything from U+0080; what the reader answers kUnsupported for, and a flag group other than a
// leading (?i), drops the condition. The sets are ranges of code points, so "[^\s\-*+•]" and "[■◆]"
// keep their meaning.
#include "extractor/pattern_start.h"

#include <unicode/uniset.h>

#include <algorithm>
#include <cstring>

#include "extractor/regex_syntax.h"

namespace kgx {

using Ranges = CodePointRanges;
using Start = PatternStart;

void Tidy(CodePointRanges& r) {
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

namespace {

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

}  // namespace

const CodePointRanges& NonSpaces() {
  static const Ranges non_spaces = Complement(Spaces());
  return non_spaces;
}

namespace {

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

bool ReadPatternStart(std::string_view pattern, PatternStart& start) { return Reader(pattern).Read(start); }

}  // namespace kgx
