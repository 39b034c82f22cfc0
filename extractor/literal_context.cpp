// Conditions read from discovery patterns (see literal_context.h).
#include "extractor/literal_context.h"

#include <algorithm>
#include <optional>

#include "extractor/pattern_elements.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

// The text of a run of single literals, elements [k, end) of `elements` (`Engineer` is read as
// one element per letter); nothing when the run holds anything else.
std::optional<std::string> RunText(const std::vector<PatternElement>& elements, std::size_t k, std::size_t end) {
  std::string text;
  for (std::size_t n = k; n < end; ++n) {
    const PatternElement& e = elements[n];
    if (e.kind != ElementKind::kText || e.texts.size() != 1 || e.texts[0].empty() || e.fold || e.may_skip || e.repeats) {
      return std::nullopt;
    }
    text += e.texts[0];
  }
  return text;
}

// The texts of elements [k, *end) that every match holds exactly once, each standing for all
// they matched: `Engineer`, `[(（]`, `(?:at|@)`; `end` is set past them. Nothing for other
// elements (a repeat, a class with ranges, a group with more than literals, a text in any case).
std::vector<std::string> OnceTexts(const std::vector<PatternElement>& elements, std::size_t k, std::size_t& end) {
  const PatternElement& e = elements[k];
  end = k + 1;
  if (e.may_skip || e.repeats || e.fold) return {};
  if (e.kind == ElementKind::kText) {
    if (e.texts.size() > 1) {  // a class of listed characters
      if (std::any_of(e.texts.begin(), e.texts.end(), [](const std::string& t) { return t.empty(); })) return {};
      return e.texts;
    }
    while (end < elements.size() && RunText(elements, k, end + 1)) ++end;  // the longest run
    const auto text = RunText(elements, k, end);
    return text ? std::vector<std::string>{*text} : std::vector<std::string>{};
  }
  if (e.kind != ElementKind::kGroup) return {};
  std::vector<std::string> texts;
  for (const std::vector<PatternElement>& alternative : e.alternatives) {
    if (alternative.size() == 1 && alternative[0].kind == ElementKind::kText && alternative[0].texts.size() > 1) {
      std::size_t past = 0;
      const std::vector<std::string> listed = OnceTexts(alternative, 0, past);
      if (listed.empty()) return {};
      texts.insert(texts.end(), listed.begin(), listed.end());
      continue;
    }
    const auto text = RunText(alternative, 0, alternative.size());
    if (!text || text->empty()) return {};
    texts.push_back(*text);
  }
  return texts;
}

// The texts grouped by their first character, each group under the longest beginning its texts
// share (whole characters): `の` for の中の人, の方, の人.
std::vector<std::pair<std::string, std::vector<std::string>>> ByBeginning(const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const std::string& text : texts) {
    std::size_t first = 0;
    DecodeUtf8(text, 0, first);
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
      return group.first.compare(0, first, text, 0, first) == 0;
    });
    if (same == groups.end()) {
      groups.push_back({text, {text}});
      continue;
    }
    std::string& beginning = same->first;
    std::size_t shared = 0;  // whole characters both hold
    for (std::size_t at = 0, length = 0; at < beginning.size() && at < text.size(); at += length) {
      DecodeUtf8(text, at, length);
      if (beginning.compare(at, length, text, at, length) != 0) break;
      shared = at + length;
    }
    beginning.resize(shared);
    same->second.push_back(text);
  }
  return groups;
}

// The most beginnings the texts of an element may have to be taken (a search each).
constexpr std::size_t kMostTexts = 4;

// Whether `side`, or what stands beyond it, compares folded literals.
bool Folds(const SideContext& side) { return !side.folded.empty() || (side.beyond && Folds(*side.beyond)); }

// How much a side narrows: the fewer characters and literals it lets stand there, the more; a
// side that also looks past them counts double. 0: the side tells nothing.
double Narrowing(const SideContext& side) {
  if (!side.known) return 0;
  // A script counts as a few characters: it turns away the text of every other script.
  const double allowed = static_cast<double>(side.literals.size() + side.folded.size() + side.chars.count() + (side.edge ? 1 : 0) +
                                             (side.wide.empty() ? 0 : 8));
  return (side.beyond ? 2.0 : 1.0) / (1.0 + allowed);
}

}  // namespace

LiteralContext LiteralContext::Derive(std::string_view pattern) {
  const auto read = ReadElements(pattern);
  if (!read) return {};
  return Choose(UnwrapGroups(*read));
}

LiteralContext LiteralContext::Choose(const std::vector<PatternElement>& elements) {
  LiteralContext best;
  double best_score = 0;
  for (std::size_t k = 0; k < elements.size(); ++k) {
    if (k > 0 && RunText(elements, k - 1, k + 1)) continue;  // inside a run of literals: its start is tried
    std::size_t end = k + 1;
    const std::vector<std::string> texts = OnceTexts(elements, k, end);
    // White space is on nearly every line: a search per space costs more than RE2 saves.
    const auto blank = [](const std::string& text) { return text.find_first_not_of(" \t\n\v\f\r") == std::string::npos; };
    if (texts.empty() || std::any_of(texts.begin(), texts.end(), blank)) continue;
    // A line is searched once per beginning: many cost more than RE2 saves. Texts that begin alike
    // (`の中の人|の方|の人|…`) are one search.
    const auto groups = ByBeginning(texts);
    if (groups.size() > kMostTexts) continue;
    SideContext before = SideOf(elements, k, -1), after = SideOf(elements, end - 1, +1);
    // Both sides beat one; fewer searches turn more lines away, and cost less.
    const double score = (Narrowing(before) + Narrowing(after)) / static_cast<double>(groups.size());
    if (score <= best_score) continue;
    best_score = score;
    best.groups_.clear();
    for (const auto& [beginning, members] : groups) best.groups_.push_back({TextFinder(beginning), members});
    best.before_ = std::move(before);
    best.after_ = std::move(after);
  }
  best.folds_ = Folds(best.before_) || Folds(best.after_);
  return best;
}

bool LiteralContext::MayMatch(std::string_view line) const {
  if (groups_.empty() || (folds_ && HasFoldOutsideAscii(line))) return true;
  for (const Beginning& group : groups_) {
    for (std::size_t at = group.finder.Find(line, 0); at != TextFinder::npos; at = group.finder.Find(line, at + 1)) {
      if (before_.known && !BeforeFits(before_, line, at)) continue;
      for (const std::string& text : group.texts) {
        if (line.compare(at, text.size(), text) != 0) continue;
        if (after_.known && !AfterFits(after_, line, at + text.size())) continue;
        return true;
      }
    }
  }
  return false;
}

}  // namespace kgx
