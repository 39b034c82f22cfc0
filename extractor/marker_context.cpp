// The context a relation pattern needs beside its markers (see marker_context.h): walks from a
// placeholder over the elements of the pattern (pattern_elements.h) that whitespace or nothing
// may match, up to the literals a match must hold there.
#include "extractor/marker_context.h"

#include <algorithm>
#include <optional>

#include "extractor/pattern_elements.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

using Role = Placeholder::Role;

// Returns true for the placeholders that stand for one marker or a list of them.
bool OneOrMoreMarkers(Role role) {
  return role == Role::kMention || role == Role::kSubject || role == Role::kObject || role == Role::kObjects;
}

// Appends `elements` to `out` with the groups that every match passes exactly once (one
// alternative, not optional, not repeated: `(?P<objects>…)`, `(?:…)`) replaced by what they hold,
// so that the placeholders inside them get contexts too.
void AppendUnwrapped(const std::vector<PatternElement>& elements, std::vector<PatternElement>& out) {
  for (const PatternElement& e : elements) {
    if (e.kind == ElementKind::kGroup && e.alternatives.size() == 1 && !e.may_skip && !e.repeats) {
      AppendUnwrapped(e.alternatives[0], out);
    } else {
      out.push_back(e);
    }
  }
}

// The most members of an ASCII class that a side lists one by one (\d, [0-9]: ten).
constexpr std::size_t kMostClassMembers = 16;

// Where a walk from a placeholder along a sequence of elements ended.
enum class WalkEnd {
  kRequired,  // at something every match holds: the side is known
  kOpen,      // at the end of the sequence: what follows the sequence may stand there too
  kUnknown,   // at something the walk cannot look through
};

