// Gazetteer compile and scan. All aliases are literals in one Vectorscan database (without
// start-of-match tracking, which would slow the scan: a literal's start is its end minus its
// length); candidates are then filtered (word boundaries, case, contexts) and selected
// greedily by priority, length and position. Typo tolerance uses a deletion index.
#include "extractor/gazetteer.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "extractor/gazetteer_rules.h"
#include "extractor/latin_word.h"
#include "extractor/near_miss.h"
#include "extractor/self_context.h"
#include "extractor/text_util.h"
#include "extractor/vectorscan_scratch.h"

namespace kgx {

namespace {

struct CompiledAlias {
  std::string folded;  // what is scanned for
  std::string cased;   // normalized, case kept (for `case`)
  std::size_t entity = 0;
  bool case_sensitive = false;
  int context = -1;  // index into contexts, -1 = none
  int unless = -1;
  int priority = 0;
  bool word_start = false;  // begins with a Latin letter (accented too) or digit: needs a boundary before
  bool word_end = false;
};

struct CompiledContext {
  std::unique_ptr<RE2> pattern;  // alternation of the block's lines, or null
  std::vector<EntityType> required_types;
  std::vector<std::unique_ptr<SelfContext>> around_self;  // `{self}` lines: tested at each candidate
};

// Candidates per entity type (indexed by EntityType).
using TypeCounts = std::array<std::size_t, std::size(kAllEntityTypes)>;

// What the scan needs of a literal, packed so that the match callback stays in cache: its
// length gives a match's start, and its first and last bytes whether it needs word boundaries
// (the same for every alias sharing the literal). Its aliases are
// literal_aliases[first_alias, first_alias + alias_count).
struct LiteralInfo {
  std::uint32_t length = 0;
  std::uint32_t first_alias = 0;
  std::uint32_t alias_count = 0;
  bool word_start = false;
  bool word_end = false;
};

// What the candidate filters and the overlap selection read of an alias, packed likewise.
struct AliasTraits {
  std::size_t entity = 0;
  int priority = 0;
  std::uint8_t type = 0;  // the entity's EntityType
  bool case_sensitive = false;
  bool needs_context = false;
};

void FreeDatabase(hs_database_t* db) {
  if (db) hs_free_database(db);
}


// A literal occurrence (alias: the literal's index), then an alias occurrence.
struct Candidate {
  std::size_t begin, end, alias;
  bool near_miss = false;
};

}  // namespace

struct Gazetteer::Impl {
  std::uint64_t serial = NewVectorscanSerial();
  std::vector<Entity> entities;
  std::vector<CompiledAlias> aliases;
  std::vector<CompiledContext> contexts;
  // Unique literals scanned; each leads to the aliases that share it.
  std::vector<std::string> literals;
  std::vector<LiteralInfo> literal_info;      // per literal
  std::vector<std::uint32_t> literal_aliases;  // alias indices, grouped by literal
  std::vector<AliasTraits> alias_traits;       // per alias
  std::unique_ptr<hs_database_t, void (*)(hs_database_t*)> database{nullptr, FreeDatabase};
  std::size_t shared_count = 0;  // the shared literals in `database`, after `literals`
  NearMissIndex near_miss;
  std::unordered_map<std::string, std::vector<std::size_t>> by_folded;  // folded alias -> aliases
  std::unordered_map<std::string, std::size_t> by_id;

