// Relation patterns over marked lines (relation_marking.h), compiled from their blocks with the
// blocks' options (relation_options.h) and applied section by section: matches, claims, and the
// subjects the patterns leave open (see relation_rules.h).
#include "extractor/relation_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extractor/group_reader.h"
#include "extractor/marker_context.h"
#include "extractor/marker_layout.h"
#include "extractor/pattern_defines.h"
#include "extractor/pattern_gate.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/relation_marking.h"
#include "extractor/relation_options.h"
#include "extractor/relation_template.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::string_view kOpen = kMarkerOpen;
constexpr std::string_view kClose = kMarkerClose;
constexpr std::string_view kSeparatorDefine = "separator";

// How the object placeholder captures mentions.
enum class Capture {
  kOne,   // {object:TYPES}: one mention
  kList,  // {objects:TYPES} (a list joined by {=separator}) or (?P<objects>…): every mention in it
  kEach,  // {each:TYPES}: every mention of TYPES in the rest of the match
};

struct RelationPattern {
  std::string predicate;  // empty for a topic pattern
  // What a match claims its object for: the predicate, or for @object topic patterns a claim of
  // their own (they relate the mention the other way round, and only when the section has a topic),
  // numbered: patterns with the same claim have the same number
  int claim = 0;
  const RE2* regex = nullptr;  // kept by the prefilter (kFast) or RelationRules::Impl::own (kPlain)
  int subject_group = -1, object_group = -1, role_group = -1;
  Capture capture = Capture::kOne;
  std::string object_letters;
  std::shared_ptr<const BlockOptions> options;
  MentionNeeds needs;  // what a line must hold for the pattern to relate anything on it
  // kFast, when every object a match captures is a marker inside it (no hand-written
  // (?P<object>…), which may capture text): `needs` then holds for the rest of a line after a
  // match too, and MatchLine does not search a rest that fails it for another match.
  bool gate_rest = false;
  // kFast: every match begins with a marker of these types (0: not known), so a search for one
  // starts at the first such marker.
  TypeMask lead_types = 0;
  // kFast: what must follow the marker a match begins with (LeadContextOf): a lead marker
  // without it is not tried, which spares RE2 a call that fails a few bytes on.
  std::optional<MarkerContext> lead_context;
  std::vector<MarkerContext> contexts;  // what some marker of a line must have beside it
  // Where the subject and object are among the markers of a match; set only when that tells all
  // the groups read (no role), so that RE2 is not asked for them: the costly part of a hit.
  std::optional<MarkerLayout> layout;
  // kFast, without a layout: reads the groups from the markers and small RE2s when the pattern's
  // shape allows (a role between two markers, a list with an optional marker after it).
  std::shared_ptr<const GroupReader> groups;
};

constexpr std::string_view kPredicates[] = {"uses", "migrated_from", "migrated_to",
                                            "role_at", "presented_by", "announced"};

// What [define separator], expanded, stands for: the joint of an {objects:…} list; empty without one.
std::string SeparatorOf(const std::vector<RuleBlock>& blocks) {
  for (const RuleBlock& block : blocks) {
    if (block.kind == kDefineBlockKind && block.argument == kSeparatorDefine) return DefineGroup(block);
  }
  return {};
}

// Whether a company presented_by in a section is a platform vendor (@platform) hosting the talk:
// the section is a talk (a keynote is the vendor's own stage, guests or not) that mentions one of
// the vendor's services. Another company presenting the talk is then its presenter.
class PlatformHost {
 public:
  explicit PlatformHost(const RelationSection& section) : section_(section) {}

  bool operator()(const BlockOptions& options, int line, int mention) const {
    if (!options.platform || (options.platform_services & Types()) == 0) return false;
    if (section_.name_of) return RE2::FullMatch(section_.name_of(line, mention), *options.platform);
    const RelationLine& on = section_.lines[static_cast<std::size_t>(line)];
    const TypedMention& m = on.mentions[static_cast<std::size_t>(mention)];
    return RE2::FullMatch(on.text.substr(m.begin, m.end - m.begin), *options.platform);
  }

 private:
  // The types the section mentions (none outside a talk), read at the first @platform block's
  // candidate: most sections have none and do not walk their mentions.
  TypeMask Types() const {
    if (!types_read_ && section_.kind == SectionKind::kTalk) {
      for (const RelationLine& line : section_.lines) {
        for (const TypedMention& mention : line.mentions) types_ |= TypeBit(mention.type);
      }
    }
    types_read_ = true;
    return types_;
  }