// Walks `elements` from `j` towards the end (step +1) or the start (step -1) over whitespace and
// what may be skipped, collecting into `side` the texts that may stand first (or last).
// `classes`: a class of more than kMostClassMembers ASCII characters counts, as a set (SideContext::chars).
WalkEnd Walk(const std::vector<PatternElement>& elements, std::size_t j, int step, bool classes, SideContext& side) {
  for (; j < elements.size(); j += step) {  // a step back from 0 wraps to a huge value
    const PatternElement& e = elements[j];
    if (e.kind == ElementKind::kSpace || e.kind == ElementKind::kZeroWidth) continue;
    bool may_be_empty = e.may_skip;
    if (e.kind == (step > 0 ? ElementKind::kLineEnd : ElementKind::kLineStart)) {
      side.edge = true;
    } else if (e.kind == ElementKind::kPlaceholder) {
      // Another marker: it starts with kOpen and ends with kClose ({each:…} may be anything).
      if (!OneOrMoreMarkers(e.placeholder.role)) return WalkEnd::kUnknown;
      side.literals.emplace_back(step > 0 ? kMarkerOpen : kMarkerClose);
    } else if (e.kind == ElementKind::kGroup) {
      for (const std::vector<PatternElement>& alternative : e.alternatives) {
        const WalkEnd end = Walk(alternative, step > 0 ? 0 : alternative.size() - 1, step, classes, side);
        if (end == WalkEnd::kUnknown) return end;
        may_be_empty |= end == WalkEnd::kOpen;
      }
    } else if (e.kind == ElementKind::kOther && e.ascii_only && e.ascii.count() <= kMostClassMembers) {
      // A short class of ASCII characters ([0-9], \d): each may stand first (last).
      for (std::size_t c = 0; c < e.ascii.size(); ++c) {
        if (e.ascii[c] && !IsRegexSpace(static_cast<char>(c))) side.literals.emplace_back(1, static_cast<char>(c));
        if (e.ascii[c] && IsRegexSpace(static_cast<char>(c))) may_be_empty = true;  // passed over when checked
      }
    } else if (classes && e.kind == ElementKind::kOther && e.chars_known && !e.fold) {
      // A longer one ([A-Z], \w outside (?i:…), \p{Han}), when asked for: one of its characters, in a set.
      for (std::size_t c = 0; c < e.ascii.size(); ++c) {
        if (e.ascii[c] && !IsRegexSpace(static_cast<char>(c))) side.chars.set(c);
        if (e.ascii[c] && IsRegexSpace(static_cast<char>(c))) may_be_empty = true;
      }
      side.wide.Add(e.wide);
    } else if (e.kind == ElementKind::kText) {
      // One literal, unrepeated: the literals next to it belong to the same run of text.
      std::vector<std::string> texts = e.texts;
      if (texts.size() == 1 && !e.may_skip && !e.repeats) {
        for (std::size_t n = j + step; n < elements.size(); n += step) {
          const PatternElement& more = elements[n];
          if (more.kind != ElementKind::kText || more.texts.size() != 1 || more.may_skip || more.repeats || more.fold != e.fold) break;
          texts[0] = step > 0 ? texts[0] + more.texts[0] : more.texts[0] + texts[0];
        }
      }
      for (std::string& text : texts) {
        // Whitespace at the marker's end of a literal is passed over when the line is checked.
        while (!text.empty() && IsRegexSpace(step > 0 ? text.front() : text.back())) text.erase(step > 0 ? 0 : text.size() - 1, 1);
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

// Returns true for an element that matches exactly one of its texts (or characters), once, each
// standing wholly for what it matched: `に`, `(?:に|には)`, `[0-9]`.
// None is whitespace only (a walk passes over such text, so it would not stop there).
bool OneTextOnce(const PatternElement& e, bool classes) {
  const auto solid = [](const PatternElement& text) {
    return !text.may_skip && !text.repeats &&
           std::all_of(text.texts.begin(), text.texts.end(), [](const std::string& t) { return t.find_first_not_of(" \t\n\v\f\r") != std::string::npos; });
  };
  if (e.kind == ElementKind::kText) return solid(e);
  if (e.kind == ElementKind::kOther) {
    return (classes ? e.chars_known && !e.fold : e.ascii_only && e.ascii.count() <= kMostClassMembers) && !e.may_skip && !e.repeats &&
           (e.ascii & std::bitset<128>(0x100003E00ULL)).none();  // no \t-\r, no space
  }
  if (e.kind != ElementKind::kGroup || e.may_skip || e.repeats) return false;
  // Each alternative one text, or a run of single literals (`には` is read as two).
  return std::all_of(e.alternatives.begin(), e.alternatives.end(), [&](const std::vector<PatternElement>& alternative) {
    if (alternative.size() == 1) return alternative[0].kind == ElementKind::kText && solid(alternative[0]);
    return !alternative.empty() && std::all_of(alternative.begin(), alternative.end(), [&](const PatternElement& text) {
      return text.kind == ElementKind::kText && text.texts.size() == 1 && text.fold == alternative[0].fold && !text.may_skip &&
             !text.repeats && !text.texts[0].empty();
    }) && solid(alternative[0]);
  });
}

// Returns what must stand beside the placeholder (or element) at `k` (step -1: before it, +1:
// after it), with what stands beyond that when one element tells it all.
SideContext Side(const std::vector<PatternElement>& elements, std::size_t k, int step, bool classes) {
  SideContext side;
  if (Walk(elements, k + step, step, classes, side) != WalkEnd::kRequired) return {};  // kOpen: the pattern may end there
  side.known = true;
  side.keys = step > 0 ? LiteralKeys::Starting(side.literals) : LiteralKeys::Ending(side.literals);
  // The first element past the whitespace: when the walk stopped there, everything the side
  // holds is what that element matched, and the walk may go on beyond it.
  std::size_t j = k + step;
  while (j < elements.size() && (elements[j].kind == ElementKind::kSpace || elements[j].kind == ElementKind::kZeroWidth)) j += step;
  if (j >= elements.size() || !OneTextOnce(elements[j], classes)) return side;
  const PatternElement& e = elements[j];
  if (e.kind == ElementKind::kText && e.texts.size() == 1) {
    // The walk joined the single literals that follow into one run (as in Walk).
    for (std::size_t n = j + step; n < elements.size(); n += step) {
      const PatternElement& more = elements[n];
      if (more.kind != ElementKind::kText || more.texts.size() != 1 || more.may_skip || more.repeats || more.fold != e.fold) break;
      j = n;
    }
  }
  SideContext beyond = Side(elements, j, step, classes);
  if (beyond.known) side.beyond = std::make_shared<const SideContext>(std::move(beyond));
  return side;
}

// Returns true when `text` holds `literal` at `at`; the last byte is compared first, as literals
// that differ (particles of one script) mostly share their first ones. Inlined: the marker checks
// of every line call it for each literal whose key byte is there.
[[gnu::always_inline]] inline bool EqualAt(std::string_view text, std::size_t at, std::string_view literal) {
  return at + literal.size() <= text.size() && text[at + literal.size() - 1] == literal.back() &&
         text.compare(at, literal.size(), literal) == 0;
}

bool SameFolded(std::string_view text, std::size_t at, std::string_view lower) {
  if (at + lower.size() > text.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (AsciiLower(text[at + i]) != lower[i]) return false;
  }
  return true;
}

// Whether `side`, or what stands beyond it, holds folded literals.
bool Folds(const SideContext& side) {
  return !side.folded.empty() || (side.beyond && Folds(*side.beyond));
}


// Inlined into SomeMarkerFits, the check of every line; what stands beyond calls out.
[[gnu::always_inline]] inline bool BeforeFitsHere(const SideContext& side, std::string_view text, std::size_t begin) {
  while (begin > 0 && IsRegexSpace(text[begin - 1])) --begin;
  if (side.edge && begin == 0) return true;
  // A text ending at `begin` fits when what stands before it fits too.
  const auto further = [&](std::size_t length) { return !side.beyond || BeforeFits(*side.beyond, text, begin - length); };
  if (side.keys.MayEndAt(text, begin)) {  // else no literal ends with the byte there
    for (const std::string& literal : side.literals) {
      if (literal.size() <= begin && EqualAt(text, begin - literal.size(), literal) && further(literal.size())) return true;
    }
  }
  for (const std::string& literal : side.folded) {
    if (literal.size() <= begin && SameFolded(text, begin - literal.size(), literal) && further(literal.size())) return true;
  }
  if (side.chars.any() && begin > 0) {
    const auto byte = static_cast<unsigned char>(text[begin - 1]);
    if (byte < side.chars.size() && side.chars[byte] && further(1)) return true;
  }
  return false;
}

[[gnu::always_inline]] inline bool AfterFitsHere(const SideContext& side, std::string_view text, std::size_t end) {
  while (end < text.size() && IsRegexSpace(text[end])) ++end;
  if (side.edge && end == text.size()) return true;
  const auto further = [&](std::size_t length) { return !side.beyond || AfterFits(*side.beyond, text, end + length); };
  if (side.keys.MayStartAt(text, end)) {  // else no literal has its key byte there
    for (const std::string& literal : side.literals) {
      if (EqualAt(text, end, literal) && further(literal.size())) return true;
    }
  }
  for (const std::string& literal : side.folded) {
    if (SameFolded(text, end, literal) && further(literal.size())) return true;
  }
  if (side.chars.any() && end < text.size()) {
    const auto byte = static_cast<unsigned char>(text[end]);
    if (byte < side.chars.size() && side.chars[byte] && further(1)) return true;
  }
  return false;
}

}  // namespace

bool HasFoldOutsideAscii(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos || text.find("\xE2\x84\xAA") != std::string_view::npos;
}

namespace {

// A character of `side.wide` before `begin` (after `end`), whitespace passed over, with what
// stands beyond it fitting too; a character that is not well-formed may be anything.
bool WideBefore(const SideContext& side, std::string_view text, std::size_t begin) {
  while (begin > 0 && IsRegexSpace(text[begin - 1])) --begin;
  if (begin == 0 || static_cast<unsigned char>(text[begin - 1]) < 0x80) return false;
  const std::optional<char32_t> c = CharacterBefore(text, begin);
  if (!c) return true;
  std::size_t length = 1;
  while (length < begin && (static_cast<unsigned char>(text[begin - length]) & 0xC0) == 0x80) ++length;
  return side.wide.Contains(*c) && (!side.beyond || BeforeFits(*side.beyond, text, begin - length));
}

bool WideAfter(const SideContext& side, std::string_view text, std::size_t end) {
  while (end < text.size() && IsRegexSpace(text[end])) ++end;
  if (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80) return false;
  const std::optional<char32_t> c = CharacterAt(text, end);
  if (!c) return true;
  std::size_t length = 0;
  DecodeUtf8(text, end, length);
  return side.wide.Contains(*c) && (!side.beyond || AfterFits(*side.beyond, text, end + length));
}

}  // namespace

// Relation contexts have no wide characters: SomeMarkerFits checks them inline without.
bool BeforeFits(const SideContext& side, std::string_view text, std::size_t begin) {
  return BeforeFitsHere(side, text, begin) || (!side.wide.empty() && WideBefore(side, text, begin));
}
bool AfterFits(const SideContext& side, std::string_view text, std::size_t end) {
  return AfterFitsHere(side, text, end) || (!side.wide.empty() && WideAfter(side, text, end));
}

std::vector<PatternElement> UnwrapGroups(const std::vector<PatternElement>& elements) {
  std::vector<PatternElement> out;
  AppendUnwrapped(elements, out);
  return out;
}

SideContext SideOf(const std::vector<PatternElement>& unwrapped, std::size_t k, int step) { return Side(unwrapped, k, step, true); }

std::vector<MarkerContext> ContextsOf(std::string_view pattern) {
  const auto elements = ReadElements(pattern);
  return elements ? ContextsOf(*elements) : std::vector<MarkerContext>{};
}

std::vector<MarkerContext> ContextsOf(const std::vector<PatternElement>& pattern) {
  std::vector<MarkerContext> contexts;
  std::vector<PatternElement> elements;
  AppendUnwrapped(pattern, elements);
  for (std::size_t k = 0; k < elements.size(); ++k) {
    const PatternElement& e = elements[k];
    const Role role = e.placeholder.role;
    if (e.kind != ElementKind::kPlaceholder || e.may_skip || e.repeats) continue;
    if (!OneOrMoreMarkers(role)) continue;
    // Long classes are left out: a context costs a check per line and few such turn lines away.
    MarkerContext context{e.placeholder.types, Side(elements, k, -1, false), Side(elements, k, +1, false)};
    if (role == Role::kObjects && context.before.known && context.after.known) {
      // A list: its first marker has the context before it, its last the one after it.
      contexts.push_back({context.types, context.before, {}});
      context.before = {};
    }
    if (context.before.known || context.after.known) contexts.push_back(std::move(context));
  }
  for (MarkerContext& context : contexts) context.folds = Folds(context.before) || Folds(context.after);
  return contexts;
}

std::optional<MarkerContext> LeadContextOf(const std::vector<PatternElement>& pattern) {
  std::vector<PatternElement> elements;
  AppendUnwrapped(pattern, elements);
  if (elements.empty()) return std::nullopt;
  const PatternElement& first = elements.front();
  // A list's after side is its last marker's, not the first one's.
  const Role role = first.placeholder.role;
  if (first.kind != ElementKind::kPlaceholder || first.may_skip || first.repeats || !OneOrMoreMarkers(role) || role == Role::kObjects) {
    return std::nullopt;
  }
  MarkerContext context{first.placeholder.types, {}, Side(elements, 0, +1, false)};
  if (!context.after.known || Folds(context.after)) return std::nullopt;
  return context;
}

[[gnu::always_inline]] inline bool MarkerFitsHere(const MarkerContext& context, std::string_view text, const MarkerSpan& marker) {
  return (TypeBit(marker.type) & context.types) != 0 && (!context.before.known || BeforeFitsHere(context.before, text, marker.begin)) &&
         (!context.after.known || AfterFitsHere(context.after, text, marker.end));
}

bool MarkerFits(const MarkerContext& context, std::string_view text, const MarkerSpan& marker) {
  return MarkerFitsHere(context, text, marker);
}

bool SomeMarkerFits(const MarkerContext& context, std::string_view text, const std::vector<MarkerSpan>& markers) {
  for (const MarkerSpan& marker : markers) {
    if (MarkerFitsHere(context, text, marker)) return true;
  }
  return context.folds && HasFoldOutsideAscii(text);
}

}  // namespace kgx