  // Returns whether `context` holds on `line` for the candidate at [begin, end) of it, where
  // `others` counts the line's other unconditional candidates per entity type. A line pattern is
  // run at most once per line: its result is kept in `pattern_holds` (-1 = not run yet), so a
  // line with many candidates stays linear; a `{self}` line is tested at the candidate.
  bool ContextHolds(int context, std::string_view line, std::size_t begin, std::size_t end,
                    const TypeCounts& others, std::vector<signed char>& pattern_holds) const;
  // Scan's work after the literals are found: `literal_hits` (literal occurrences on word
  // boundaries) to the accepted, non-overlapping alias matches.
  std::vector<AliasMatch> Resolve(const NormalizedText& text, const std::vector<Candidate>& literal_hits) const;
};

bool Gazetteer::Impl::ContextHolds(int context, std::string_view line, std::size_t begin, std::size_t end,
                                   const TypeCounts& others, std::vector<signed char>& pattern_holds) const {
  const CompiledContext& c = contexts[static_cast<std::size_t>(context)];
  for (EntityType type : c.required_types) {
    if (others[static_cast<std::size_t>(type)] > 0) return true;
  }
  for (const auto& around : c.around_self) {
    if (around->Holds(line, begin, end)) return true;
  }
  if (!c.pattern) return false;
  signed char& holds = pattern_holds[static_cast<std::size_t>(context)];
  if (holds < 0) holds = RE2::PartialMatch(line, *c.pattern) ? 1 : 0;
  return holds == 1;
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

bool Gazetteer::HandlesBlockKind(std::string_view kind) {
  return kind == "gazetteer" || kind == "context";
}

const std::vector<Entity>& Gazetteer::entities() const { return impl_->entities; }
std::size_t Gazetteer::alias_count() const { return impl_->aliases.size(); }

std::unique_ptr<Gazetteer> Gazetteer::Compile(const std::vector<RuleBlock>& blocks,
                                              std::vector<RuleDiagnostic>& diagnostics,
                                              const std::function<std::vector<std::string>()>& shared) {
  const std::size_t errors_before = static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) { return d.is_error; }));
  GazetteerRules rules = ParseGazetteerRules(blocks, diagnostics);
  auto gazetteer = std::unique_ptr<Gazetteer>(new Gazetteer());
  Impl& impl = *gazetteer->impl_;

  // Contexts: one RE2 alternation per block.
  std::map<std::string, int> context_index;
  for (const auto& [name, rule] : rules.contexts) {
    CompiledContext compiled;
    compiled.required_types = rule.required_types;
    std::string alternation;
    for (const RuleLine& line : rule.patterns) {
      if (SelfContext::IsSelfLine(line.text)) {
        std::string error;
        if (auto around = SelfContext::Compile(line.text, error)) {
          compiled.around_self.push_back(std::move(around));
        } else {
          diagnostics.push_back({line.where, error, true});
        }
        continue;
      }
      RE2 single(line.text, RE2::Quiet);
      if (!single.ok()) {
        diagnostics.push_back({line.where, "bad pattern '" + line.text + "': " + single.error(), true});
        continue;
      }
      if (RE2::PartialMatch("", single)) {  // would hold on every line
        diagnostics.push_back({line.where, "pattern '" + line.text + "' matches the empty string", true});
        continue;
      }
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + line.text + ")";
    }
    if (!alternation.empty()) compiled.pattern = std::make_unique<RE2>(alternation, RE2::Quiet);
    context_index[name] = static_cast<int>(impl.contexts.size());
    impl.contexts.push_back(std::move(compiled));
  }

  impl.entities = std::move(rules.entities);
  for (std::size_t i = 0; i < impl.entities.size(); ++i) impl.by_id[impl.entities[i].id] = i;

  std::map<std::string, std::size_t> literal_index;
  std::vector<Location> literal_where;  // the first alias of each literal, for errors
  std::vector<std::vector<std::uint32_t>> aliases_of_literal;
  std::map<std::string, const AliasRule*> claimed;  // folded alias -> first unconditional claim
  for (const AliasRule& rule : rules.aliases) {
    CompiledAlias alias;
    NormalizedText normalized = Normalize(rule.surface);
    alias.cased = normalized.text;
    alias.folded = normalized.folded;
    alias.entity = rule.entity;
    alias.case_sensitive = rule.case_sensitive;
    alias.priority = rule.priority;
    alias.context = rule.context.empty() ? -1 : (context_index.count(rule.context) ? context_index[rule.context] : -1);
    alias.unless = rule.unless.empty() ? -1 : (context_index.count(rule.unless) ? context_index[rule.unless] : -1);
    const bool unconditional = rule.context.empty() && rule.unless.empty() && !rule.case_sensitive;
    if (unconditional) {
      auto [it, inserted] = claimed.emplace(alias.folded, &rule);
      if (!inserted && impl.entities[it->second->entity].id != impl.entities[rule.entity].id) {
        diagnostics.push_back({rule.where, "alias '" + rule.surface + "' is also claimed by '" +
                                               impl.entities[it->second->entity].name + "' at " +
                                               it->second->where.ToString() + "; the higher priority, then the first, wins",
                               false});
      }
    }
    const std::size_t alias_index = impl.aliases.size();
    auto [lit, inserted] = literal_index.emplace(alias.folded, impl.literals.size());
    if (inserted) {
      impl.literals.push_back(alias.folded);
      aliases_of_literal.emplace_back();
      literal_where.push_back(rule.where);
    }
    aliases_of_literal[lit->second].push_back(static_cast<std::uint32_t>(alias_index));
    impl.by_folded[alias.folded].push_back(alias_index);
    if (rule.typo) {
      if (!impl.near_miss.Add(alias.folded, alias_index)) {
        diagnostics.push_back({rule.where, "option 'typo' needs a Latin alias of 6 letters or more; ignored for '" +
                                               rule.surface + "'", false});
      }
    }
    impl.alias_traits.push_back({alias.entity, alias.priority,
                                 static_cast<std::uint8_t>(impl.entities[alias.entity].type), alias.case_sensitive,
                                 alias.context >= 0 || alias.unless >= 0});
    impl.aliases.push_back(std::move(alias));
  }
  for (std::size_t i = 0; i < impl.literals.size(); ++i) {
    const std::string& literal = impl.literals[i];
    impl.literal_info.push_back({static_cast<std::uint32_t>(literal.size()),
                                 static_cast<std::uint32_t>(impl.literal_aliases.size()),
                                 static_cast<std::uint32_t>(aliases_of_literal[i].size()),
                                 IsWordCharAt(literal, 0), IsWordCharBefore(literal, literal.size())});
    impl.literal_aliases.insert(impl.literal_aliases.end(), aliases_of_literal[i].begin(), aliases_of_literal[i].end());
  }

  const std::size_t errors_after = static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) { return d.is_error; }));
  if (errors_after != errors_before) return nullptr;
  if (impl.literals.empty()) return gazetteer;  // nothing to scan

  std::string message;
  int which = -1;
  // The shared literals after the gazetteer's own, in the same database; without them when they
  // do not compile with it.
  if (shared) {
    std::vector<std::string> both = impl.literals;
    const std::vector<std::string> others = shared();
    both.insert(both.end(), others.begin(), others.end());
    if (!others.empty()) {
      if (hs_database_t* db = CompileLiteralDatabase(both, 0, message, which)) {
        impl.database.reset(db);
        impl.shared_count = others.size();
        return gazetteer;
      }
    }
  }
  // No start-of-match tracking: a literal starts its length before its end.
  hs_database_t* db = CompileLiteralDatabase(impl.literals, 0, message, which);
  if (db == nullptr) {
    const bool known = which >= 0 && static_cast<std::size_t>(which) < impl.literals.size();
    diagnostics.push_back({known ? literal_where[static_cast<std::size_t>(which)] : Location{},
                           "cannot compile the gazetteer" +
                               (known ? " (alias '" + impl.literals[static_cast<std::size_t>(which)] + "')" : std::string()) +
                               ": " + message, true});
    return nullptr;
  }
  impl.database.reset(db);
  return gazetteer;
}

