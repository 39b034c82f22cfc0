// Discovery patterns: each [discover TYPE] line is an RE2 pattern with a `name` group. A line is
// matched only against the patterns that can hit it (PatternPrefilter), that may match at its
// start when they are anchored there (LineStartGate), whose literal stands between characters they
// allow (LiteralNeighbours) and whose texts have the context they need (LiteralContext); a pattern
// whose groups all stand before a larger group-free tail has them read by its head alone (HeadGroups).
#include "extractor/discovery.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <set>

#include "extractor/head_groups.h"
#include "extractor/literal_context.h"
#include "extractor/line_start_gate.h"
#include "extractor/literal_neighbours.h"
#include "extractor/normalizer.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/regex_syntax.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

struct NamePattern {
  const RE2* regex = nullptr;  // kept by the prefilter
  int name_group = -1;
  LiteralNeighbours neighbours;
  LiteralContext context;  // looks further than `neighbours`, through alternatives
  LineStartGate start;     // for a pattern anchored at the line's start: what may begin the line
  // Asked whether it matches at all (RE2's DFA) before it is run for its groups: for a line no
  // longer than its bit state limit RE2 finds groups by backtracking over the whole line, which
  // costs far more than the DFA of a pattern anchored at the line's start, whose DFA stops at the
  // first character that cannot follow.
  bool test_first = false;
  // From its block's "@after RE": the pattern reads a line only under a line `RE` matches (the
  // non-blank line before it), as a catalog's name alone under "スピーカー:". Null: any line.
  const RE2* after = nullptr;
  LineStartGate after_start;  // what may begin a line `after` matches: most lines above are told by it
  // The groups from a short run of the pattern's head, when it has a group-free tail (HeadGroups).
  std::unique_ptr<HeadGroups> head_groups;
  EntityType type = EntityType::kCompany;
};

// Whether `gate` turns away the lines most notes are made of: those that begin with a Latin
// letter, a digit, kana, kanji or a list mark.
bool GatesEveryCommonLineStart(const LineStartGate& gate) {
  if (!gate.Constrains()) return false;
  static constexpr std::string_view kCommonStarts[] = {"A", "a", "0", "漢", "か", "カ", "- x", "* x", "・x", "• x", "> x"};
  return std::none_of(std::begin(kCommonStarts), std::end(kCommonStarts), [&](std::string_view line) { return gate.MayMatch(line); });
}

}  // namespace

struct Discovery::Impl {
  std::vector<NamePattern> patterns;
  // Folded stop words per type (by EntityType); looked up by view, without a copy per word.
  std::array<std::set<std::string, std::less<>>, std::size(kAllEntityTypes)> stop;
  std::unique_ptr<PatternPrefilter> prefilter = std::make_unique<PatternPrefilter>();  // holds the patterns' RE2
  // Patterns whose line start gate turns away lines that begin with a letter, a digit, kana, kanji
  // or a bullet ("^\s*(?:#{1,6}|[■◆▶])…": a heading's): asked of every line by that gate alone and
  // kept out of the prefilter, whose atoms they would add to every line's scan (さん, 氏, 株式会社).
  // Their RE2 is their own. Ascending.
  std::vector<int> gated;
  std::vector<std::unique_ptr<RE2>> own;
  // The gated patterns' gates as one: a line it turns away can match none of them, and most lines
  // are asked once instead of once per gated pattern.
  LineStartGate gated_start;
  std::vector<std::unique_ptr<RE2>> afters;  // the blocks' @after conditions
  // Patterns of a block with "@after": kept out of the prefilter too (their RE2 is their own), and
  // asked only of a line under one their condition matches. Ascending.
  std::vector<int> after_gated;

  bool IsStopped(EntityType type, std::string_view name) const;
};

