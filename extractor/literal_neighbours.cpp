// Necessary conditions read from patterns (see literal_neighbours.h).
#include "extractor/literal_neighbours.h"

#include <optional>
#include <vector>

#include "extractor/pattern_elements.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

struct Edge {
  Neighbour chars;  // the characters a text matched by the elements may begin (end) with
  bool may_be_empty = true;
};

void AddText(std::string_view text, bool forward, bool fold, Neighbour &chars) {
  std::size_t at = 0;
  if (!forward) {  // the last character's first byte
    at = text.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  }
  std::size_t length = 0;
  const char32_t c = DecodeUtf8(text, at, length);
  if (c >= 0x80) {
    chars.wide.Add(c, c);
    return;
  }
  chars.ascii.set(c);
  if (!fold || c < 'a' || c > 'z') return;
  chars.ascii.set(c - 'a' + 'A');  // folded texts are in lower case
  if (c == 'k') chars.wide.Add(0x212A, 0x212A);  // RE2 folds the Kelvin sign to k
  if (c == 's') chars.wide.Add(0x017F, 0x017F);  // and ſ to s
}

// The first characters (forward) or last ones (backward) of what `elements` may
// match, or nothing when an element may match characters the reader does not know.
std::optional<Edge> EdgeOf(const std::vector<PatternElement> &elements, bool forward) {
  Edge edge;
  for (std::size_t n = 0; n < elements.size(); ++n) {
    const PatternElement &e = elements[forward ? n : elements.size() - 1 - n];
    bool element_may_be_empty = false;
    switch (e.kind) {
      case ElementKind::kZeroWidth:
        continue;  // asserts, consumes nothing
      case ElementKind::kSpace:
        for (const char c : {' ', '\t', '\n', '\v', '\f', '\r'}) edge.chars.ascii.set(static_cast<unsigned char>(c));
        break;
      case ElementKind::kText:
        for (const std::string &text : e.texts) {
          if (text.empty())
            element_may_be_empty = true;
          else
            AddText(text, forward, e.fold, edge.chars);
        }
        break;
      case ElementKind::kOther:
        if (!e.chars_known || e.fold) return std::nullopt;  // (?i:\w) takes ſ and the Kelvin sign too
        edge.chars.ascii |= e.ascii;
        edge.chars.wide.Add(e.wide);
        break;
      case ElementKind::kGroup:
        for (const std::vector<PatternElement> &alternative : e.alternatives) {
          const std::optional<Edge> inner = EdgeOf(alternative, forward);
          if (!inner) return std::nullopt;
          edge.chars.ascii |= inner->chars.ascii;
          edge.chars.wide.Add(inner->chars.wide);
          element_may_be_empty |= inner->may_be_empty;
        }
        break;
      default:
        return std::nullopt;  // ^ and $ let the match end at the line's edge;
                              // placeholders
    }
    if (!element_may_be_empty && !e.may_skip) {
      edge.may_be_empty = false;
      return edge;
    }
  }
  return edge;
}

// Returns the characters that must stand beside the literal, or nothing when
// any (or the line's edge) may.
std::optional<Neighbour> Required(const std::vector<PatternElement> &elements, bool forward) {
  std::optional<Edge> edge = EdgeOf(elements, forward);
  if (!edge || edge->may_be_empty || (edge->chars.ascii.all() && edge->chars.wide.size() >= 0x10FF80)) return std::nullopt;
  return std::move(edge->chars);
}

// How many characters a condition on one side rules out, scaled to 256 for all: ASCII ones
// count one each, the rest of Unicode 128 together.
double Excluded(const std::optional<Neighbour> &side) {
  if (!side) return 0;
  return static_cast<double>(128 - side->ascii.count()) +
         128.0 * (1.0 - static_cast<double>(side->wide.size()) / static_cast<double>(0x110000 - 0x80));
}

// Whether `c` may stand on a side that allows `allowed`.
bool Allows(const Neighbour &allowed, char32_t c) { return c < 0x80 ? allowed.ascii[c] : allowed.wide.Contains(c); }

}  // namespace

LiteralNeighbours LiteralNeighbours::Derive(std::string_view pattern) {
  LiteralNeighbours best;
  const auto elements = ReadElements(pattern);
  if (!elements) return best;
  double best_excluded = 0;  // what the best condition rules out, both sides together
  for (std::size_t i = 0; i < elements->size(); ++i) {
    const PatternElement &e = (*elements)[i];
    if (e.kind != ElementKind::kText || e.texts.size() != 1 || e.texts[0].empty() || e.fold || e.may_skip ||
        e.repeats) {
      continue;
    }
    const std::vector<PatternElement> before(elements->begin(), elements->begin() + static_cast<std::ptrdiff_t>(i));
    const std::vector<PatternElement> after(elements->begin() + static_cast<std::ptrdiff_t>(i) + 1, elements->end());
    const auto before_chars = Required(before, false);
    const auto after_chars = Required(after, true);
    const double excluded = Excluded(before_chars) + Excluded(after_chars);
    if (excluded <= best_excluded) continue;
    best_excluded = excluded;
    best.literal_ = TextFinder(e.texts[0]);
    best.check_before_ = before_chars.has_value();
    best.check_after_ = after_chars.has_value();
    best.before_ = before_chars.value_or(Neighbour());
    best.after_ = after_chars.value_or(Neighbour());
  }
  return best;
}

bool LiteralNeighbours::BeforeAllowed(std::string_view line, std::size_t at) const {
  const auto byte = static_cast<unsigned char>(line[at - 1]);
  if (byte < 0x80) return before_.ascii[byte];
  const std::optional<char32_t> c = CharacterBefore(line, at);
  return !c || Allows(before_, *c);  // not well-formed: RE2 reads it in its own way
}

bool LiteralNeighbours::AfterAllowed(std::string_view line, std::size_t end) const {
  const auto byte = static_cast<unsigned char>(line[end]);
  if (byte < 0x80) return after_.ascii[byte];
  const std::optional<char32_t> c = CharacterAt(line, end);
  return !c || Allows(after_, *c);
}

bool LiteralNeighbours::MayMatch(std::string_view line) const {
  if (literal_.empty()) return true;
  for (std::size_t at = literal_.Find(line, 0); at != TextFinder::npos; at = literal_.Find(line, at + 1)) {
    const std::size_t end = at + literal_.size();
    if (check_before_ && (at == 0 || !BeforeAllowed(line, at))) continue;
    if (check_after_ && (end >= line.size() || !AfterAllowed(line, end))) continue;
    return true;
  }
  return false;
}

}  // namespace kgx