namespace {

// Where a scan's matches go: the literal's length gives its start, and a literal that begins
// (ends) with a Latin letter or digit must not continue a word before (after) it. Offsets of
// the window at `offset` of `folded`; matches starting before `skip_before` were seen already.
// The hits of the shared literals (ids past the gazetteer's) go to `shared`, when it is given.
struct MatchSink {
  const std::vector<LiteralInfo>* literals;
  std::string_view folded;
  std::size_t offset;
  std::size_t skip_before;
  std::vector<Candidate>* hits;
  std::vector<LiteralHit>* shared = nullptr;
};

int CollectMatch(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* context) {
  const auto* sink = static_cast<const MatchSink*>(context);
  if (id >= sink->literals->size()) {
    if (sink->shared) sink->shared->push_back({static_cast<std::uint32_t>(id - sink->literals->size()), static_cast<std::uint32_t>(to)});
    return 0;
  }
  const LiteralInfo& literal = (*sink->literals)[id];
  const std::size_t end = sink->offset + static_cast<std::size_t>(to);
  const std::size_t begin = end - literal.length;
  if (begin < sink->skip_before) return 0;
  const std::string_view folded = sink->folded;
  if (literal.word_start && begin > 0 && IsWordCharBefore(folded, begin)) return 0;
  if (literal.word_end && end < folded.size() && IsWordCharAt(folded, end)) return 0;
  sink->hits->push_back({begin, end, id});
  return 0;
}

// Returns [begin, end) of the line holding offset `at`.
std::pair<std::size_t, std::size_t> LineAround(std::string_view text, std::size_t at) {
  // memrchr rather than rfind: rfind walks back byte by byte, over the whole line.
  const void* nl = at == 0 ? nullptr : memrchr(text.data(), '\n', at);
  const std::size_t begin = nl == nullptr ? 0 : static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return {begin, end};
}

}  // namespace