// A name is stopped when it, or any of its words, is a stop word of its type: a title such
// as "Vice President" or "Principal PM" is never a name.
bool Discovery::Impl::IsStopped(EntityType type, std::string_view name) const {
  const std::set<std::string, std::less<>>& words = stop[static_cast<std::size_t>(type)];
  if (words.empty()) return false;
  const std::string folded = NormalizeForMatching(name);
  const std::string_view view = folded;
  if (words.count(view)) return true;
  std::size_t start = 0;
  while (start < view.size()) {
    std::size_t end = view.find(' ', start);
    if (end == std::string_view::npos) end = view.size();
    if (end > start && words.count(view.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

Discovery::Discovery() : impl_(std::make_unique<Impl>()) {}
Discovery::~Discovery() = default;

bool Discovery::HandlesBlockKind(std::string_view kind) {
  return kind == "discover" || kind == "discover.stop";
}

std::unique_ptr<Discovery> Discovery::Compile(const std::vector<RuleBlock>& blocks,
                                              std::vector<RuleDiagnostic>& diagnostics) {
  auto discovery = std::unique_ptr<Discovery>(new Discovery());
  Impl& impl = *discovery->impl_;
  bool failed = false;
  std::vector<std::string> gated_sources;
  for (const RuleBlock& block : blocks) {
    if (!HandlesBlockKind(block.kind)) continue;
    const auto type = ParseEntityType(block.argument);
    if (!type) {
      diagnostics.push_back({block.where, "unknown entity type '" + block.argument + "'", true});
      failed = true;
      continue;
    }
    // The block's options: "@after RE" (the only one) applies to each of its patterns.
    const RE2* after = nullptr;
    LineStartGate after_start;
    for (const RuleLine& line : block.lines) {
      if (block.kind == "discover.stop" || !line.text.starts_with("@")) continue;
      if (!line.text.starts_with("@after ")) {
        diagnostics.push_back({line.where, "unknown option '" + line.text.substr(0, line.text.find(' ')) + "' (expected @after)", true});
        failed = true;
        continue;
      }
      const std::string source(TrimAscii(std::string_view(line.text).substr(7)));
      auto regex = std::make_unique<RE2>(source, RE2::Quiet);
      if (!regex->ok()) {
        diagnostics.push_back({line.where, "bad pattern in '" + line.text + "': " + regex->error(), true});
        failed = true;
        continue;
      }
      after = regex.get();
      if (AnchoredAt(source, RegexEdge::kStart)) after_start = LineStartGate::Derive({source});
      impl.afters.push_back(std::move(regex));
    }
    for (const RuleLine& line : block.lines) {
      if (block.kind != "discover.stop" && line.text.starts_with("@")) continue;
      if (block.kind == "discover.stop") {
        impl.stop[static_cast<std::size_t>(*type)].insert(NormalizeForMatching(line.text));
        continue;
      }
      NamePattern pattern;
      pattern.type = *type;
      // Compiled once, by the prefilter, as the index it gets in `patterns`; withdrawn when
      // rejected, so that index goes to the next pattern.
      const int id = static_cast<int>(impl.patterns.size());
      const auto reject = [&](const std::string& message) {
        diagnostics.push_back({line.where, message, true});
        impl.prefilter->Withdraw(id);
        failed = true;
      };
      std::string error;
      if (AnchoredAt(line.text, RegexEdge::kStart)) pattern.start = LineStartGate::Derive({line.text});
      const bool gated = after != nullptr || GatesEveryCommonLineStart(pattern.start);
      if (gated) {
        auto own = std::make_unique<RE2>(line.text, RE2::Quiet);
        if (own->ok()) {
          pattern.regex = own.get();
          impl.own.push_back(std::move(own));
        } else {
          error = own->error();
        }
      } else {
        pattern.regex = impl.prefilter->Add(id, line.text, error);
      }
      if (pattern.regex == nullptr) {
        reject("bad pattern '" + line.text + "': " + error);
        continue;
      }
      const auto& names = pattern.regex->NamedCapturingGroups();
      const auto it = names.find("name");
      if (it == names.end()) {
        reject("discovery pattern needs a (?P<name>...) group");
        continue;
      }
      if (RE2::FullMatch("", *pattern.regex)) {
        reject("pattern '" + line.text + "' matches the empty string");
        continue;
      }
      pattern.name_group = it->second;
      pattern.neighbours = LiteralNeighbours::Derive(line.text);
      // One condition per pattern: each costs a search of the line.
      if (!pattern.neighbours.Constrains()) pattern.context = LiteralContext::Derive(line.text);
      if (after != nullptr) {
        impl.after_gated.push_back(id);
      } else if (gated) {
        impl.gated.push_back(id);
        gated_sources.push_back(line.text);
      }
      pattern.after = after;
      pattern.after_start = after_start;
      pattern.test_first = AnchoredAt(line.text, RegexEdge::kStart);
      pattern.head_groups = HeadGroups::For(*pattern.regex);
      impl.patterns.push_back(std::move(pattern));
    }
  }
  if (failed) return nullptr;
  impl.gated_start = LineStartGate::Derive(gated_sources);
  impl.prefilter->Finish(RE2::Options().max_mem());
  return discovery;
}

TextAtoms Discovery::FindAtoms(std::string_view text) const { return impl_->prefilter->FindAtoms(text); }
std::vector<std::string> Discovery::ScannedAtoms() const { return impl_->prefilter->ScannedAtoms(); }
TextAtoms Discovery::AtomsFrom(std::string_view text, const std::vector<LiteralHit>& hits) const {
  return impl_->prefilter->AtomsFrom(text, hits);
}

std::vector<DiscoveredName> Discovery::Find(std::string_view line, const TextAtoms* atoms, std::string_view previous) const {
  std::vector<DiscoveredName> found;
  const Impl& impl = *impl_;
  // On a blank line every name a pattern could take trims to nothing.
  if (impl.patterns.empty() || TrimAscii(line).empty()) return found;
  thread_local std::vector<re2::StringPiece> parts;
  // The prefilter's candidates, with the gated patterns whose gate lets the line through, in
  // pattern order (names found at the same place keep the order of their patterns).
  const std::vector<int>& candidates = atoms ? impl.prefilter->Candidates(line, *atoms) : impl.prefilter->Candidates(line);
  const std::vector<int>* hits = &candidates;
  thread_local std::vector<int> with_gated;
  if (!impl.gated.empty() && impl.gated_start.MayMatch(line)) {
    for (const int id : impl.gated) {
      if (!impl.patterns[static_cast<std::size_t>(id)].start.MayMatch(line)) continue;
      if (hits == &candidates) with_gated = candidates;
      hits = &with_gated;
      with_gated.push_back(id);
    }
  }
  for (const int id : impl.after_gated) {
    const NamePattern& pattern = impl.patterns[static_cast<std::size_t>(id)];
    if (!pattern.after_start.MayMatch(previous) || !pattern.start.MayMatch(line) ||
        !RE2::PartialMatch(previous, *pattern.after)) {
      continue;
    }
    if (hits == &candidates) with_gated = candidates;
    hits = &with_gated;
    with_gated.push_back(id);
  }
  if (hits == &with_gated) std::sort(with_gated.begin(), with_gated.end());
  for (int hit : *hits) {
    const NamePattern& pattern = impl.patterns[static_cast<std::size_t>(hit)];
    if (!pattern.start.MayMatch(line) || !pattern.neighbours.MayMatch(line) || !pattern.context.MayMatch(line)) continue;
    const int groups = pattern.regex->NumberOfCapturingGroups() + 1;
    parts.assign(static_cast<std::size_t>(groups), re2::StringPiece());
    const auto match_from = [&](std::size_t from) {
      if (pattern.head_groups) return pattern.head_groups->Match(line, from, parts.data(), groups);
      if (pattern.test_first && !pattern.regex->Match(line, from, line.size(), RE2::UNANCHORED, nullptr, 0)) return false;
      return pattern.regex->Match(line, from, line.size(), RE2::UNANCHORED, parts.data(), groups);
    };
    std::size_t pos = 0;
    while (pos < line.size() && match_from(pos)) {
      const std::string_view name = TrimAscii(parts[static_cast<std::size_t>(pattern.name_group)]);
      const std::size_t whole_end = static_cast<std::size_t>(parts[0].data() - line.data()) + parts[0].size();
      pos = std::max(whole_end, pos + 1);
      if (name.empty() || name.data() == nullptr) continue;
      if (impl.IsStopped(pattern.type, name)) continue;
      const std::size_t begin = static_cast<std::size_t>(name.data() - line.data());
      found.push_back({begin, begin + name.size(), pattern.type});
    }
  }
  std::sort(found.begin(), found.end(), [](const DiscoveredName& a, const DiscoveredName& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return found;
}

std::vector<DiscoveredName> Discovery::FindInLists(std::string_view line, const std::vector<KnownName>& known) const {
  std::vector<DiscoveredName> found;
  const auto stopped = [&](EntityType type, std::string_view name) { return impl_->IsStopped(type, name); };
  for (const ListName& name : FindListNames(line, known, stopped)) found.push_back({name.begin, name.end, name.type});
  return found;
}

}  // namespace kgx
