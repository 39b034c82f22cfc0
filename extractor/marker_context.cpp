// The context a relation pattern needs beside its markers (see marker_context.h). The pattern is
// read as a sequence of elements, groups holding the sequences of their alternatives; only
// literals, classes of listed characters, groups, \s, \b, ^ and $ are understood, anything else
// ends the walk from a placeholder.
#include "extractor/marker_context.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "extractor/text_util.h"

namespace kgx {

namespace {

enum class Kind {
  kPlaceholder,
  kText,       // one of `texts` stands here ("" when it may be empty)
  kGroup,      // one of `alternatives` stands here
  kSpace,      // \s
  kZeroWidth,  // \b, \B
  kLineStart,  // ^, \A
  kLineEnd,    // $, \z
  kOther,      // anything the walks do not look through
};

struct Element {
  Kind kind = Kind::kOther;
  std::vector<std::string> texts;
  std::vector<std::vector<Element>> alternatives;
  bool fold = false;  // texts match in any ASCII case (inside `(?i:…)`); they are in lower case
  Placeholder placeholder;
  bool may_skip = false;  // followed by ?, * or a repeat from 0
  bool repeats = false;   // followed by +, * or a repeat
};

Element TextElement(std::vector<std::string> texts, bool fold) {
  Element e;
  e.kind = Kind::kText;
  e.texts = std::move(texts);
  e.fold = fold;
  if (fold) {
    for (std::string& text : e.texts) {
      for (char& c : text) c = AsciiLower(c);
    }
  }
  return e;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool IsAsciiPunct(char c) { return c > ' ' && c < 0x7F && !IsAsciiAlnum(static_cast<unsigned char>(c)); }

bool IsMeta(char c) { return c != '\0' && std::strchr("\\^$.|?*+()[]{}", c) != nullptr; }

std::size_t Utf8Length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Returns the offset of the ']' that closes the class opened at `open`, or npos.
std::size_t ClassEnd(std::string_view p, std::size_t open) {
  std::size_t i = open + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // "[]…]": the ] is a member
  for (; i < p.size(); ++i) {
    if (p[i] == '\\') ++i;
    else if (p[i] == ']') return i;
  }
  return std::string_view::npos;
}

// Returns the offset of the ')' that closes the group opened at `open`, or npos.
std::size_t GroupEnd(std::string_view p, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      i = ClassEnd(p, i);
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
// punctuation ("、,。"), one text per character, else nothing.
std::optional<std::vector<std::string>> ClassMembers(std::string_view body) {
  std::vector<std::string> texts;
  if (body.empty() || body.front() == '^') return std::nullopt;
  for (std::size_t i = 0; i < body.size();) {
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

// Reads the repeat after an element at `i` (?, *, +, {n,m}, each maybe lazy) into `element`.
// Returns the offset after it.
std::size_t ReadRepeat(std::string_view p, std::size_t i, Element& element) {
  if (i >= p.size()) return i;
  if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
    element.may_skip = p[i] != '+';
    element.repeats = p[i] != '?';
    ++i;
  } else if (p[i] == '{' && i + 1 < p.size() && (std::isdigit(static_cast<unsigned char>(p[i + 1])) || p[i + 1] == ',')) {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return i;
    element.may_skip = p[i + 1] == ',' || (p[i + 1] == '0' && (p[i + 2] == ',' || p[i + 2] == '}'));
    element.repeats = true;
    i = close + 1;
  } else {
    return i;
  }
  return i < p.size() && p[i] == '?' ? i + 1 : i;  // lazy
}

std::optional<std::vector<Element>> Elements(std::string_view p, bool fold);

// Reads the group p[open..close] into `e`: its alternatives when it is a plain or capturing group
// or `(?i:…)` (whose ASCII literals match in any case), else leaves `e` as kOther. Returns false
// when the group is an inline flag that changes the rest of the pattern.
bool ReadGroup(std::string_view p, std::size_t open, std::size_t close, bool fold, Element& e) {
  std::string_view body = p.substr(open + 1, close - open - 1);
  if (body.substr(0, 2) == "?:") {
    body.remove_prefix(2);
  } else if (body.substr(0, 3) == "?i:") {
    body.remove_prefix(3);
    fold = true;
  } else if (body.substr(0, 3) == "?P<") {
    const std::size_t name_end = body.find('>');
    if (name_end == std::string_view::npos) return true;
    body.remove_prefix(name_end + 1);
  } else if (!body.empty() && body[0] == '?') {
    return body.find(':') != std::string_view::npos;  // other flags: kOther; "(?i)" sets them for the rest
  }
  std::vector<std::vector<Element>> alternatives;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    if (i < body.size() && body[i] == '\\') {
      ++i;
      continue;
    }
    if (i < body.size() && (body[i] == '(' || body[i] == '[')) {
      i = body[i] == '(' ? GroupEnd(body, i) : ClassEnd(body, i);
      if (i == std::string_view::npos) return true;
      continue;
    }
    if (i < body.size() && body[i] != '|') continue;
    auto alternative = Elements(body.substr(start, i - start), fold);
    if (!alternative) return true;
    alternatives.push_back(std::move(*alternative));
    start = i + 1;
  }
  e.kind = Kind::kGroup;
  e.alternatives = std::move(alternatives);
  return true;
}

// Splits `p` into elements; nothing when it has a '|' outside groups, an inline flag for the
// rest of the pattern or an escape the walks cannot pass safely. `fold`: inside `(?i:…)`.
std::optional<std::vector<Element>> Elements(std::string_view p, bool fold) {
  const std::vector<Placeholder> placeholders = FindPlaceholders(p);
  std::size_t next_placeholder = 0;
  std::vector<Element> elements;
  for (std::size_t i = 0; i < p.size();) {
    Element e;
    const char c = p[i];
    std::size_t after = i + 1;
    if (next_placeholder < placeholders.size() && placeholders[next_placeholder].begin == i) {
      e.kind = Kind::kPlaceholder;
      e.placeholder = placeholders[next_placeholder++];
      after = e.placeholder.end;
    } else if (c == '|') {
      return std::nullopt;
    } else if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char escaped = p[i + 1];
      after = i + 2;
      if (escaped == 's') e.kind = Kind::kSpace;
      else if (escaped == 'b' || escaped == 'B') e.kind = Kind::kZeroWidth;
      else if (escaped == 'A') e.kind = Kind::kLineStart;
      else if (escaped == 'z') e.kind = Kind::kLineEnd;
      else if (IsAsciiPunct(escaped)) e = TextElement({std::string(1, escaped)}, fold);
      else if (std::strchr("xpP", escaped) && i + 2 < p.size() && p[i + 2] == '{') after = p.find('}', i) + 1;
      else if (escaped == 'x') after = i + 4;
      else if (escaped == 'p' || escaped == 'P') after = i + 3;
      else if (std::isdigit(static_cast<unsigned char>(escaped)) || escaped == 'Q' || escaped == 'C') return std::nullopt;
      if (after == 0 || after > p.size()) return std::nullopt;
    } else if (c == '[') {
      const std::size_t close = ClassEnd(p, i);
      if (close == std::string_view::npos) return std::nullopt;
      if (auto members = ClassMembers(p.substr(i + 1, close - i - 1))) e = TextElement(std::move(*members), fold);
      after = close + 1;
    } else if (c == '(') {
      const std::size_t close = GroupEnd(p, i);
      if (close == std::string_view::npos || !ReadGroup(p, i, close, fold, e)) return std::nullopt;
      after = close + 1;
    } else if (c == '^') {
      e.kind = Kind::kLineStart;
    } else if (c == '$') {
      e.kind = Kind::kLineEnd;
    } else if (!IsMeta(c) || c == ']' || c == '}') {
      after = i + Utf8Length(c);
      e = TextElement({std::string(p.substr(i, after - i))}, fold);
    }
    // Case folding beyond ASCII is not modelled: such a text is no literal.
    if (e.kind == Kind::kText && e.fold) {
      for (const std::string& text : e.texts) {
        if (std::any_of(text.begin(), text.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; })) e = Element{};
      }
    }
    i = ReadRepeat(p, after, e);
    elements.push_back(std::move(e));
  }
  return elements;
}

// Where a walk from a placeholder along a sequence of elements ended.
enum class WalkEnd {
  kRequired,  // at something every match holds: the side is known
  kOpen,      // at the end of the sequence: what follows the sequence may stand there too
  kUnknown,   // at something the walk cannot look through
};

// Walks `elements` from `j` towards the end (step +1) or the start (step -1) over whitespace and
// what may be skipped, collecting into `side` the texts that may stand first (or last).
WalkEnd Walk(const std::vector<Element>& elements, std::size_t j, int step, SideContext& side) {
  for (; j < elements.size(); j += step) {  // a step back from 0 wraps to a huge value
    const Element& e = elements[j];
    if (e.kind == Kind::kSpace || e.kind == Kind::kZeroWidth) continue;
    bool may_be_empty = e.may_skip;
    if (e.kind == (step > 0 ? Kind::kLineEnd : Kind::kLineStart)) {
      side.edge = true;
    } else if (e.kind == Kind::kGroup) {
      for (const std::vector<Element>& alternative : e.alternatives) {
        const WalkEnd end = Walk(alternative, step > 0 ? 0 : alternative.size() - 1, step, side);
        if (end == WalkEnd::kUnknown) return end;
        may_be_empty |= end == WalkEnd::kOpen;
      }
    } else if (e.kind == Kind::kText) {
      // One literal, unrepeated: the literals next to it belong to the same run of text.
      std::vector<std::string> texts = e.texts;
      if (texts.size() == 1 && !e.may_skip && !e.repeats) {
        for (std::size_t n = j + step; n < elements.size(); n += step) {
          const Element& more = elements[n];
          if (more.kind != Kind::kText || more.texts.size() != 1 || more.may_skip || more.repeats || more.fold != e.fold) break;
          texts[0] = step > 0 ? texts[0] + more.texts[0] : more.texts[0] + texts[0];
        }
      }
      for (std::string& text : texts) {
        // Whitespace at the marker's end of a literal is passed over when the line is checked.
        while (!text.empty() && IsSpace(step > 0 ? text.front() : text.back())) text.erase(step > 0 ? 0 : text.size() - 1, 1);
        if (text.empty()) may_be_empty = true;
        else (e.fold ? side.folded : side.literals).push_back(std::move(text));
      }
    } else {
      return WalkEnd::kUnknown;
    }
    if (!may_be_empty) return WalkEnd::kRequired;
  }
  return WalkEnd::kOpen;
}

// Returns what must stand beside the placeholder at `k` (step -1: before it, +1: after it).
SideContext Side(const std::vector<Element>& elements, std::size_t k, int step) {
  SideContext side;
  if (Walk(elements, k + step, step, side) != WalkEnd::kRequired) return {};  // kOpen: the pattern may end there
  side.known = true;
  return side;
}

// Returns true when `text` holds a character that RE2 folds to an ASCII letter (U+017F ſ, U+212A
// Kelvin sign): there a folded literal is not compared byte by byte.
bool HasFoldOutsideAscii(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos || text.find("\xE2\x84\xAA") != std::string_view::npos;
}

bool SameFolded(std::string_view text, std::size_t at, std::string_view lower) {
  if (at + lower.size() > text.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (AsciiLower(text[at + i]) != lower[i]) return false;
  }
  return true;
}

bool BeforeFits(const SideContext& side, std::string_view text, std::size_t begin) {
  while (begin > 0 && IsSpace(text[begin - 1])) --begin;
  if (side.edge && begin == 0) return true;
  for (const std::string& literal : side.literals) {
    if (literal.size() <= begin && text.compare(begin - literal.size(), literal.size(), literal) == 0) return true;
  }
  for (const std::string& literal : side.folded) {
    if (literal.size() <= begin && SameFolded(text, begin - literal.size(), literal)) return true;
  }
  return false;
}

bool AfterFits(const SideContext& side, std::string_view text, std::size_t end) {
  while (end < text.size() && IsSpace(text[end])) ++end;
  if (side.edge && end == text.size()) return true;
  for (const std::string& literal : side.literals) {
    if (text.compare(end, literal.size(), literal) == 0) return true;
  }
  for (const std::string& literal : side.folded) {
    if (SameFolded(text, end, literal)) return true;
  }
  return false;
}

}  // namespace

PatternShape ShapeOf(std::string_view pattern) {
  PatternShape shape;
  const auto elements = Elements(pattern, false);
  if (!elements) return shape;
  using Role = Placeholder::Role;
  for (std::size_t k = 0; k < elements->size(); ++k) {
    const Element& e = (*elements)[k];
    const Role role = e.placeholder.role;
    if (e.kind != Kind::kPlaceholder || e.may_skip || e.repeats) continue;
    if (role != Role::kMention && role != Role::kSubject && role != Role::kObject && role != Role::kObjects) continue;
    if (k == 0 && role == Role::kObject) shape.starts_with_object = true;
    MarkerContext context{e.placeholder.types, Side(*elements, k, -1), Side(*elements, k, +1)};
    if (role == Role::kObjects && context.before.known && context.after.known) {
      // A list: its first marker has the context before it, its last the one after it.
      shape.contexts.push_back({context.types, context.before, {}});
      context.before = {};
    }
    if (context.before.known || context.after.known) shape.contexts.push_back(std::move(context));
  }
  return shape;
}

bool SomeMarkerFits(const MarkerContext& context, std::string_view text, const std::vector<MarkerSpan>& markers) {
  for (const MarkerSpan& marker : markers) {
    if ((TypeBit(marker.type) & context.types) == 0) continue;
    if (context.before.known && !BeforeFits(context.before, text, marker.begin)) continue;
    if (context.after.known && !AfterFits(context.after, text, marker.end)) continue;
    return true;
  }
  const bool folds = !context.before.folded.empty() || !context.after.folded.empty();
  return folds && HasFoldOutsideAscii(text);
}

}  // namespace kgx
