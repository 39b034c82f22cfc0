// Relation patterns read as elements (see pattern_elements.h).
#include "extractor/pattern_elements.h"

#include <algorithm>

#include "extractor/regex_syntax.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

PatternElement TextElement(std::vector<std::string> texts, bool fold) {
  PatternElement e;
  e.kind = ElementKind::kText;
  e.texts = std::move(texts);
  e.fold = fold;
  if (fold) {
    for (std::string& text : e.texts) {
      for (char& c : text) c = AsciiLower(c);
    }
  }
  return e;
}

// The characters of a class item, ASCII class escapes included; nothing for \S, \D, \W, \p, \P.
std::optional<std::pair<char32_t, char32_t>> ItemRange(const RegexClassItem& item) {
  switch (item.set) {
    case 0: return std::make_pair(item.lo, item.hi);
    case 's':
    case 'd':
    case 'w': return std::make_pair(char32_t{0}, char32_t{0x7F});  // (a superset)
    default: return std::nullopt;
  }
}

// Returns the members of a class without negation or ranges, one text per character (\s gives
// RE2's five), else nothing.
std::optional<std::vector<std::string>> ClassMembers(const RegexClass& c) {
  if (c.negated || c.items.empty()) return std::nullopt;
  std::vector<std::string> texts;
  for (const RegexClassItem& item : c.items) {
    if (item.set == 's') {
      for (const char space : {'\t', '\n', '\f', '\r', ' '}) texts.emplace_back(1, space);
    } else if (item.set != 0 || item.lo != item.hi) {
      return std::nullopt;
    } else {
      texts.emplace_back();
      AppendUtf8(item.lo, texts.back());
    }
  }
  return texts;
}

// The first two bytes of both marker characters (U+E000, U+E001).
constexpr std::string_view kMarkerLead = "\xEE\x80";

// Returns true when class `c` cannot match U+E000 or U+E001: a class that lists neither, or a
// negated one that lists both ("[^。、\x{E000}\x{E001}]").
bool ClassExcludesMarkers(const RegexClass& c) {
  bool open = false, close = false;  // whether the items cover U+E000, U+E001
  for (const RegexClassItem& item : c.items) {
    const auto range = ItemRange(item);
    if (!range) return false;
    open |= range->first <= 0xE000 && 0xE000 <= range->second;
    close |= range->first <= 0xE001 && 0xE001 <= range->second;
  }
  return c.negated ? open && close : !open && !close;
}

// Marks `e` ascii_only with its members when class `c` holds ASCII characters only.
void ReadAsciiClass(const RegexClass& c, PatternElement& e) {
  if (c.negated) return;
  std::bitset<128> members;
  for (const RegexClassItem& item : c.items) {
    const auto range = ItemRange(item);
    if (!range || range->second >= 0x80) return;
    for (char32_t m = range->first; m <= range->second; ++m) members.set(m);
  }
  e.ascii_only = true;
  e.ascii = members;
}

// Marks `e` chars_known with its members, ASCII and wide, when class `c` holds nothing but
// characters, ranges, \s \d \w and known scripts; a negated class that excludes all but a known
// script (`[^\P{Han}氏]`) holds no more than that script.
void ReadKnownClass(const RegexClass& c, PatternElement& e) {
  std::bitset<128> ascii;
  CodeRanges wide;
  if (c.negated) {
    for (const RegexClassItem& item : c.items) {
      if (item.set != 'P') continue;
      const std::optional<CodeRanges> script = ScriptRanges(item.property);
      if (!script) continue;
      e.chars_known = true;
      e.wide = *script;
      return;
    }
    return;
  }
  for (const RegexClassItem& item : c.items) {
    if (item.set == 'p') {
      const std::optional<CodeRanges> script = ScriptRanges(item.property);
      if (!script) return;
      wide.Add(*script);
      continue;
    }
    const auto range = ItemRange(item);
    if (!range) return;
    for (char32_t m = range->first; m <= std::min<char32_t>(range->second, 0x7F); ++m) ascii.set(m);
    if (range->second >= 0x80) wide.Add(std::max<char32_t>(range->first, 0x80), range->second);
  }
  e.chars_known = true;
  e.ascii = ascii;
  e.wide = std::move(wide);
}

// Reads a pattern's tokens into elements: a sequence ends at '|' or ')'; a group's alternatives
// are read as sequences, and a group the reader cannot follow stays kOther.
class ElementReader {
 public:
  explicit ElementReader(std::string_view p) : p_(p), tokens_(ReadRegexTokens(p, /*placeholders=*/true)) {}

  std::optional<std::vector<PatternElement>> Read(bool fold) {
    std::vector<PatternElement> elements;
    if (!Sequence(fold, elements) || at_ != tokens_.size()) return std::nullopt;  // a '|' or ')' outside groups
    return elements;
  }

 private:
  bool More() const { return at_ < tokens_.size(); }
  const RegexToken& Peek() const { return tokens_[at_]; }

  // Reads elements until '|', ')' or the end; false when the tokens hold what the reader cannot pass.
  bool Sequence(bool fold, std::vector<PatternElement>& elements) {
    while (More() && Peek().piece != RegexPiece::kBar && Peek().piece != RegexPiece::kGroupClose) {
      PatternElement e;
      if (!Element(fold, e)) return false;
      if (More() && Peek().piece == RegexPiece::kRepeat) {
        const RegexToken& r = tokens_[at_++];
        e.may_skip = r.min == 0;
        e.repeats = r.op != '?';
      }
      elements.push_back(std::move(e));
    }
    return true;
  }