  const RelationSection& section_;
  mutable bool types_read_ = false;
  mutable TypeMask types_ = 0;
};

}  // namespace

struct RelationRules::Impl {
  std::vector<RelationPattern> patterns;  // file order; topic patterns have no predicate
  // A line is matched only against the patterns that can match it.
  std::unique_ptr<PatternPrefilter> prefilter;  // none: every pattern runs on every line (kPlain)
  std::vector<std::unique_ptr<RE2>> own;        // the patterns' RE2 when there is no prefilter to keep them
  std::vector<int> every_pattern;
  GateTable gates;  // the patterns' line conditions as bits, asked first per hit

  // Compiles `pattern` once: into the prefilter, which keeps it as `id`, or else into `own`.
  // Returns nullptr, with RE2's message in `error`, when it does not compile.
  const RE2* CompilePattern(int id, const std::string& pattern, std::string& error);
  // Takes back a pattern compiled as `id` that is rejected, so that `id` goes to the next one.
  void Withdraw(int id);
};

const RE2* RelationRules::Impl::CompilePattern(int id, const std::string& pattern, std::string& error) {
  if (prefilter) return prefilter->Add(id, pattern, error);
  auto regex = std::make_unique<RE2>(pattern, RE2::Quiet);
  if (!regex->ok()) {
    error = regex->error();
    return nullptr;
  }
  own.push_back(std::move(regex));
  return own.back().get();
}

void RelationRules::Impl::Withdraw(int id) {
  if (prefilter) prefilter->Withdraw(id);
  if (!prefilter && own.size() > patterns.size()) own.pop_back();
}

RelationRules::RelationRules() : impl_(std::make_unique<Impl>()) {}
RelationRules::~RelationRules() = default;

bool RelationRules::HandlesBlockKind(std::string_view kind) {
  return kind == "relation" || kind == "relation.topic";
}

