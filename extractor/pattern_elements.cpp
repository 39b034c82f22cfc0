// Relation patterns read as elements (see pattern_elements.h).
#include "extractor/pattern_elements.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

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

bool IsAsciiPunct(char c) { return c > ' ' && c < 0x7F && !IsAsciiAlnum(static_cast<unsigned char>(c)); }

bool IsMeta(char c) { return c != '\0' && std::strchr("\\^$.|?*+()[]{}", c) != nullptr; }

std::size_t Utf8Length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Returns the offset of the ')' that closes the group opened at `open`, or npos.
std::size_t GroupEnd(std::string_view p, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      i = RegexClassEnd(p, i);
      if (i == std::string_view::npos) return i;
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Returns the members of a class body without negation, ranges or escapes other than
// punctuation and \s ("、,。", "\s\-*"), one text per character, else nothing.
std::optional<std::vector<std::string>> ClassMembers(std::string_view body) {
  std::vector<std::string> texts;
  if (body.empty() || body.front() == '^') return std::nullopt;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '\\' && i + 1 < body.size() && body[i + 1] == 's') {
      for (const char space : {'\t', '\n', '\f', '\r', ' '}) texts.emplace_back(1, space);  // RE2's \s
      i += 2;
      continue;
    }
    if (body[i] == '\\') {
      if (i + 1 >= body.size() || !IsAsciiPunct(body[i + 1])) return std::nullopt;
      texts.emplace_back(1, body[i + 1]);
      i += 2;
      continue;
    }
    if ((body[i] == '-' && i != 0 && i + 1 != body.size()) || body[i] == '[') return std::nullopt;
    const std::size_t length = Utf8Length(body[i]);
    texts.emplace_back(body.substr(i, length));
    i += length;
  }
  return texts;
}

// The first two bytes of both marker characters (U+E000, U+E001).
constexpr std::string_view kMarkerLead = "\xEE\x80";

// Reads one class item at body[i] (a character, \x{…}, or an escape of ASCII letters or
// punctuation) into [lo, hi]; returns its length, or 0 for an item that may match anything
// (\S, \D, \W, \p{…}, a nested class).
std::size_t ClassItem(std::string_view body, std::size_t i, char32_t& lo, char32_t& hi) {
  if (body[i] == '[') return 0;
  if (body[i] != '\\') {
    std::size_t length = 0;
    lo = hi = DecodeUtf8(body, i, length);
    return length;
  }
  if (i + 1 >= body.size()) return 0;
  const char escaped = body[i + 1];
  if (escaped == 'x' && i + 2 < body.size() && body[i + 2] == '{') {
    const std::size_t close = body.find('}', i);
    if (close == std::string_view::npos) return 0;
    lo = hi = static_cast<char32_t>(std::strtoul(std::string(body.substr(i + 3, close - i - 3)).c_str(), nullptr, 16));
    return close + 1 - i;
  }
  if (std::strchr("sdw", escaped) || IsAsciiPunct(escaped)) {  // ASCII only
    lo = 0;
    hi = 0x7F;
    return 2;
  }
  return 0;
}

// Returns true when the class with `body` cannot match U+E000 or U+E001: a class that lists
// neither, or a negated one that lists both ("[^。、\x{E000}\x{E001}]").
bool ClassExcludesMarkers(std::string_view body) {
  const bool negated = !body.empty() && body.front() == '^';
  bool open = false, close = false;  // whether the items cover U+E000, U+E001
  for (std::size_t i = negated ? 1 : 0; i < body.size();) {
    char32_t lo = 0, hi = 0;
    const std::size_t length = ClassItem(body, i, lo, hi);
    if (length == 0) return false;
    i += length;
    if (i + 1 < body.size() && body[i] == '-') {  // a range
      char32_t last = 0;
      const std::size_t end_length = ClassItem(body, i + 1, last, last);
      if (end_length == 0) return false;
      hi = last;
      i += 1 + end_length;
    }
    open |= lo <= 0xE000 && 0xE000 <= hi;
    close |= lo <= 0xE001 && 0xE001 <= hi;
  }
  return negated ? open && close : !open && !close;
}

// Marks `e` ascii_only with its members when the class with `body` holds ASCII characters only.
void ReadAsciiClass(std::string_view body, PatternElement& e) {
  if (body.empty() || body.front() == '^') return;
  std::bitset<128> members;
  for (std::size_t i = 0; i < body.size();) {
    char32_t lo = 0, hi = 0;
    const std::size_t length = ClassItem(body, i, lo, hi);
    if (length == 0) return;
    i += length;
    if (i + 1 < body.size() && body[i] == '-') {  // a range
      const std::size_t end_length = ClassItem(body, i + 1, hi, hi);
      if (end_length == 0) return;
      i += 1 + end_length;
    }
    if (hi >= 0x80 || lo > hi) return;
    for (char32_t c = lo; c <= hi; ++c) members.set(c);
  }
  e.ascii_only = true;
  e.ascii = members;
}

// Reads the repeat after an element at `i` (?, *, +, {n,m}, each maybe lazy) into `element`.
// Returns the offset after it.
std::size_t ReadRepeat(std::string_view p, std::size_t i, PatternElement& element) {
  if (i >= p.size()) return i;
  if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
    element.may_skip = p[i] != '+';
    element.repeats = p[i] != '?';
    ++i;
  } else if (p[i] == '{' && i + 1 < p.size() && (std::isdigit(static_cast<unsigned char>(p[i + 1])) || p[i + 1] == ',')) {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return i;
    element.may_skip = p[i + 1] == ',' || std::strtoul(std::string(p.substr(i + 1, close - i - 1)).c_str(), nullptr, 10) == 0;
    element.repeats = true;
    i = close + 1;
  } else {
    return i;
  }
  return i < p.size() && p[i] == '?' ? i + 1 : i;  // lazy
}