  bool Element(bool fold, PatternElement& e) {
    const RegexToken& t = tokens_[at_++];
    switch (t.piece) {
      case RegexPiece::kPlaceholder: {
        e.kind = ElementKind::kPlaceholder;
        e.placeholder = PlaceholderAt(p_, t.begin, t.end);
        return true;
      }
      case RegexPiece::kLiteral:
        e = t.escaped ? TextElement({std::string(1, static_cast<char>(t.code))}, fold)
                      : TextElement({std::string(p_.substr(t.begin, t.end - t.begin))}, fold);
        // Case folding beyond ASCII is not modelled: such a text is no literal.
        if (fold && t.code >= 0x80) e = PatternElement{};
        return true;
      case RegexPiece::kEscape:
        if (t.letter == 's') e.kind = ElementKind::kSpace;
        else if (t.letter == 'b' || t.letter == 'B') e.kind = ElementKind::kZeroWidth;
        else if (t.letter == 'A') e.kind = ElementKind::kLineStart;
        else if (t.letter == 'z') e.kind = ElementKind::kLineEnd;
        else if (t.letter == 'd') {
          ReadAsciiClass(*ReadRegexClass("0-9"), e);
          e.chars_known = true;
        } else if (t.letter == 'w') {
          ReadAsciiClass(*ReadRegexClass("0-9A-Za-z_"), e);
          e.fold = fold;  // (?i:\w) takes ſ and the Kelvin sign too
          e.chars_known = !fold;
        } else if (t.letter == 'p' && !fold) {
          if (std::optional<CodeRanges> script = ScriptRanges(t.property)) {
            e.chars_known = true;
            e.wide = std::move(*script);
          }
        }
        return true;  // anything else: kOther
      case RegexPiece::kClass: {
        const std::optional<RegexClass> c = ReadRegexClass(t.body);
        if (!c) return true;  // kOther
        if (auto members = ClassMembers(*c)) {
          // Case folding beyond ASCII is not modelled: such a class is no literal.
          const bool ascii = std::all_of(members->begin(), members->end(), [](const std::string& text) {
            return std::all_of(text.begin(), text.end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; });
          });
          if (!fold || ascii) e = TextElement(std::move(*members), fold);
          return true;
        }
        e.markerless = ClassExcludesMarkers(*c);
        if (!fold) {
          ReadAsciiClass(*c, e);
          ReadKnownClass(*c, e);
        }
        return true;
      }
      case RegexPiece::kGroupOpen: return Group(t, fold, e);
      case RegexPiece::kLineStart: e.kind = ElementKind::kLineStart; return true;
      case RegexPiece::kLineEnd: e.kind = ElementKind::kLineEnd; return true;
      case RegexPiece::kAnyCharacter: return true;  // kOther
      default: return false;  // a stray repeat or ')', a flag group for the rest, kUnsupported
    }
  }

  // Reads the group opened by `open` up to its ')' into `e`: its alternatives when it is a plain,
  // capturing or named group or `(?i:…)` (whose ASCII literals match in any case), else kOther.
  // False when it has no ')'.
  bool Group(const RegexToken& open, bool fold, PatternElement& e) {
    const std::size_t first = at_;
    const bool read = open.group == RegexGroup::kCapture || open.group == RegexGroup::kNamed ||
                      (open.group == RegexGroup::kNonCapture && (open.flags.empty() || open.flags == "i"));
    if (read) {
      if (open.group == RegexGroup::kNamed) e.name = std::string(open.name);
      fold = fold || open.flags == "i";
      std::vector<std::vector<PatternElement>> alternatives(1);
      while (Sequence(fold, alternatives.back())) {
        if (!More()) return false;
        if (tokens_[at_++].piece == RegexPiece::kGroupClose) {
          e.kind = ElementKind::kGroup;
          e.alternatives = std::move(alternatives);
          return true;
        }
        alternatives.emplace_back();  // after '|'
      }
    }
    // kOther: pass the group whole.
    e = PatternElement{};
    int depth = 1;
    for (at_ = first; at_ < tokens_.size(); ++at_) {
      if (tokens_[at_].piece == RegexPiece::kGroupOpen) ++depth;
      if (tokens_[at_].piece == RegexPiece::kGroupClose && --depth == 0) {
        ++at_;
        return true;
      }
    }
    return false;
  }

  std::string_view p_;
  std::vector<RegexToken> tokens_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::vector<PatternElement>> ReadElements(std::string_view p, bool fold) {
  return ElementReader(p).Read(fold);
}

bool HoldsNoMarker(const PatternElement& e) {
  switch (e.kind) {
    case ElementKind::kSpace:
    case ElementKind::kZeroWidth:
    case ElementKind::kLineStart:
    case ElementKind::kLineEnd: return true;
    case ElementKind::kText:
      return std::none_of(e.texts.begin(), e.texts.end(), [](const std::string& text) { return text.find(kMarkerLead) != std::string::npos; });
    case ElementKind::kGroup:
      return std::all_of(e.alternatives.begin(), e.alternatives.end(), [](const std::vector<PatternElement>& alternative) {
        return std::all_of(alternative.begin(), alternative.end(), [](const PatternElement& inner) { return HoldsNoMarker(inner); });
      });
    case ElementKind::kOther: return e.markerless;
    case ElementKind::kPlaceholder: return false;
  }
  return false;
}

}  // namespace kgx