std::vector<AliasMatch> Gazetteer::Scan(const NormalizedText& text) const {
  std::vector<LiteralHit> ignored;
  return Scan(text, ignored).first;
}

std::pair<std::vector<AliasMatch>, bool> Gazetteer::Scan(const NormalizedText& text,
                                                         std::vector<LiteralHit>& shared_hits) const {
  const Impl& impl = *impl_;
  shared_hits.clear();
  if (!impl.database || text.folded.empty()) return {{}, false};
  hs_scratch_t* scratch = VectorscanScratchFor(impl.database.get(), impl.serial);
  if (scratch == nullptr) return {{}, false};
  const std::string_view folded = text.folded;
  // Every literal occurrence on word boundaries. Vectorscan takes at most 4 GiB per call;
  // longer texts are scanned in overlapping windows, which report the shared literals to no one.
  std::vector<Candidate> literal_hits;
  constexpr std::size_t kWindow = std::size_t{1} << 30;
  const bool one_window = folded.size() <= kWindow && impl.shared_count > 0;
  bool scanned = true;
  for (std::size_t offset = 0; offset < folded.size(); offset += kWindow) {
    const std::size_t length = std::min(kWindow + 4096, folded.size() - offset);
    MatchSink sink{&impl.literal_info, folded, offset, offset, &literal_hits, one_window ? &shared_hits : nullptr};
    scanned &= hs_scan(impl.database.get(), folded.data() + offset, static_cast<unsigned>(length), 0, scratch,
                       CollectMatch, &sink) == HS_SUCCESS;
  }
  const bool shared_found = one_window && scanned;
  if (!shared_found) shared_hits.clear();
  return {impl.Resolve(text, literal_hits), shared_found};
}

