// Necessary conditions read from patterns (see literal_neighbours.h).
#include "extractor/literal_neighbours.h"

#include <optional>
#include <vector>

#include "extractor/pattern_elements.h"

namespace kgx {

namespace {

struct Edge {
  std::bitset<256> bytes;  // the bytes a text matched by the elements may begin (end) with
  bool may_be_empty = true;
};

void AddText(std::string_view text, bool forward, bool fold, std::bitset<256> &bytes) {
  const auto byte = static_cast<unsigned char>(forward ? text.front() : text.back());
  bytes.set(byte);
  if (fold && byte >= 'a' && byte <= 'z') bytes.set(byte - 'a' + 'A');  // folded texts are in lower case
}

// The first bytes (forward) or last bytes (backward) of what `elements` may
// match, or nothing when an element may match bytes the reader does not know.
std::optional<Edge> EdgeOf(const std::vector<PatternElement> &elements, bool forward) {
  Edge edge;
  for (std::size_t n = 0; n < elements.size(); ++n) {
    const PatternElement &e = elements[forward ? n : elements.size() - 1 - n];
    bool element_may_be_empty = false;
    switch (e.kind) {
      case ElementKind::kZeroWidth:
        continue;  // asserts, consumes nothing
      case ElementKind::kSpace:
        for (const char c : {' ', '\t', '\n', '\v', '\f', '\r'}) edge.bytes.set(static_cast<unsigned char>(c));
        break;
      case ElementKind::kText:
        for (const std::string &text : e.texts) {
          if (text.empty())
            element_may_be_empty = true;
          else
            AddText(text, forward, e.fold, edge.bytes);
        }
        break;
      case ElementKind::kOther:
        if (!e.ascii_only || e.fold) return std::nullopt;  // (?i:\w) takes ſ and the Kelvin sign too
        for (std::size_t c = 0; c < e.ascii.size(); ++c) {
          if (e.ascii[c]) edge.bytes.set(c);
        }
        break;
      case ElementKind::kGroup:
        for (const std::vector<PatternElement> &alternative : e.alternatives) {
          const std::optional<Edge> inner = EdgeOf(alternative, forward);
          if (!inner) return std::nullopt;
          edge.bytes |= inner->bytes;
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

// Returns the bytes that must stand beside the literal, or nothing when any
// byte (or the line's edge) may.
std::optional<std::bitset<256>> Required(const std::vector<PatternElement> &elements, bool forward) {
  const std::optional<Edge> edge = EdgeOf(elements, forward);
  if (!edge || edge->may_be_empty || edge->bytes.all()) return std::nullopt;
  return edge->bytes;
}

}  // namespace

LiteralNeighbours LiteralNeighbours::Derive(std::string_view pattern) {
  LiteralNeighbours best;
  const auto elements = ReadElements(pattern);
  if (!elements) return best;
  std::size_t best_excluded = 0;  // the bytes the best condition rules out, both sides together
  for (std::size_t i = 0; i < elements->size(); ++i) {
    const PatternElement &e = (*elements)[i];
    if (e.kind != ElementKind::kText || e.texts.size() != 1 || e.texts[0].empty() || e.fold || e.may_skip ||
        e.repeats) {
      continue;
    }
    const std::vector<PatternElement> before(elements->begin(), elements->begin() + static_cast<std::ptrdiff_t>(i));
    const std::vector<PatternElement> after(elements->begin() + static_cast<std::ptrdiff_t>(i) + 1, elements->end());
    const auto before_bytes = Required(before, false);
    const auto after_bytes = Required(after, true);
    const std::size_t excluded =
        (before_bytes ? 256 - before_bytes->count() : 0) + (after_bytes ? 256 - after_bytes->count() : 0);
    if (excluded <= best_excluded) continue;
    best_excluded = excluded;
    best.literal_ = e.texts[0];
    best.check_before_ = before_bytes.has_value();
    best.check_after_ = after_bytes.has_value();
    best.before_ = before_bytes.value_or(std::bitset<256>());
    best.after_ = after_bytes.value_or(std::bitset<256>());
  }
  return best;
}

bool LiteralNeighbours::MayMatch(std::string_view line) const {
  if (literal_.empty()) return true;
  for (std::size_t at = line.find(literal_); at != std::string_view::npos; at = line.find(literal_, at + 1)) {
    const std::size_t end = at + literal_.size();
    if (check_before_ && (at == 0 || !before_[static_cast<unsigned char>(line[at - 1])])) continue;
    if (check_after_ && (end >= line.size() || !after_[static_cast<unsigned char>(line[end])])) continue;
    return true;
  }
  return false;
}

}  // namespace kgx
