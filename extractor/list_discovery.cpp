// List discovery (see list_discovery.h).
#include "extractor/list_discovery.h"

#include <algorithm>
#include <optional>

#include "extractor/list_separators.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

// Characters that join a word to the next without a space: "Blue/Green", "re:Invent", "a@b".
bool IsJoiner(char c) { return c == '/' || c == ':' || c == '@' || c == '\''; }

bool IsLatinLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsNameByte(char c) {
  return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '#' || c == '-' || c == '_';
}

// Returns the end of a Latin name starting at `at` (words of name bytes joined by single
// spaces, the later ones capitalized), or `at` when none starts there.
std::size_t NameEnd(std::string_view line, std::size_t at, std::size_t limit) {
  if (at >= limit || !IsLatinLetter(line[at])) return at;
  std::size_t end = at;
  for (int words = 0; words < 3; ++words) {
    std::size_t w = end;
    if (words > 0) {
      if (w >= limit || line[w] != ' ' || w + 1 >= limit || !(line[w + 1] >= 'A' && line[w + 1] <= 'Z')) break;
      ++w;
    }
    std::size_t e = w;
    while (e < limit && IsNameByte(line[e])) ++e;
    end = e;
  }
  while (end > at && (line[end - 1] == '.' || line[end - 1] == '-')) --end;  // "CoreOS." ends the sentence
  return end;
}

// The known name that begins at `begin`, or null. `known` is sorted and disjoint, so by end too:
// look-ups are binary searches (a 100 MB line holds millions of names).
const KnownName* KnownAt(const std::vector<KnownName>& known, std::size_t begin) {
  const auto it = std::lower_bound(known.begin(), known.end(), begin, [](const KnownName& k, std::size_t b) { return k.begin < b; });
  return it != known.end() && it->begin == begin ? &*it : nullptr;
}
const KnownName* KnownEndingAt(const std::vector<KnownName>& known, std::size_t end) {
  const auto it = std::lower_bound(known.begin(), known.end(), end, [](const KnownName& k, std::size_t e) { return k.end < e; });
  return it != known.end() && it->end == end ? &*it : nullptr;
}

// A list item: a known name or a new one.
struct Item {
  std::size_t begin, end;
  std::optional<EntityType> known;
};

// Returns the item that fills [begin, end) (spaces trimmed), if any.
std::optional<Item> WholeItem(std::string_view line, std::size_t begin, std::size_t end,
                              const std::vector<KnownName>& known) {
  while (begin < end && line[begin] == ' ') ++begin;
  while (end > begin && line[end - 1] == ' ') --end;
  if (begin >= end) return std::nullopt;
  if (const KnownName* k = KnownAt(known, begin); k && k->end == end) return Item{begin, end, k->type};
  if (NameEnd(line, begin, end) == end) return Item{begin, end, std::nullopt};
  return std::nullopt;
}

// The item that ends a segment [begin, end): a known name ending there, or the Latin name after
// the last character that cannot be part of one.
std::optional<Item> TailItem(std::string_view line, std::size_t begin, std::size_t end,
                             const std::vector<KnownName>& known) {
  while (end > begin && line[end - 1] == ' ') --end;
  if (const KnownName* k = KnownEndingAt(known, end); k && k->begin >= begin) return Item{k->begin, k->end, k->type};
  std::size_t start = end;
  while (start > begin && (IsNameByte(line[start - 1]) || (line[start - 1] == ' ' && start - 1 > begin &&
                                                            IsNameByte(line[start - 2]) && start < end &&
                                                            line[start] >= 'A' && line[start] <= 'Z'))) {
    --start;
  }
  while (start < end && !IsLatinLetter(line[start])) ++start;
  if (start >= end || NameEnd(line, start, end) != end) return std::nullopt;
  if (start > 0 && IsJoiner(line[start - 1])) return std::nullopt;  // "A/Zorq", "x:Zorq"
  return Item{start, end, std::nullopt};
}

// The item that begins a segment: a known name starting there, or the Latin name there.
std::optional<Item> HeadItem(std::string_view line, std::size_t begin, std::size_t end,
                             const std::vector<KnownName>& known) {
  while (begin < end && line[begin] == ' ') ++begin;
  if (const KnownName* k = KnownAt(known, begin); k && k->end <= end) return Item{k->begin, k->end, k->type};
  const std::size_t name_end = NameEnd(line, begin, end);
  if (name_end == begin) return std::nullopt;
  // The name must end the item: what follows is no letter or digit of it ("OpenTelemetry が …")
  // nor joins it to more ("Blue/Green Deployment", "re:Invent").
  if (name_end < end && (IsAsciiAlnum(static_cast<unsigned char>(line[name_end])) || IsJoiner(line[name_end]))) {
    return std::nullopt;
  }
  return Item{begin, name_end, std::nullopt};
}

// A product's name, not a concept: one word that starts with a capital and is not all capitals
// ("Backstage", "OpenTelemetry", "PyPI", "Nomad2"). Acronyms (OLTP, CQRS), hyphenated terms
// (Copy-On-Write) and phrases (Event Sourcing) in lists are mostly concepts.
bool LooksLikeName(std::string_view name) {
  if (name.size() < 3 || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
  if (name.find_first_of(" -") != std::string_view::npos) return false;
  return std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<ListName> FindListNames(std::string_view line, const std::vector<KnownName>& known,
                                    const std::function<bool(EntityType, std::string_view)>& stopped) {
  std::vector<ListName> out;
  if (known.size() < 2) return out;
  const std::vector<Separator> separators = FindSeparators(line);
  if (separators.size() < 2) return out;
  // Segment k lies between separator k-1 and separator k.
  const auto segment_begin = [&](std::size_t k) { return k == 0 ? std::size_t{0} : separators[k - 1].end; };
  const auto segment_end = [&](std::size_t k) { return k < separators.size() ? separators[k].begin : line.size(); };
  const std::size_t segments = separators.size() + 1;
  std::size_t k = 0;
  while (k + 2 < segments) {
    // A run: segment k's tail, whole middle segments, the last segment's head.
    std::vector<Item> items;
    const auto first = TailItem(line, segment_begin(k), segment_end(k), known);
    if (!first) {
      ++k;
      continue;
    }
    items.push_back(*first);
    std::size_t j = k + 1;
    for (; j < segments; ++j) {
      if (auto whole = WholeItem(line, segment_begin(j), segment_end(j), known)) {
        items.push_back(*whole);
        continue;
      }
      if (auto head = HeadItem(line, segment_begin(j), segment_end(j), known)) items.push_back(*head);
      break;
    }
    if (items.size() >= 3) {
      std::size_t technologies = 0, services = 0, companies = 0, others = 0;
      for (const Item& item : items) {
        if (!item.known) continue;
        switch (*item.known) {
          case EntityType::kTechnology: ++technologies; break;
          case EntityType::kAwsService: ++services; break;
          case EntityType::kCompany: ++companies; break;
          default: ++others;
        }
      }
      std::optional<EntityType> type;
      if (others == 0 && companies == 0 && technologies >= 1 && technologies + services >= 2) type = EntityType::kTechnology;
      if (others == 0 && technologies == 0 && services == 0 && companies >= 2) type = EntityType::kCompany;
      for (const Item& item : items) {
        if (!type || item.known) continue;
        const std::string_view name = line.substr(item.begin, item.end - item.begin);
        if (LooksLikeName(name) && !stopped(*type, name)) out.push_back({item.begin, item.end, *type});
      }
    }
    k = std::max(j, k + 1);
  }
  return out;
}

}  // namespace kgx