std::vector<AliasMatch> Gazetteer::Impl::Resolve(const NormalizedText& text,
                                                const std::vector<Candidate>& literal_hits) const {
  const Impl& impl = *this;
  std::vector<AliasMatch> result;
  const std::string_view folded = text.folded;
  // Expanded to the aliases sharing the literal.
  std::vector<Candidate> candidates;
  candidates.reserve(literal_hits.size());
  for (const Candidate& hit : literal_hits) {
    const LiteralInfo& literal = impl.literal_info[hit.alias];
    for (std::uint32_t k = literal.first_alias; k < literal.first_alias + literal.alias_count; ++k) {
      const std::uint32_t alias_index = impl.literal_aliases[k];
      if (impl.alias_traits[alias_index].case_sensitive &&
          text.text.compare(hit.begin, hit.end - hit.begin, impl.aliases[alias_index].cased) != 0) {
        continue;
      }
      candidates.push_back({hit.begin, hit.end, alias_index});
    }
  }

  // 2. Near misses of typo-tolerant aliases, on Latin words no exact candidate touches.
  impl.near_miss.FindInText(folded, [&](std::size_t begin, std::size_t end, std::size_t alias_index) {
    for (const Candidate& c : candidates) {
      if (c.begin < end && begin < c.end) return;
    }
    candidates.push_back({begin, end, alias_index, true});
  });

  // 3. Contexts, evaluated per line; @TYPE looks at the line's other unconditional candidates
  //    (those that do not overlap the candidate). Linear in the line's candidates: the line's
  //    counts per type, minus the overlapping ones, found within the longest candidate's reach.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.alias < b.alias;
  });
  const auto traits = [&](const Candidate& c) -> const AliasTraits& { return impl.alias_traits[c.alias]; };
  result.reserve(candidates.size());
  std::vector<Candidate> accepted;
  std::vector<signed char> pattern_holds;
  std::vector<unsigned char> covered;  // bytes, not bits: set and tested a span at a time
  for (std::size_t first = 0; first < candidates.size();) {
    const auto [line_begin, line_end] = LineAround(folded, candidates[first].begin);
    std::size_t last = first;
    TypeCounts unconditional{};
    std::size_t longest = 0;
    for (; last < candidates.size() && candidates[last].begin < line_end; ++last) {
      const Candidate& c = candidates[last];
      longest = std::max(longest, c.end - c.begin);
      if (!traits(c).needs_context) ++unconditional[traits(c).type];
    }
    const std::string_view line = std::string_view(text.text).substr(line_begin, line_end - line_begin);
    pattern_holds.assign(impl.contexts.size(), -1);
    accepted.clear();
    for (std::size_t i = first; i < last; ++i) {
      const Candidate& c = candidates[i];
      if (traits(c).needs_context) {
        const CompiledAlias& alias = impl.aliases[c.alias];
        TypeCounts others = unconditional;
        const auto discount_overlap = [&](const Candidate& o) {
          if (!traits(o).needs_context && o.begin < c.end && c.begin < o.end) --others[traits(o).type];
        };
        for (std::size_t j = i; j-- > first && candidates[j].begin + longest > c.begin;) discount_overlap(candidates[j]);
        for (std::size_t j = i + 1; j < last && candidates[j].begin < c.end; ++j) discount_overlap(candidates[j]);
        const std::size_t begin = c.begin - line_begin;
        const std::size_t end = c.end - line_begin;
        if (alias.context >= 0 && !impl.ContextHolds(alias.context, line, begin, end, others, pattern_holds)) continue;
        if (alias.unless >= 0 && impl.ContextHolds(alias.unless, line, begin, end, others, pattern_holds)) continue;
      }
      accepted.push_back(c);
    }

    // 4. Overlaps: priority, then length, then position, then rule order. Spans never cross a
    //    line, so each line is settled on its own; `covered` marks the bytes taken so far.
    std::sort(accepted.begin(), accepted.end(), [&](const Candidate& a, const Candidate& b) {
      const int pa = traits(a).priority - (a.near_miss ? 1000 : 0);
      const int pb = traits(b).priority - (b.near_miss ? 1000 : 0);
      if (pa != pb) return pa > pb;
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.alias < b.alias;
    });
    const std::size_t line_result = result.size();
    covered.assign(line_end + longest - candidates[first].begin, 0);
    for (const Candidate& c : accepted) {
      unsigned char* from = covered.data() + (c.begin - candidates[first].begin);
      const std::size_t length = c.end - c.begin;
      if (std::memchr(from, 1, length) != nullptr) continue;
      std::memset(from, 1, length);
      result.push_back({c.begin, c.end, traits(c).entity, c.near_miss});
    }
    std::sort(result.begin() + static_cast<std::ptrdiff_t>(line_result), result.end(),
              [](const AliasMatch& a, const AliasMatch& b) { return a.begin < b.begin; });
    first = last;
  }
  return result;
}

std::optional<std::size_t> Gazetteer::FindByName(std::string_view name) const {
  const auto named = FindNamed(name);
  if (!named) return std::nullopt;
  return named->entity;
}

std::optional<Gazetteer::NamedEntity> Gazetteer::FindNamed(std::string_view name) const {
  const NormalizedText normalized = Normalize(TrimAscii(name));
  auto found = impl_->by_folded.find(normalized.folded);
  if (found == impl_->by_folded.end()) return std::nullopt;
  std::size_t chosen = found->second.front();
  for (std::size_t alias : found->second) {
    if (impl_->aliases[alias].cased == normalized.text) {
      chosen = alias;
      break;
    }
  }
  const CompiledAlias& alias = impl_->aliases[chosen];
  return NamedEntity{alias.entity, alias.context >= 0 || alias.unless >= 0};
}

std::optional<std::size_t> Gazetteer::FindById(std::string_view id) const {
  auto found = impl_->by_id.find(std::string(id));
  if (found == impl_->by_id.end()) return std::nullopt;
  return found->second;
}

}  // namespace kgx