// Reads the group p[open..close] into `e`: its alternatives when it is a plain or capturing group
// or `(?i:…)` (whose ASCII literals match in any case), else leaves `e` as kOther. Returns false
// when the group is an inline flag that changes the rest of the pattern.
bool ReadGroup(std::string_view p, std::size_t open, std::size_t close, bool fold, PatternElement& e) {
  std::string_view body = p.substr(open + 1, close - open - 1);
  if (body.substr(0, 2) == "?:") {
    body.remove_prefix(2);
  } else if (body.substr(0, 3) == "?i:") {
    body.remove_prefix(3);
    fold = true;
  } else if (body.substr(0, 3) == "?P<") {
    const std::size_t name_end = body.find('>');
    if (name_end == std::string_view::npos) return true;
    e.name = std::string(body.substr(3, name_end - 3));
    body.remove_prefix(name_end + 1);
  } else if (!body.empty() && body[0] == '?') {
    return body.find(':') != std::string_view::npos;  // other flags: kOther; "(?i)" sets them for the rest
  }
  std::vector<std::vector<PatternElement>> alternatives;
  // The '|' of a placeholder's types ({aws_service|technology}) separates no alternatives.
  const std::vector<Placeholder> placeholders = FindPlaceholders(body);
  auto placeholder = placeholders.begin();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    while (placeholder != placeholders.end() && placeholder->begin < i) ++placeholder;  // inside a group passed
    if (placeholder != placeholders.end() && placeholder->begin == i) {
      i = placeholder++->end - 1;
      continue;
    }
    if (i < body.size() && body[i] == '\\') {
      ++i;
      continue;
    }
    if (i < body.size() && (body[i] == '(' || body[i] == '[')) {
      i = body[i] == '(' ? GroupEnd(body, i) : RegexClassEnd(body, i);
      if (i == std::string_view::npos) return true;
      continue;
    }
    if (i < body.size() && body[i] != '|') continue;
    auto alternative = ReadElements(body.substr(start, i - start), fold);
    if (!alternative) return true;
    alternatives.push_back(std::move(*alternative));
    start = i + 1;
  }
  e.kind = ElementKind::kGroup;
  e.alternatives = std::move(alternatives);
  return true;
}

}  // namespace

std::optional<std::vector<PatternElement>> ReadElements(std::string_view p, bool fold) {
  const std::vector<Placeholder> placeholders = FindPlaceholders(p);
  std::size_t next_placeholder = 0;
  std::vector<PatternElement> elements;
  for (std::size_t i = 0; i < p.size();) {
    PatternElement e;
    const char c = p[i];
    std::size_t after = i + 1;
    // Placeholders inside a group were read with it.
    while (next_placeholder < placeholders.size() && placeholders[next_placeholder].begin < i) ++next_placeholder;
    if (next_placeholder < placeholders.size() && placeholders[next_placeholder].begin == i) {
      e.kind = ElementKind::kPlaceholder;
      e.placeholder = placeholders[next_placeholder++];
      after = e.placeholder.end;
    } else if (c == '|') {
      return std::nullopt;
    } else if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char escaped = p[i + 1];
      after = i + 2;
      if (escaped == 's') e.kind = ElementKind::kSpace;
      else if (escaped == 'b' || escaped == 'B') e.kind = ElementKind::kZeroWidth;
      else if (escaped == 'A') e.kind = ElementKind::kLineStart;
      else if (escaped == 'z') e.kind = ElementKind::kLineEnd;
      else if (IsAsciiPunct(escaped)) e = TextElement({std::string(1, escaped)}, fold);
      else if (escaped == 'd' || escaped == 'w') ReadAsciiClass(escaped == 'd' ? "0-9" : "0-9A-Za-z_", e);
      else if (std::strchr("xpP", escaped) && i + 2 < p.size() && p[i + 2] == '{') after = p.find('}', i) + 1;
      else if (escaped == 'x') after = i + 4;
      else if (escaped == 'p' || escaped == 'P') after = i + 3;
      else if (std::isdigit(static_cast<unsigned char>(escaped)) || escaped == 'Q' || escaped == 'C') return std::nullopt;
      if (after == 0 || after > p.size()) return std::nullopt;
    } else if (c == '[') {
      const std::size_t close = RegexClassEnd(p, i);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view body = p.substr(i + 1, close - i - 1);
      if (auto members = ClassMembers(body)) e = TextElement(std::move(*members), fold);
      else e.markerless = ClassExcludesMarkers(body);
      if (e.kind == ElementKind::kOther && !fold) ReadAsciiClass(body, e);
      after = close + 1;
    } else if (c == '(') {
      const std::size_t close = GroupEnd(p, i);
      if (close == std::string_view::npos || !ReadGroup(p, i, close, fold, e)) return std::nullopt;
      after = close + 1;
    } else if (c == '^') {
      e.kind = ElementKind::kLineStart;
    } else if (c == '$') {
      e.kind = ElementKind::kLineEnd;
    } else if (!IsMeta(c) || c == ']' || c == '}') {
      after = i + Utf8Length(c);
      e = TextElement({std::string(p.substr(i, after - i))}, fold);
    }
    // Case folding beyond ASCII is not modelled: such a text is no literal.
    if (e.kind == ElementKind::kText && e.fold) {
      for (const std::string& text : e.texts) {
        if (std::any_of(text.begin(), text.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; })) e = PatternElement{};
      }
    }
    i = ReadRepeat(p, after, e);
    elements.push_back(std::move(e));
  }
  return elements;
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