std::unique_ptr<RelationRules> RelationRules::Compile(const std::vector<RuleBlock>& blocks,
                                                      std::vector<RuleDiagnostic>& diagnostics, Strategy strategy) {
  auto rules = std::unique_ptr<RelationRules>(new RelationRules());
  if (strategy == Strategy::kFast) rules->impl_->prefilter = std::make_unique<PatternPrefilter>();
  bool failed = false;
  const std::string separator = SeparatorOf(blocks);
  std::map<std::string, int> claims;  // RelationPattern::claim: the number of each claim
  for (const RuleBlock& block : blocks) {
    const bool is_topic = block.kind == "relation.topic";
    if (block.kind != "relation" && !is_topic) continue;
    if (!is_topic && std::find(std::begin(kPredicates), std::end(kPredicates), block.argument) == std::end(kPredicates)) {
      diagnostics.push_back({block.where, "unknown relation '" + block.argument +
                                              "' (expected uses, migrated_from, migrated_to, role_at, presented_by or announced)", true});
      failed = true;
      continue;
    }
    auto options = std::make_shared<BlockOptions>();
    if (!ParseBlockOptions(block, *options, diagnostics)) {
      failed = true;
      continue;
    }
    for (const RuleLine& line : block.lines) {
      if (line.text.front() == '@') continue;
      // Expand {…} placeholders; everything else is RE2 as written.
      std::string pattern;
      bool line_failed = false;
      std::string object_letters = "acpt";  // a hand-written (?P<objects>…) holds any mention
      bool object_placeholder = false;      // the pattern writes {object:…}, not (?P<object>…)
      const auto fail = [&](Location where, const std::string& message) {
        diagnostics.push_back({where, message, true});
        line_failed = true;
      };
      std::size_t copied = 0;
      for (const Placeholder& placeholder : FindPlaceholders(line.text)) {
        pattern.append(line.text, copied, placeholder.begin - copied);
        copied = placeholder.end;
        Location where = line.where;
        where.column += placeholder.begin;
        const std::string inner(placeholder.inner);
        if (placeholder.role == Placeholder::Role::kDefine) {
          line_failed = true;  // a name ExpandPatternDefines could not expand, and reported
          continue;
        }
        if (placeholder.role == Placeholder::Role::kInvalid) {
          fail(where, "bad placeholder '{" + inner + "}' (expected {TYPES}, {subject:TYPES}, {object:TYPES} or {=NAME})");
          continue;
        }
        const std::string letters = TypeLetters(placeholder.types);
        const std::string marker = MarkerPattern(letters);
        switch (placeholder.role) {
          case Placeholder::Role::kMention: pattern += "(?:" + marker + ")"; break;
          case Placeholder::Role::kSubject: pattern += "(?P<subject>" + marker + ")"; break;
          case Placeholder::Role::kObject:
            pattern += "(?P<object>" + marker + ")";
            object_placeholder = true;
            break;
          case Placeholder::Role::kObjects: {
            if (separator.empty()) {
              fail(where, "{objects:…} needs a [define separator] block");
              break;
            }
            pattern += "(?P<objects>" + marker + "(?:\\s*" + separator + "\\s*" + marker + ")*)";
            object_letters = letters;
            break;
          }
          default:  // kEach
            pattern += "(?P<each>.*)";
            object_letters = letters;
            break;
        }
      }
      pattern.append(line.text, copied);
      if (line_failed) {
        failed = true;
        continue;
      }
      RelationPattern compiled;
      compiled.predicate = is_topic ? "" : block.argument;
      const std::string claim = options->object_is_topic ? compiled.predicate + " @object topic" : compiled.predicate;
      compiled.claim = claims.emplace(claim, static_cast<int>(claims.size())).first->second;
      compiled.object_letters = object_letters;
      compiled.options = options;
      compiled.needs = NeedsOf(line.text);
      // Compiled as the index it gets in `patterns`; withdrawn when rejected below.
      const int id = static_cast<int>(rules->impl_->patterns.size());
      const auto reject = [&](const std::string& message) {
        diagnostics.push_back({line.where, message, true});
        rules->impl_->Withdraw(id);
        failed = true;
      };
      std::string error;
      compiled.regex = rules->impl_->CompilePattern(id, pattern, error);
      if (compiled.regex == nullptr) {
        reject("bad pattern '" + line.text + "': " + error);
        continue;
      }
      const auto& names = compiled.regex->NamedCapturingGroups();
      if (auto it = names.find("subject"); it != names.end()) compiled.subject_group = it->second;
      if (auto it = names.find("role"); it != names.end()) compiled.role_group = it->second;
      int object_groups = 0;
      for (const auto& [name, capture] : {std::pair{"object", Capture::kOne}, std::pair{"objects", Capture::kList},
                                          std::pair{"each", Capture::kEach}}) {
        if (auto it = names.find(name); it != names.end()) {
          compiled.object_group = it->second;
          compiled.capture = capture;
          ++object_groups;
        }
      }
      compiled.gate_rest = strategy == Strategy::kFast && (compiled.capture != Capture::kOne || object_placeholder);
      if (object_groups != 1) {
        reject(object_groups == 0 ? "relation pattern needs an {object:TYPES}, {objects:TYPES} or {each:TYPES} placeholder"
                                  : "a pattern captures its object once: {object:…}, {objects:…} or {each:…}");
        continue;
      }
      if (options->object_is_topic && (is_topic || compiled.subject_group >= 0)) {
        reject("an @object topic pattern has no {subject:…} and is no [relation.topic]: what it captures is the subject");
        continue;
      }
      if (is_topic && compiled.subject_group >= 0) {
        reject("a [relation.topic] pattern has no {subject:…}: its object is the topic");
        continue;
      }
      const auto elements = strategy == Strategy::kFast ? ReadElements(line.text) : std::nullopt;
      if (elements) {
        compiled.contexts = ContextsOf(*elements);
        const MarkerLayout layout = LayoutOf(*elements);
        const bool object_known = (layout.object >= 0 || layout.object_back >= 0) && compiled.capture != Capture::kEach &&
                                  layout.object_list == (compiled.capture == Capture::kList);
        const bool subject_known = compiled.subject_group < 0 || layout.subject >= 0 || layout.subject_back >= 0;
        if (object_known && subject_known && compiled.role_group < 0) compiled.layout = layout;
        if (!compiled.layout) compiled.groups = GroupReader::For(line.text, separator);
        compiled.lead_types = LeadingMarkerTypes(*elements);
        if (compiled.lead_types != 0) compiled.lead_context = LeadContextOf(*elements);
      }
      rules->impl_->patterns.push_back(std::move(compiled));
    }
  }
  if (failed) return nullptr;
  for (std::size_t p = 0; p < rules->impl_->patterns.size(); ++p) rules->impl_->every_pattern.push_back(static_cast<int>(p));
  std::vector<PatternGate> gates;
  for (const RelationPattern& pattern : rules->impl_->patterns) gates.emplace_back(*pattern.options, pattern.needs);
  rules->impl_->gates = GateTable(gates);
  // The markers' atoms are not scanned for: MentionNeeds checks the types of a line's mentions.
  const std::vector<std::string> markers = {std::string(kOpen), std::string(kClose)};
  if (rules->impl_->prefilter) rules->impl_->prefilter->Finish(64 << 20, markers);
  return rules;
}

std::string RelationRules::MarkLine(std::string_view line, const std::vector<TypedMention>& mentions) {
  MarkedLine marked;
  MarkLineInto(line, mentions, marked);
  return marked.text;
}

namespace {

// One pattern match for one object, before its subject is resolved.
struct Candidate {
  std::size_t pattern = 0;  // index in file order
  int line = 0;
  int subject = -1;  // mention on the same line, -1 = to be resolved
  int object = 0;
  std::string role;
};

using Claims = std::set<std::tuple<int, int, int>>;  // line, claim (RelationPattern::claim), object mention

// Returns the part of `match` (in `text`) that the object group of a pattern laid out as
// `layout` holds, and sets `subject` to the subject's mention when the layout has one. The
// markers are the line's that begin inside the match (`markers`, all of the line's in order: the
// only U+E000 in a marked line): it holds them where the layout says (nothing is returned for a
// match without them, which the layout rules out; RE2's groups would say).
std::optional<re2::StringPiece> LaidOutObject(const MarkerLayout& layout, const std::string& text, const std::vector<MarkerSpan>& markers,
                                              re2::StringPiece match, int& subject) {
  const std::size_t match_at = static_cast<std::size_t>(match.data() - text.data());
  const auto first = std::lower_bound(markers.begin(), markers.end(), match_at,
                                      [](const MarkerSpan& marker, std::size_t at) { return marker.begin < at; });
  auto stop = first;
  while (stop != markers.end() && stop->begin < match_at + match.size()) ++stop;
  // Counted from the start or back from the last marker.
  const int count = static_cast<int>(stop - first);
  const int object_at = layout.object >= 0 ? layout.object : count - 1 - layout.object_back;
  const int subject_at = layout.subject >= 0 ? layout.subject : layout.subject_back >= 0 ? count - 1 - layout.subject_back : -1;
  if (object_at < 0 || std::max(object_at, subject_at) >= count || (subject_at < 0 && layout.subject_back >= 0)) return std::nullopt;
  const MarkerSpan& object = first[object_at];
  const MarkerSpan& last = layout.object_list ? *std::prev(stop) : object;
  if (subject_at >= 0) subject = MarkerIndex(std::string_view(text).substr(first[subject_at].begin));
  return re2::StringPiece(text.data() + object.begin, last.end - object.begin);
}

// Adds every match of `pattern` (index `p`) on one marked line to `out`, one candidate per
// object the pattern captures that no earlier rule of its predicate claimed and @unless spares.
// `line_allowed()` is asked at the first match: when it says no, the line gives nothing.
template <typename LineAllowed>
void MatchLine(const RelationPattern& pattern, std::size_t p, int line, MarkedLine& marked, Claims& claimed,
               std::vector<Candidate>& out, LineAllowed&& line_allowed) {
  const std::string& text = marked.text;
  const int groups = pattern.regex->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> parts;  // sized at the first match: most candidates have none
  const auto part = [&](int group) { return parts[static_cast<std::size_t>(group)]; };
  std::size_t pos = 0;
  // Where the search for the next match starts: at `pos`, or at the first marker from there on
  // that a match may begin with (lead_types); npos when the rest of the line cannot give a
  // match with an object. Every marker a match holds begins at or after where it starts.
  const std::vector<MarkerSpan>& markers = marked.markers;
  std::size_t rest = 0, lead = 0;  // the first marker at or after `pos`, the first that may lead
  const auto next_start = [&]() -> std::size_t {
    if (pos >= text.size()) return std::string::npos;
    while (rest < markers.size() && markers[rest].begin < pos) ++rest;
    // (the whole line's mentions were checked before MatchLine)
    if (pos > 0 && pattern.gate_rest && !pattern.needs.SatisfiedBy(markers.size() - rest, TypesFrom(marked, rest))) {
      return std::string::npos;
    }
    if (pattern.lead_types == 0) return pos;
    for (lead = std::max(lead, rest); lead < markers.size() && (TypeBit(markers[lead].type) & pattern.lead_types) == 0; ++lead) {
    }
    return lead < markers.size() ? markers[lead].begin : std::string::npos;
  };
  re2::StringPiece whole;
  // Finds the next match from `start` into `whole`. A pattern whose matches begin with a lead
  // marker is tried anchored at each such marker in turn: the first that matches begins the
  // leftmost match, which is the one an unanchored search finds. Anchored, RE2's DFA stops where
  // the text stops fitting instead of reading on to the line's end, and a hit needs no reverse
  // pass to find where it begins. A tried start may read on to the line's end too ([^。]*?), so
  // after kAnchoredTries misses the rest of the line gets one unanchored search: a line of a
  // million names is not read once per name.
  constexpr int kAnchoredTries = 4;
  int anchored_misses = 0;
  const auto find = [&](std::size_t start) {
    if (pattern.lead_types == 0) return pattern.regex->Match(text, start, text.size(), RE2::UNANCHORED, &whole, 1);
    for (; lead < markers.size(); ++lead) {
      if ((TypeBit(markers[lead].type) & pattern.lead_types) == 0) continue;
      if (pattern.lead_context && !MarkerFits(*pattern.lead_context, text, markers[lead])) continue;
      // A match from here holds only the markers from here on (see next_start).
      if (pattern.gate_rest && !pattern.needs.SatisfiedBy(markers.size() - lead, TypesFrom(marked, lead))) return false;
      if (anchored_misses == kAnchoredTries) return pattern.regex->Match(text, markers[lead].begin, text.size(), RE2::UNANCHORED, &whole, 1);
      if (pattern.regex->Match(text, markers[lead].begin, text.size(), RE2::ANCHOR_START, &whole, 1)) return true;
      ++anchored_misses;
    }
    return false;
  };
  // The match first, then its groups within it: asked for groups on a short text, RE2 skips its
  // DFA and runs its backtracker over the whole line even where nothing matches (most candidates
  // here); the DFA turns those away cheaply. Groups found within the match are the ones RE2 would
  // find in the line.
  for (std::size_t start = next_start(); start != std::string::npos && find(start); start = next_start()) {
    if (!line_allowed()) return;
    const std::size_t match_at = static_cast<std::size_t>(whole.data() - text.data());
    Candidate base;
    base.pattern = p;
    base.line = line;
    const auto laid_out = pattern.layout ? LaidOutObject(*pattern.layout, text, markers, whole, base.subject) : std::nullopt;
    re2::StringPiece object_part;
    auto read = !laid_out && pattern.groups ? pattern.groups->Read(text, markers, match_at, match_at + whole.size(), false)
                                            : std::nullopt;
    // A role is read only for an object the match may still relate (one not its subject and not
    // taken by an earlier rule of its claim): a taken one relates nothing whatever the role says.
    // A role that does not match leaves the groups to RE2, as Read would have.
    if (read && read->role_pending) {
      const int object = MarkerIndex(read->object);
      const bool taken = object == read->subject || claimed.count({line, pattern.claim, object}) != 0;
      if (!taken && !pattern.groups->ReadRole(text, *read)) read.reset();
    }
    if (laid_out) {
      object_part = *laid_out;
    } else if (read) {
      object_part = re2::StringPiece(read->object.data(), read->object.size());
      if (read->subject >= 0) base.subject = read->subject;
      if (read->has_role) base.role = std::string(TrimAscii(read->role));
    } else {
      parts.resize(static_cast<std::size_t>(groups));
      if (!pattern.regex->Match(text, match_at, match_at + whole.size(), RE2::ANCHOR_BOTH, parts.data(), groups)) break;
      object_part = part(pattern.object_group);
      if (pattern.subject_group > 0 && part(pattern.subject_group).data()) base.subject = MarkerIndex(part(pattern.subject_group));
      if (pattern.role_group > 0 && part(pattern.role_group).data()) base.role = std::string(TrimAscii(part(pattern.role_group)));
    }
    const re2::StringPiece resume = object_part.data() ? object_part : whole;
    pos = std::max(static_cast<std::size_t>(resume.data() - text.data()) + resume.size(), start + 1);
    if (!object_part.data()) continue;
    const auto relate = [&](int object) {
      if (object == base.subject || !claimed.emplace(line, pattern.claim, object).second) return;
      if (pattern.options->unless) {
        const auto [begin, end] = MarkerRange(marked, object);
        if (begin != std::string_view::npos && RE2::PartialMatch(PhraseAround(marked, begin, end), *pattern.options->unless)) return;
      }
      Candidate found = base;
      found.object = object;
      out.push_back(std::move(found));
    };
    if (pattern.capture == Capture::kOne) {
      relate(MarkerIndex(object_part));  // one object: no list to allocate
    } else {
      for (const int object : MarkersIn(object_part, pattern.object_letters)) relate(object);
    }
  }
}

// The last person named on the non-blank line right above `line`, as a Japanese catalog lists a speaker's
// name alone over the line of the company ("山田 太郎" / "株式会社サンプル SRE"); nullopt when it names none.
std::optional<MentionRef> PersonAbove(const RelationSection& section, std::size_t line) {
  std::size_t above = line;
  while (above > 1 && TrimAscii(section.lines[above - 1].text).empty()) --above;
  if (above <= 1) return std::nullopt;  // the header is no speaker's line
  const std::vector<TypedMention>& mentions = section.lines[above - 1].mentions;
  for (std::size_t m = mentions.size(); m-- > 0;) {
    if (mentions[m].type == EntityType::kPerson) return MentionRef{static_cast<int>(above - 1), static_cast<int>(m)};
  }
  return std::nullopt;
}

// Returns each line's topic: its first [relation.topic] match (candidates come in pattern
// order); for a body line without one, its parent bullet's, the nearest line above it that is
// indented less, else that of the @topic below line over it, if no line its block's @line matches
// stands between them. lines[0]'s topic is the section's.
std::vector<MentionRef> LineTopics(const RelationSection& section, const std::vector<RelationPattern>& patterns,
                                   const std::vector<Candidate>& candidates) {
  std::vector<MentionRef> topics(section.lines.size());
  // Without a [relation.topic] match no line has a topic to pass down: every line's is the section.
  const auto is_topic = [&](const Candidate& c) { return patterns[c.pattern].predicate.empty(); };
  if (std::none_of(candidates.begin(), candidates.end(), is_topic)) return topics;
  // The lines whose own topic an @topic below block found, with that block's @line (few sections have any).
  std::vector<std::pair<std::size_t, const re2::RE2*>> below_lines;
  for (const Candidate& c : candidates) {
    MentionRef& own = topics[static_cast<std::size_t>(c.line)];
    if (!patterns[c.pattern].predicate.empty() || !own.IsSection()) continue;
    own = MentionRef{c.line, c.object};
    const BlockOptions& options = *patterns[c.pattern].options;
    if (options.topic_below && c.line > 0) below_lines.emplace_back(static_cast<std::size_t>(c.line), options.line.get());
  }
  std::sort(below_lines.begin(), below_lines.end());
  auto next_below = below_lines.begin();
  MentionRef below;                         // the topic of the @topic below line in force, if any
  const re2::RE2* below_ends_at = nullptr;  // its block's @line: the next line it matches ends it
  // The lines that can still be a later line's parent, indents strictly increasing: the parent
  // is the topmost one indented less, found without scanning back over every line above (a
  // section of a million lines made that quadratic).
  std::vector<std::pair<std::size_t, std::size_t>> open;  // (indent, line)
  for (std::size_t i = 1; i < section.lines.size(); ++i) {
    const std::size_t indent = Indent(section.lines[i].text);
    if (below_ends_at && RE2::PartialMatch(section.lines[i].text, *below_ends_at)) {
      below = MentionRef{};
      below_ends_at = nullptr;
    }
    if (next_below != below_lines.end() && next_below->first == i) {
      below = topics[i];
      below_ends_at = (next_below++)->second;
    }
    if (topics[i].IsSection()) {
      const auto above = std::partition_point(open.begin(), open.end(), [&](const auto& o) { return o.first < indent; });
      if (above != open.begin()) topics[i] = topics[std::prev(above)->second];
      if (topics[i].IsSection()) topics[i] = below;
    }
    if (TrimAscii(section.lines[i].text).empty()) continue;
    while (!open.empty() && open.back().first >= indent) open.pop_back();
    open.emplace_back(indent, i);
  }
  return topics;
}

}  // namespace

std::vector<SectionRelation> RelationRules::ApplySection(const RelationSection& section, MentionRef* topic) const {
  std::vector<SectionRelation> out;
  if (topic) *topic = MentionRef{};
  const auto& patterns = impl_->patterns;
  if (section.lines.empty() || patterns.empty()) return out;
  // The lines with mentions, marked (a line without mentions has no relation), and their atoms
  // found by one scan of them joined rather than one per line, each of which pays Vectorscan's
  // fixed cost. Their marked text, not the document's: the mentions' own text would add atoms
  // (and atom sets the prefilter has not met), and lines without mentions would be scanned too.
  // A long line is scanned alone: the fixed cost is nothing beside it, and a copy of it would be.
  constexpr std::size_t kLongLine = 4096;
  static thread_local MarkedSection marks;
  marks.joined.clear();
  marks.at.clear();
  for (const RelationLine& line : section.lines) {
    if (line.mentions.empty()) continue;
    if (marks.lines.size() == marks.at.size()) marks.lines.emplace_back();
    MarkedLine& marked = marks.lines[marks.at.size()];
    MarkLineInto(line.text, line.mentions, marked);
    if (marked.text.size() > kLongLine) {
      marks.at.push_back(std::string::npos);
      continue;
    }
    marks.at.push_back(marks.joined.size());
    marks.joined += marked.text;
    marks.joined += '\n';
  }
  const TextAtoms atoms = impl_->prefilter ? impl_->prefilter->FindAtoms(marks.joined) : TextAtoms();
  std::size_t next_marked = 0;

  // Every pattern over every line, the patterns of a line in file order: an object mention of a
  // line belongs to the first rule of a predicate that relates it (or vetoes it), so specific
  // rules listed first win. Only the patterns the prefilter lets through are run, and only on
  // lines where some marker has the context a pattern needs beside it.
  std::map<const BlockOptions*, bool> section_has;  // @section_has, evaluated once per block
  std::vector<Candidate> candidates;
  Claims claimed;
  AfterLines after(section);
  // A block's line options on this line, worked out once for all its patterns.
  struct BlockOnLine {
    const BlockOptions* options = nullptr;
    std::optional<bool> allowed;  // LineOptionsAllow, asked at the block's first match
  };
  std::vector<BlockOnLine> blocks_on_line;
  for (std::size_t i = 0; i < section.lines.size(); ++i) {
    if (section.lines[i].mentions.empty()) continue;
    blocks_on_line.clear();
    const std::vector<TypedMention>& mentions = section.lines[i].mentions;
    TypeMask types_present = 0;
    for (const TypedMention& mention : mentions) types_present |= TypeBit(mention.type);
    MarkedLine& marked = marks.lines[next_marked];
    const std::size_t joined_at = marks.at[next_marked++];
    const auto& hits = !impl_->prefilter                  ? impl_->every_pattern
                       : joined_at == std::string::npos ? impl_->prefilter->Candidates(marked.text)
                                                         : impl_->prefilter->Candidates(
                                                               std::string_view(marks.joined).substr(joined_at, marked.text.size()), atoms);
    const std::uint64_t* gates = impl_->gates.Row(PatternGate::Place(section.kind, i), mentions.size(), types_present);
    for (const int hit : hits) {
      const std::size_t p = static_cast<std::size_t>(hit);
      if (!GateTable::Lets(gates, p)) continue;
      const BlockOptions& options = *patterns[p].options;
      const auto fits = [&](const MarkerContext& context) { return SomeMarkerFits(context, marked.text, marked.markers); };
      if (!std::all_of(patterns[p].contexts.begin(), patterns[p].contexts.end(), fits)) continue;
      if (options.section_has) {
        auto [it, inserted] = section_has.emplace(&options, false);
        if (inserted) {
          it->second = std::any_of(section.lines.begin(), section.lines.end(),
                                   [&](const RelationLine& line) { return RE2::PartialMatch(line.text, *options.section_has); });
        }
        if (!it->second) continue;
      }
      auto block = std::find_if(blocks_on_line.begin(), blocks_on_line.end(), [&](const auto& b) { return b.options == &options; });
      if (block == blocks_on_line.end()) block = blocks_on_line.insert(block, {&options, std::nullopt});
      if (block->allowed == false) continue;
      const auto allowed = [&] {
        if (!block->allowed) block->allowed = LineOptionsAllow(options, section, i, after);
        return *block->allowed;
      };
      MatchLine(patterns[p], p, static_cast<int>(i), marked, claimed, candidates, allowed);
    }
  }

  // A section of huge lines does not keep its buffers for the thread's life.
  constexpr std::size_t kKeptBytes = std::size_t{1} << 20;
  if (marks.joined.capacity() > kKeptBytes) marks = MarkedSection();

  // No match: no relation, and the section is its own topic.
  if (candidates.empty()) return out;

  // Who a relation without a subject is about: the section's presenter is its earliest company
  // presented_by (header first, then line by line), but for a platform vendor (@platform) that
  // hosts another company's story in a talk about its services; topics come from [relation.topic].
  const Candidate* presenter = nullptr;
  bool presenter_hosts = false;
  const PlatformHost hosts(section);
  for (const Candidate& c : candidates) {
    const bool is_company = section.lines[static_cast<std::size_t>(c.line)].mentions[static_cast<std::size_t>(c.object)].type ==
                            EntityType::kCompany;
    if (patterns[c.pattern].predicate != "presented_by" || !is_company) continue;
    const bool c_hosts = hosts(*patterns[c.pattern].options, c.line, c.object);
    if (!presenter || std::tie(c_hosts, c.line, c.pattern) < std::tie(presenter_hosts, presenter->line, presenter->pattern)) {
      presenter = &c;
      presenter_hosts = c_hosts;
    }
  }
  const std::vector<MentionRef> topics = LineTopics(section, patterns, candidates);
  if (topic) *topic = topics[0];
  for (const Candidate& c : candidates) {  // no header topic: an @topic document line's, if any
    if (!topic || !topics[0].IsSection()) break;
    if (c.line > 0 && patterns[c.pattern].predicate.empty() && patterns[c.pattern].options->topic_document) {
      *topic = MentionRef{c.line, c.object};
      break;
    }
  }
  // The header's topic as a subject, unless the block that found it keeps it for @object topic.
  MentionRef subject_topic = topics[0];
  for (const Candidate& c : candidates) {
    if (c.line != 0 || !patterns[c.pattern].predicate.empty() || !(MentionRef{0, c.object} == topics[0])) continue;
    if (patterns[c.pattern].options->topic_only_object) subject_topic = MentionRef{};
    break;
  }
  const bool is_talk = section.kind == SectionKind::kTalk || section.kind == SectionKind::kKeynote;
  const auto subject_from = [&](SubjectSource source, std::size_t line) -> std::optional<MentionRef> {
    switch (source) {
      case SubjectSource::kLine: return topics[line].IsSection() ? std::nullopt : std::optional(topics[line]);
      case SubjectSource::kPresenter: return presenter ? std::optional(MentionRef{presenter->line, presenter->object}) : std::nullopt;
      case SubjectSource::kTopic: return subject_topic.IsSection() ? std::nullopt : std::optional(subject_topic);
      case SubjectSource::kTalk: return is_talk ? std::optional(MentionRef{}) : std::nullopt;
      case SubjectSource::kSection: return MentionRef{};
      case SubjectSource::kDocument: return section.document_subject ? std::optional(MentionRef::Document()) : std::nullopt;
      case SubjectSource::kPersonAbove: return PersonAbove(section, line);
    }
    return std::nullopt;
  };

  for (const Candidate& c : candidates) {
    const RelationPattern& pattern = patterns[c.pattern];
    if (pattern.predicate.empty()) continue;
    SectionRelation relation;
    relation.predicate = pattern.predicate;
    relation.object = MentionRef{c.line, c.object};
    relation.role = c.role;
    relation.line = static_cast<std::size_t>(c.line);
    if (pattern.options->object_is_topic) {
      // what the pattern captured uses (is, …) the section's topic; no topic, no relation
      if (topics[0].IsSection() || topics[0] == relation.object) continue;
      relation.subject = relation.object;
      relation.object = topics[0];
      out.push_back(std::move(relation));
      continue;
    }
    std::optional<MentionRef> subject;
    if (c.subject >= 0) subject = MentionRef{c.line, c.subject};
    for (std::size_t k = 0; !subject && k < pattern.options->subject.size(); ++k) {
      subject = subject_from(pattern.options->subject[k], relation.line);
    }
    if (!subject || *subject == relation.object) continue;
    relation.subject = *subject;
    out.push_back(std::move(relation));
  }
  std::stable_sort(out.begin(), out.end(), [](const SectionRelation& a, const SectionRelation& b) { return a.line < b.line; });
  return out;
}

std::vector<RelationMatch> RelationRules::Apply(std::string_view line, const std::vector<TypedMention>& mentions) const {
  RelationSection section;
  section.kind = SectionKind::kTalk;
  section.lines.push_back({std::string_view(), {}});  // no header
  section.lines.push_back({line, mentions});
  std::vector<RelationMatch> found;
  for (const SectionRelation& r : ApplySection(section)) {
    if (r.object.line != 1) continue;
    RelationMatch match;
    match.predicate = r.predicate;
    match.object = r.object.mention;
    match.subject = r.subject.line == 1 ? r.subject.mention : -1;
    match.role = r.role;
    found.push_back(std::move(match));
  }
  return found;
}

}  // namespace kgx
