// Section detection. Talk, keynote and day headers are RE2 rules; a short line without sentence
// punctuation is a heading candidate. Inside a talk a candidate opens a new section when it is a
// marked heading (Markdown #, ■) no deeper than the talk's own marked header; a deeper one stays in
// the talk (unless a speaker line makes it a talk); any other opens one only when prose follows it
// (a sub-heading over bullets stays part of the talk); none right after a line that ends
// mid-sentence ('、', ',' or けど), nor one right before a thread's post counter ("2/12").
// A Notion toggle ("▶ Title", "- ▶ Title") is read as a header from its ▶ on; when it opens a talk,
// the lines indented under it are the talk's. A header whose session code a [section not_code]
// pattern names ("SHA-256", "COVID-19") is none, and the header patterns after it are tried. An
// [section event_talk] header ("Title (AWS-32)") opens a talk only in a document that has named its
// event by then, or over a speaker line: elsewhere the same shape is a ticket ("Fix login (OPS-123)").
// A line a [section not_talk] pattern names ("OPS-123 ログイン不具合の修正": a ticket) opens no talk, and
// unless marked no heading either; only a line holding the characters one of those patterns needs
// (RequiredCharacters: the '-' of "OPS-123") is asked.
// Every header pattern sits in one RE2::Set as well and every event pattern in another, so that
// a pattern with capture groups runs only on a line a set says it matches. The header set is
// anchored at the line's start (a pattern that is not gets a leading .*?), and it is not asked at
// all about a line whose first character no header can start with (LineStartGate: "  • …",
// "- …"), nor, for the headers anchored at the end too, whose first and last characters none
// can have ("最近は…した。"). An event pattern is asked about a line only when the line holds the
// characters it needs (RequiredCharacters: the digits of a year) and the literals (PatternPrefilter:
// "invent", "勉強会"), alone and in rule order until
// one matches (the event set, with its far larger DFA, only when that condition cannot be read),
// and only until the first event pattern has matched, since no later line can change the event
// then (nor is a blank line read for headers). The event set is first asked only whether anything
// matches: RE2 then allocates nothing.
// A line's header hits are computed once (LineMemo), though the speaker search of a heading above
// it asks them too.
#include "extractor/segmenter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "extractor/front_matter.h"
#include "extractor/header_captures.h"
#include "extractor/line_memo.h"
#include "extractor/line_walk.h"
#include "extractor/line_start_gate.h"
#include "extractor/outline_number.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/required_characters.h"
#include "extractor/regex_syntax.h"
#include "extractor/session_id_field.h"
#include "extractor/setext_headings.h"
#include "extractor/text_util.h"
#include "extractor/thread_counter.h"

namespace kgx {

namespace {

constexpr std::size_t kMaxHeadingCodePoints = 40;
constexpr std::size_t kMaxMarkedHeadingCodePoints = 120;
// Non-blank lines after a heading in which a speaker line ("発表者: …") makes it a talk: a slide
// outline may put a bullet or two first ("- アジェンダ").
constexpr std::size_t kSpeakerWindow = 4;
constexpr std::string_view kToggleMark = "▶";

// Which marked heading (##, ■) ends the talk being read: one as high as the talk's own marked
// header (a deeper one is its sub-heading); any, for a talk a Notion toggle opened (its ▶ has no
// level); none, under an unmarked header (then whether prose follows the heading decides), unless
// the header opens with an outline number ("2.2 Title"): then an outline heading as shallow ends
// the talk ("2.3 …") and a deeper one is its sub-heading ("2.2.1 概要"); a heading without a number
// is decided by prose.
enum class TalkEnd { kByProse, kAtOwnLevel, kAtAnyMarkedHeading, kAtOutlineDepth };

// Returns the offset of the "▶" of a Notion toggle ("▶ Title", "- ▶ Title", indented or not),
// or npos when the line is none; `at` is where the line's text starts after white space. Most
// lines start with neither a list mark nor ▶'s first byte and are told so by that byte.
std::size_t ToggleMark(std::string_view text, std::size_t at) {
  if (at >= text.size()) return std::string_view::npos;
  if (text[at] != kToggleMark[0] && text[at] != '-' && text[at] != '*' && text[at] != '+') return std::string_view::npos;
  if (text[at] == '-' || text[at] == '*' || text[at] == '+') {
    const std::size_t after = text.find_first_not_of(" \t", at + 1);
    if (after == at + 1 || after == std::string_view::npos) return std::string_view::npos;
    at = after;
  }
  return text.substr(at).starts_with(kToggleMark) ? at : std::string_view::npos;
}

// Returns the level of a heading marker that opens the line: n for Markdown's "## Title" (2),
// 2 for "■ Title", 3 for "◆ Title" (Japanese notes mark headings so); 0 for none. `marker` is set to the length of what precedes the title.
std::size_t HeadingLevel(std::string_view text, std::size_t* marker = nullptr) {
  const std::string_view trimmed = TrimAscii(text);
  const std::size_t indent = static_cast<std::size_t>(trimmed.data() - text.data());
  std::size_t level = 0, length = 0;
  while (level < trimmed.size() && trimmed[level] == '#') ++level;
  if (level > 0) {
    if (level > 6 || level >= trimmed.size() || trimmed[level] != ' ') return 0;
    length = level;
  } else if (trimmed.starts_with("■")) {
    level = 2;
    length = std::string_view("■").size();
  } else if (trimmed.starts_with("◆")) {
    level = 3;
    length = std::string_view("◆").size();
  } else {
    return 0;
  }
  if (marker) *marker = indent + length;
  return level;
}

struct HeaderPattern {
  std::unique_ptr<HeaderCaptures> captures;
};

struct EventPattern {
  std::unique_ptr<RE2> regex;
  std::string name_template;
};

// Returns true when `s` has more than `limit` code points (bytes that are no continuation byte),
// counted eight bytes at a time; stops once the count is over, and does not count at all when
// the byte length alone settles it.
bool LongerThan(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return false;
  if (s.size() > 4 * limit) return true;  // no code point has more than four bytes
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t count = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof word);
    const std::uint64_t continuation = word & ~(word << 1) & kHighBits;  // 10xxxxxx
    // Count the set bits (one per byte, at bit 7) by a multiply that sums the bytes into the top
    // one: std::popcount without -mpopcnt is a libgcc call.
    count += 8 - static_cast<std::size_t>(((continuation >> 7) * 0x0101010101010101ULL) >> 56);
    if (count > limit) return true;
  }
  for (; i < s.size(); ++i) count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return count > limit;
}

bool HasLetter(std::string_view s) {
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z')) return true;
  }
  return false;
}

}  // namespace

// Which patterns of the line set matched one line: the first of each header kind and the
// first event pattern (-1 = none).
struct LineHits {
  int talk = -1, keynote = -1, day = -1, event_talk = -1, event = -1;
};

// A line's header hits (no event) and whether the line set could tell them.
struct HeaderHits {
  LineHits hits;
  bool told = false;
};

struct Segmenter::Impl {
  std::vector<HeaderPattern> talks, keynotes, days;
  std::vector<HeaderPattern> event_talks;  // talks only where an event is named (or a speaker line follows)
  // The [section not_heading] patterns in two runs: those anchored at the line's start, whose DFA
  // stops at the first character none can take, and the others, asked first (null when there are
  // none of a kind). One alternation of all ~45 shipped ones cost ~3,900 instructions a line on
  // c20, the two runs ~3,100.
  std::unique_ptr<RE2> not_heading_start, not_heading_rest;
  bool HasNotHeading() const { return not_heading_start || not_heading_rest; }
  bool IsNotHeading(std::string_view text) const {
    return (not_heading_rest && RE2::PartialMatch(text, *not_heading_rest)) ||
           (not_heading_start && RE2::PartialMatch(text, *not_heading_start));
  }
  // From the [section not_heading] patterns: a line ending like a sentence ("[。．!？]\s*$") is
  // told by its last character, without the regex.
  LineStartGate not_heading_gate;
  std::unique_ptr<RE2> bullet;
  LineStartGate bullet_gate;  // from the [section bullet] patterns, each anchored at the start or given .*?
  std::unique_ptr<RE2> speaker;  // a line naming a talk's speaker: the heading above it is a talk
  // A catalog's "Session ID: SVS401" field, by the labels of the [section session_id] rules.
  SessionIdField session_id;
  // A code-shaped identifier that is no session code ("SHA-256", "COVID-19"): a header pattern
  // whose `code` it matches in full does not match.
  std::unique_ptr<RE2> not_code;
  // A line that is a task, not a talk ("OPS-123 ログイン不具合の修正", "ENG-12 Fix flaky tests"): no header
  // pattern matches it, and unless marked (## …) it is no heading either.
  std::unique_ptr<RE2> not_talk;
  // Characters the not_talk patterns need (the '-' of "OPS-123"): most header lines hold none.
  RequiredCharacters not_talk_gate;
  bool IsNotTalk(std::string_view text) const {
    return not_talk && not_talk_gate.MayMatch(text) && RE2::PartialMatch(text, *not_talk);
  }
  std::vector<EventPattern> events;
  // talks, keynotes and days, in that order; and the events. Null when there is no such pattern;
  // `sets_ok` is false when one could not be compiled.
  std::unique_ptr<RE2::Set> header_set, event_set;
  bool sets_ok = false;
  // The first characters (after white space) a header can start with: most lines cannot be one.
  LineStartGate header_gate;
  // Characters every event pattern needs ("20" of a year): most lines hold none of some of them.
  RequiredCharacters event_gate;
  // The literals the event patterns need ("invent", "summit", "勉強会"), asked of a line whose
  // characters let some pattern through: most such lines (dates, times) hold none.
  std::unique_ptr<PatternPrefilter> event_prefilter;

  // Returns true and fills `span` when a header pattern of `patterns` matches `line`.
  bool MatchHeader(const std::vector<HeaderPattern>& patterns, const LineView& line, SectionSpan& span) const;
  bool MatchOne(const HeaderPattern& p, const LineView& line, SectionSpan& span) const;
  // Same, for the one pattern the line set found (index into `patterns`, or -1 for none).
  bool MatchHeaderAt(const std::vector<HeaderPattern>& patterns, int index, const LineView& line,
                     SectionSpan& span) const;
  // Runs the line sets on `line` (the event set only `with_events`); returns false when a set
  // cannot tell (then match one by one).
  bool Hits(std::string_view line, bool with_events, LineHits& hits) const;
  // Sets `event` to the first event pattern that matches `line` (left as it is when none does);
  // returns false when the event set cannot tell.
  bool FirstEvent(std::string_view line, int& event) const;
  void CompileLineSets();
  // A line the bullet gate decides by its mark is one (asked first: most lines of notes are
  // bullets, and a pattern matches such a line, so the gate would let it through); one it turns
  // away is none.
  bool IsBullet(const LineView& line) const {
    if (!bullet) return false;
    if (bullet_gate.Decides(line.text)) return true;
    return bullet_gate.MayMatch(line.text) && RE2::PartialMatch(line.text, *bullet);
  }
  bool IsHeadingCandidate(const LineView& line) const;
  // Whether a talk or keynote pattern matches `line`; by the header hits of the line set (`hits`,
  // `told` as Hits returned them without events) unless the set cannot tell. No captures: only the
  // answer is needed.
  bool IsTalkOrKeynoteHeader(const LineView& line, const LineHits& hits, bool told) const {
    if (told) return (hits.talk >= 0 || hits.keynote >= 0 || hits.event_talk >= 0) && !IsNotTalk(line.text);
    SectionSpan span;
    return MatchHeader(talks, line, span) || MatchHeader(keynotes, line, span) || MatchHeader(event_talks, line, span);
  }
};

bool Segmenter::Impl::MatchHeader(const std::vector<HeaderPattern>& patterns, const LineView& line,
                                  SectionSpan& span) const {
  for (const HeaderPattern& p : patterns) {
    if (MatchOne(p, line, span)) return true;
  }
  return false;
}

bool Segmenter::Impl::MatchOne(const HeaderPattern& p, const LineView& line, SectionSpan& span) const {
  std::string_view code, title;
  if (!p.captures->Match(line.text, code, title)) return false;
  if (not_code && code.data() != nullptr && RE2::FullMatch(code, *not_code)) return false;
  if (IsNotTalk(line.text)) return false;
  const auto offset = [&](std::string_view piece) {
    return line.norm_begin + static_cast<std::size_t>(piece.data() - line.text.data());
  };
  const std::string_view whole = TrimAscii(line.text);
  if (title.data() != nullptr) title = TrimAscii(title);
  if (title.empty() || title.data() == nullptr) title = whole;
  span.title_begin = offset(title);
  span.title_end = span.title_begin + title.size();
  if (code.data() != nullptr) {
    span.code_begin = offset(code);
    span.code_end = span.code_begin + code.size();
  }
  return true;
}

bool Segmenter::Impl::MatchHeaderAt(const std::vector<HeaderPattern>& patterns, int index, const LineView& line,
                                    SectionSpan& span) const {
  if (index < 0) return false;
  // The set names the first pattern that matches; should its code be no session code, the
  // patterns after it are tried as MatchHeader would.
  for (std::size_t i = static_cast<std::size_t>(index); i < patterns.size(); ++i) {
    if (MatchOne(patterns[i], line, span)) return true;
    if (!not_code) break;
  }
  return false;
}

namespace {

// Returns true when `line` (trimmed) leaves its clause for the next line to finish: it ends with a
// comma or with けど ("EKS を検討してるけど" / "まだ決まってない"; けれど, けども, けれども too).
bool LeavesClauseOpen(std::string_view line) {
  constexpr std::string_view kOpenEnds[] = {"、", ",", "けど", "けれど", "けども", "けれども"};
  return std::any_of(std::begin(kOpenEnds), std::end(kOpenEnds), [&](std::string_view end) { return line.ends_with(end); });
}

// Returns `pattern` as it is when it is anchored at the start, else behind a lazy "(?s:.*?)": the
// form the header set and the line start gates read.
std::string AtLineStart(const std::string& pattern) {
  return AnchoredAt(pattern, RegexEdge::kStart) ? pattern : "(?s:.*?)(?:" + pattern + ")";
}

// Compiles `patterns` into one set; null when there are none. Sets `ok` to false on a failure.
std::unique_ptr<RE2::Set> CompileSet(const std::vector<std::string>& patterns, RE2::Anchor anchor, bool& ok) {
  if (patterns.empty()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, anchor);
  for (const std::string& pattern : patterns) ok = ok && set->Add(pattern, nullptr) >= 0;
  if (!ok || !set->Compile()) {
    ok = false;
    return nullptr;
  }
  return set;
}

// Runs `set` on `line`, calling `hit(index)` for each pattern that matches; returns false when
// the set cannot tell. A missing set matches nothing. With `ask_first`, whether anything matches
// is asked first: without a list of indices RE2 allocates nothing and may stop at the first
// match, which pays where most lines match nothing anywhere (events). The header set's patterns
// all end with the line, so it reads every line it is asked about to the end either way, and a
// line its gate lets through matches often: one run with the list is cheaper.
template <typename Hit>
bool MatchSet(const RE2::Set* set, std::string_view line, bool ask_first, Hit&& hit) {
  if (set == nullptr) return true;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (ask_first && !set->Match(line, nullptr, &error)) return error.kind == RE2::Set::kNoError;
  thread_local std::vector<int> matched;
  matched.clear();
  if (!set->Match(line, &matched, &error)) return error.kind == RE2::Set::kNoError;
  for (const int m : matched) hit(m);
  return true;
}

}  // namespace

void Segmenter::Impl::CompileLineSets() {
  std::vector<std::string> headers, event_patterns;
  for (const auto* group : {&talks, &keynotes, &days, &event_talks}) {
    for (const HeaderPattern& p : *group) {
      const std::string& pattern = p.captures->regex().pattern();
      headers.push_back(AtLineStart(pattern));
    }
  }
  for (const EventPattern& e : events) event_patterns.push_back(e.regex->pattern());
  bool ok = true;
  header_set = CompileSet(headers, RE2::ANCHOR_START, ok);
  header_gate = LineStartGate::Derive(headers);
  event_set = CompileSet(event_patterns, RE2::UNANCHORED, ok);
  event_gate = RequiredCharacters::Derive(event_patterns);
  if (!event_patterns.empty() && event_patterns.size() <= 64) {
    event_prefilter = PatternPrefilter::Build(event_patterns, RE2::Options().max_mem());
  }
  sets_ok = ok;
}

bool Segmenter::Impl::Hits(std::string_view line, bool with_events, LineHits& hits) const {
  hits = LineHits();
  if (!sets_ok) return false;
  const int t = static_cast<int>(talks.size());
  const int k = t + static_cast<int>(keynotes.size());
  const int d = k + static_cast<int>(days.size());
  const auto first = [](int& slot, int value) {
    if (slot < 0 || value < slot) slot = value;
  };
  const RE2::Set* headers = header_gate.MayMatch(line) ? header_set.get() : nullptr;
  const bool told = MatchSet(headers, line, false, [&](int m) {
                      if (m < t) first(hits.talk, m);
                      else if (m < k) first(hits.keynote, m - t);
                      else if (m < d) first(hits.day, m - k);
                      else first(hits.event_talk, m - d);
                    }) &&
                    (!with_events || FirstEvent(line, hits.event));
  if (!told) hits = LineHits();
  return told;
}

bool Segmenter::Impl::FirstEvent(std::string_view line, int& event) const {
  const std::uint64_t may = events.size() <= 64 ? event_gate.MayMatchWhich(line) : ~std::uint64_t{0};
  if (may == ~std::uint64_t{0}) {
    return MatchSet(event_gate.MayMatch(line) ? event_set.get() : nullptr, line, true, [&](int m) {
      if (event < 0 || m < event) event = m;
    });
  }
  // The few patterns the line holds the characters of, alone and in order: the first that matches
  // is the set's first, without the set's large DFA.
  std::uint64_t allowed = may;
  if (allowed != 0 && event_prefilter) {
    std::uint64_t candidates = 0;
    for (const int id : event_prefilter->Candidates(line)) candidates |= std::uint64_t{1} << id;
    allowed &= candidates;
  }
  for (std::uint64_t rest = allowed; rest != 0; rest &= rest - 1) {
    const auto e = static_cast<std::size_t>(std::countr_zero(rest));
    if (e < events.size() && events[e].regex->Match(line, 0, line.size(), RE2::UNANCHORED, nullptr, 0)) {
      event = static_cast<int>(e);
      break;
    }
  }
  return true;
}

bool Segmenter::Impl::IsHeadingCandidate(const LineView& line) const {
  const std::string_view text = TrimAscii(line.text);
  if (text.empty() || !HasLetter(text)) return false;
  // A line the author marked as a heading (##, ■) is one, however it ends ("… (Upbound)").
  if (HeadingLevel(text) > 0) return !LongerThan(text, kMaxMarkedHeadingCodePoints);
  if (IsBullet(line)) return false;  // first: most lines are bullets, told by their mark
  // An indented line is a list item or a toggle's line: Scrapbox (Cosense) indents items with blanks.
  if (text.data() != line.text.data()) return false;
  // a numbered outline's heading ("2.3 Cost optimization with …") may be as long as a marked one
  if (LongerThan(text, kMaxHeadingCodePoints) &&
      (!OpensWithOutlineNumber(text) || LongerThan(text, kMaxMarkedHeadingCodePoints))) {
    return false;
  }
  if (HasNotHeading() && (not_heading_gate.DecidesAtEnd(text) || IsNotHeading(text))) return false;
  // a catalog's "Session ID: SVS401" gives its code to the title above it, whatever the rules say
  if (session_id.MayBeField(text) && session_id.Code(text)) return false;
  return !IsNotTalk(text);
}

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

bool Segmenter::HandlesBlockKind(std::string_view kind) { return kind == "section" || kind == "event"; }

std::unique_ptr<Segmenter> Segmenter::Compile(const std::vector<RuleBlock>& blocks,
                                              std::vector<RuleDiagnostic>& diagnostics) {
  auto segmenter = std::unique_ptr<Segmenter>(new Segmenter());
  Impl& impl = *segmenter->impl_;
  bool failed = false;
  std::string bullet, speaker, not_code, not_talk;
  std::vector<std::string> bullets;  // each bullet pattern, as the line start gate reads it
  std::vector<std::string> not_headings, not_talks;
  const auto compile = [&](const RuleLine& line, const std::string& pattern) -> std::unique_ptr<RE2> {
    auto regex = std::make_unique<RE2>(pattern, RE2::Quiet);
    if (!regex->ok()) {
      diagnostics.push_back({line.where, "bad pattern '" + pattern + "': " + regex->error(), true});
      failed = true;
      return nullptr;
    }
    if (RE2::FullMatch("", *regex)) {
      diagnostics.push_back({line.where, "pattern '" + pattern + "' matches the empty string", true});
      failed = true;
      return nullptr;
    }
    return regex;
  };
  // One regex for a family's patterns: each line a group of the alternation.
  const auto append_alternative = [](std::string& into, const std::string& pattern) {
    if (!into.empty()) into += '|';
    into += "(?:" + pattern + ")";
  };
  const auto alternate = [&](std::string& into, const RuleLine& line) {
    if (compile(line, line.text)) append_alternative(into, line.text);
  };
  for (const RuleBlock& block : blocks) {
    if (block.kind == "event") {
      for (const RuleLine& line : block.lines) {
        const std::size_t arrow = line.text.find("=>");
        if (arrow == std::string::npos) {
          diagnostics.push_back({line.where, "event rule needs 'PATTERN => NAME'", true});
          failed = true;
          continue;
        }
        const std::string pattern(TrimAscii(std::string_view(line.text).substr(0, arrow)));
        EventPattern event;
        event.name_template = std::string(TrimAscii(std::string_view(line.text).substr(arrow + 2)));
        event.regex = compile(line, pattern);
        if (event.regex) impl.events.push_back(std::move(event));
      }
      continue;
    }
    if (block.kind != "section") continue;
    const std::string& kind = block.argument;
    // not_heading lines are joined below, in two runs by where they are anchored.
    if (kind == "not_heading") {
      for (const RuleLine& line : block.lines) {
        if (compile(line, line.text)) not_headings.push_back(line.text);
      }
      continue;
    }
    if (kind == "session_id") {
      failed |= !impl.session_id.AddLabels(block, diagnostics);
      continue;
    }
    if (kind == "bullet" || kind == "speaker" || kind == "not_code" || kind == "not_talk") {
      for (const RuleLine& line : block.lines) {
        alternate(kind == "bullet"     ? bullet
                  : kind == "speaker"  ? speaker
                  : kind == "not_code" ? not_code
                                       : not_talk,
                  line);
        if (kind == "bullet") bullets.push_back(AtLineStart(line.text));
        if (kind == "not_talk") not_talks.push_back(line.text);
      }
      continue;
    }
    std::vector<HeaderPattern>* target = kind == "talk" ? &impl.talks : kind == "keynote" ? &impl.keynotes
                                         : kind == "day" ? &impl.days
                                         : kind == "event_talk" ? &impl.event_talks : nullptr;
    if (!target) {
      diagnostics.push_back({block.where, "unknown section kind '" + kind +
                                              "' (expected talk, keynote, day, event_talk, not_heading, not_code, not_talk, bullet, speaker or session_id)", true});
      failed = true;
      continue;
    }
    for (const RuleLine& line : block.lines) {
      std::unique_ptr<RE2> regex = compile(line, line.text);
      if (!regex) continue;
      target->push_back(HeaderPattern{std::make_unique<HeaderCaptures>(std::move(regex))});
    }
  }
  if (!bullet.empty()) impl.bullet = std::make_unique<RE2>(bullet, RE2::Quiet);
  impl.bullet_gate = LineStartGate::Derive(bullets);
  impl.not_heading_gate = LineStartGate::Derive(not_headings);
  {
    std::string start, rest;
    for (const std::string& p : not_headings) append_alternative(AnchoredAt(p, RegexEdge::kStart) ? start : rest, p);
    if (!start.empty()) impl.not_heading_start = std::make_unique<RE2>(start, RE2::Quiet);
    if (!rest.empty()) impl.not_heading_rest = std::make_unique<RE2>(rest, RE2::Quiet);
  }
  if (!speaker.empty()) impl.speaker = std::make_unique<RE2>(speaker, RE2::Quiet);
  if (!not_code.empty()) impl.not_code = std::make_unique<RE2>(not_code, RE2::Quiet);
  if (!not_talk.empty()) impl.not_talk = std::make_unique<RE2>(not_talk, RE2::Quiet);
  impl.not_talk_gate = RequiredCharacters::Derive(not_talks);
  if (failed) return nullptr;
  impl.CompileLineSets();
  return segmenter;
}

std::vector<LineView> SplitLines(std::string_view normalized) {
  std::vector<LineView> lines;
  std::size_t number = 0;
  for (const TextLine& line : LineWalk(normalized)) lines.push_back({++number, line.begin, line.end, line.text});
  return lines;
}

Segmentation Segmenter::Segment(const std::vector<LineView>& lines) const {
  const Impl& impl = *impl_;
  Segmentation result;
  bool inside_talk = false;
  TalkEnd talk_end = TalkEnd::kByProse;
  std::size_t talk_level = 0;  // the heading level of the talk's own header (kAtOwnLevel)
  // The indentation of the toggle ("▶ Title") that opened the talk, npos when none did: lines
  // indented deeper are the toggle's, a toggle as shallow ends the talk.
  std::size_t toggle_indent = std::string_view::npos;
  // Underlined titles (setext, reStructuredText: "Title" over "====="), found below; their
  // adornment lines are layout, passed over like blank lines.
  SetextHeadings setext;
  // Asked of some lines twice (see LineMemo): on their own turn and by the speaker search above.
  LineMemo<HeaderHits> header_memo(lines.size());
  const auto candidate = [&](std::size_t k) { return setext.level[k] > 0 || impl.IsHeadingCandidate(lines[k]); };
  const auto header_hits_of = [&](std::size_t k) {
    return header_memo.Get(k, [&] {
      HeaderHits h;
      h.told = impl.Hits(lines[k].text, false, h.hits);
      return h;
    });
  };
  const auto next_nonblank = [&](std::size_t i) -> const LineView* {
    for (std::size_t k = i + 1; k < lines.size(); ++k) {
      if (!TrimAscii(lines[k].text).empty() && !setext.adornment[k]) return &lines[k];
    }
    return nullptr;
  };
  // Each session catalog's "Session ID: SVS401" line (most notes have none), by the index of the
  // non-blank line above it, with its code as offsets into the normalized text: found in one pass,
  // as few lines open with the labels' letters.
  std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>> session_codes;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (!impl.session_id.MayBeField(lines[k].text)) continue;
    const auto code = impl.session_id.Code(lines[k].text);
    if (!code) continue;
    std::size_t above = k - 1;
    while (above > 0 && TrimAscii(lines[above].text).empty()) --above;
    if (TrimAscii(lines[above].text).empty()) continue;
    const std::size_t begin = lines[k].norm_begin + code->first;
    session_codes.push_back({above, {begin, begin + code->second}});
  }

  // The code of the "Session ID" field right under line `i`, when line `i` may be a session's title
  // there (not a list item, an indented line, a line too long for a marked heading or such a field
  // itself): the title of a talk with that code.
  const auto session_code_below = [&](std::size_t i) -> std::optional<std::pair<std::size_t, std::size_t>> {
    if (session_codes.empty()) return std::nullopt;
    const auto at = std::lower_bound(session_codes.begin(), session_codes.end(), i,
                                     [](const auto& entry, std::size_t line) { return entry.first < line; });
    if (at == session_codes.end() || at->first != i) return std::nullopt;
    const std::string_view text = TrimAscii(lines[i].text);
    if (text.data() != lines[i].text.data() || !HasLetter(text) || impl.IsBullet(lines[i]) ||
        LongerThan(text, kMaxMarkedHeadingCodePoints) || impl.session_id.Code(text)) {
      return std::nullopt;
    }
    return at->second;
  };
  // A line naming a speaker among the first kSpeakerWindow non-blank lines after heading `i`; the
  // search stops earlier at anything that may be a heading (a marked heading, a short line that is
  // no bullet), so a later talk's speaker is not taken, and a speaker line indented under a bullet
  // before it speaks for that bullet ("- Talk 1: …" / "  - 登壇者: …"), not for the heading.
  const auto speaker_line_follows = [&](std::size_t i) {
    std::size_t seen = 0;
    std::size_t least_indent = std::string_view::npos;
    for (std::size_t k = i + 1; k < lines.size() && seen < kSpeakerWindow; ++k) {
      const std::string_view text = lines[k].text;
      const std::size_t indent = text.find_first_not_of(" \t");
      if (indent == std::string_view::npos || setext.adornment[k]) continue;
      if (RE2::PartialMatch(text, *impl.speaker)) return seen == 0 || indent <= least_indent;
      if (candidate(k)) return false;
      // a talk's or a keynote's own header, however long ("[SVS401] Best practices for serverless
      // developers"): the speaker after it is that talk's, not the document title's above
      const HeaderHits h = header_hits_of(k);
      if (impl.IsTalkOrKeynoteHeader(lines[k], h.hits, h.told)) return false;
      least_indent = std::min(least_indent, indent);
      ++seen;
    }
    return false;
  };
  // Lines of a fenced code block (``` or ~~~ up to the next fence; an unclosed fence marks
  // nothing): config and commands, never headings ("apiVersion: karpenter.sh/v1", "kind: NodePool").
  std::vector<bool> in_code(lines.size(), false);
  const auto is_fence = [&](std::size_t k) {
    const std::string_view t = TrimAscii(lines[k].text);
    return t.starts_with("```") || t.starts_with("~~~");
  };
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!is_fence(k)) continue;
    std::size_t close = k + 1;
    while (close < lines.size() && !is_fence(close)) ++close;
    if (close == lines.size()) break;
    for (std::size_t m = k; m <= close; ++m) {
      in_code[m] = true;
      result.code_lines.push_back(lines[m].number);
    }
    k = close;
  }
  const std::size_t front_end = FrontMatterEnd(lines);
  // An underlined title is a marked heading: not a list item, code, a front matter field or an
  // indented line, and no longer than a marked heading may be; over "---", which also draws a rule,
  // nothing a [section not_heading] rule turns away ("published: false" over a front matter's fence).
  setext = FindSetextHeadings(lines, [&](std::size_t k, char under) {
    const std::string_view text = lines[k].text;
    if (under == '-' && impl.IsNotHeading(text)) return false;
    return k >= front_end && !in_code[k] && HasLetter(text) && !impl.IsBullet(lines[k]) &&
           TrimAscii(text).data() == text.data() && HeadingLevel(text) == 0 &&
           !LongerThan(text, kMaxMarkedHeadingCodePoints);
  });
  const LineView* previous = nullptr;  // previous non-blank line
  // The event: the first event pattern (in rule order) that matches any line, at its first line;
  // but an event the title names is the document's ("【登壇レポート】JAWS-UG 名古屋 #12 …" over a
  // closing "次回は JAWS DAYS 2026 でも"). The title is the first line of text (a front matter's
  // "title:" after its fence; a front matter without one, as Obsidian writes it, is passed).
  int event_pattern = -1;
  const LineView* event_line = nullptr;
  bool events_by_set = true;
  bool title_seen = false, title_event = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineView& line = lines[i];
    const std::string_view trimmed = TrimAscii(line.text);
    const bool with_events = event_pattern != 0 && !title_event;
    if (trimmed.empty() && !with_events) continue;  // a blank line opens nothing
    // Hits(line.text, with_events, hits), its header part as the memo has it.
    const HeaderHits own = header_hits_of(i);
    LineHits hits = own.hits;
    const bool by_set = own.told && (!with_events || impl.FirstEvent(line.text, hits.event));
    if (!by_set) hits = LineHits();
    events_by_set &= by_set;
    if (hits.event >= 0 && (event_pattern < 0 || hits.event < event_pattern)) {
      event_pattern = hits.event;
      event_line = &line;
    }
    if (!title_seen && !trimmed.empty() && trimmed != "---" && trimmed != "+++" &&
        (i >= front_end || trimmed.starts_with("title"))) {
      title_seen = true;
      title_event = hits.event >= 0 && by_set;
    }
    if (trimmed.empty() || setext.adornment[i]) continue;
    if (in_code[i]) {
      previous = &line;
      continue;
    }
    SectionSpan span;
    span.line = line.number;
    span.title_begin = line.norm_begin + static_cast<std::size_t>(trimmed.data() - line.text.data());
    span.title_end = span.title_begin + trimmed.size();
    const std::size_t text_begin = span.title_begin;
    const std::size_t indent = static_cast<std::size_t>(trimmed.data() - line.text.data());
    // A Notion toggle's title is read as a header from its "▶" on ("- ▶ DAT303 - Title" as
    // "▶ DAT303 - Title"): the rules allow ▶ where they allow ■, and the set is asked again
    // for the line without the list mark its gate turns away.
    const std::size_t toggle = ToggleMark(line.text, indent);
    LineView header_line = line;
    bool headers_by_set = by_set;
    // The header hits of the line as the header rules read it (header_line), its event kept.
    const auto read_header_hits = [&] {
      LineHits header_hits;
      headers_by_set = impl.Hits(header_line.text, false, header_hits);
      header_hits.event = hits.event;
      hits = header_hits;
    };
    if (toggle != std::string_view::npos && toggle > indent) {
      header_line.norm_begin += toggle;
      header_line.text = line.text.substr(toggle);
      read_header_hits();
    }
    // An underlined title is read by the header rules as the heading it is, marked with as many
    // "#" as its level ("BRK2-045 Title" over "=====" as "# BRK2-045 Title"); the span's offsets
    // are moved back by the marks' length (unsigned arithmetic wraps back for a title at offset 0).
    // Markdown has six levels: a title deeper than that gets six marks, as the header rules read.
    std::string setext_header;
    if (setext.level[i] > 0) {
      setext_header.assign(std::min<std::size_t>(setext.level[i], 6), '#');
      setext_header += ' ';
      setext_header += trimmed;
      header_line.text = setext_header;
      header_line.norm_begin = span.title_begin - (setext_header.size() - trimmed.size());
      read_header_hits();
    }
    const auto header_into = [&](const std::vector<HeaderPattern>& patterns, int hit, SectionSpan& into) {
      return headers_by_set ? impl.MatchHeaderAt(patterns, hit, header_line, into)
                            : impl.MatchHeader(patterns, header_line, into);
    };
    const auto header = [&](const std::vector<HeaderPattern>& patterns, int hit) { return header_into(patterns, hit, span); };
    // An event talk's header counts after the document has named its event, or over a speaker line.
    const auto event_talk = [&] {
      if (headers_by_set && hits.event_talk < 0) return false;
      SectionSpan probe = span;
      if (!header_into(impl.event_talks, hits.event_talk, probe)) return false;
      if (event_pattern < 0 && !(impl.speaker && speaker_line_follows(i))) return false;
      span = probe;
      return true;
    };
    bool opens = false;
    bool found_heading = false;  // a heading found without a rule (not a header or a day)
    bool toggle_title = false;   // a toggle opened no header: its title is its text after ▶
    // A talk ends as its header says: a toggle's at any marked heading, a marked one's at one as high.
    const auto set_talk_end = [&](std::size_t own_level, bool by_toggle) {
      talk_level = own_level;
      talk_end = by_toggle ? TalkEnd::kAtAnyMarkedHeading : own_level > 0 ? TalkEnd::kAtOwnLevel : TalkEnd::kByProse;
      toggle_indent = by_toggle ? indent : std::string_view::npos;
      if (talk_end == TalkEnd::kByProse) {
        if (const std::size_t depth = OutlineDepth(trimmed); depth > 0) {
          talk_end = TalkEnd::kAtOutlineDepth;
          talk_level = depth;
        }
      }
    };
    const auto open_talk = [&](std::size_t own_level) {
      opens = inside_talk = true;
      set_talk_end(own_level, toggle != std::string_view::npos);
    };
    std::size_t marker = 0;
    const std::size_t level = setext.level[i] > 0 ? setext.level[i] : HeadingLevel(line.text, &marker);
    if (toggle != std::string_view::npos) marker = toggle + kToggleMark.size();
    // Lines indented under the toggle that opened the talk are its own.
    const bool in_toggle = inside_talk && toggle_indent != std::string_view::npos && indent > toggle_indent;
    // A line a keynote rule names is a keynote, though a talk rule fits it too ("## Keynote:
    // Name (VP of X, AWS)" has a talk's speaker in parentheses).
    if (header(impl.keynotes, hits.keynote)) {
      span.kind = SectionKind::kKeynote;
      open_talk(level);
    } else if (header(impl.talks, hits.talk) || event_talk()) {
      span.kind = SectionKind::kTalk;
      open_talk(level);
    } else if (const auto code = session_code_below(i)) {
      span.kind = SectionKind::kTalk;
      span.code_begin = code->first;
      span.code_end = code->second;
      open_talk(level);
    } else if (header(impl.days, hits.day)) {
      opens = true;
      inside_talk = false;
    } else if (result.sections.empty()) {
      opens = true;
      found_heading = candidate(i);  // a title over "ゲスト: …" is the guest's talk
    } else if (toggle != std::string_view::npos) {
      // Any other toggle is a list item ("▶ サマリー" over indented bullets), unless a speaker
      // line follows it ("▶ 監視の話" / "    登壇者: …": a talk) or it is as shallow as the toggle
      // that opened the talk (a sibling: it ends the talk as a heading of the same level would).
      if (in_toggle) {
      } else if (impl.speaker && speaker_line_follows(i)) {
        span.kind = SectionKind::kTalk;
        open_talk(level);
        toggle_title = true;
      } else if (inside_talk && toggle_indent != std::string_view::npos) {
        opens = toggle_title = true;
        inside_talk = false;
      }
    } else if (in_toggle) {
      // the toggle's own lines: none opens a section
    } else if (candidate(i)) {
      found_heading = true;
      const std::string_view before = previous ? TrimAscii(previous->text) : std::string_view();
      // the last line of a post in a copied thread, over its counter ("…250万ジョブ 😳" / "2/12"), is
      // no title either: an unmarked line only
      const LineView* after = level == 0 ? next_nonblank(i) : nullptr;
      const bool continues_sentence = LeavesClauseOpen(before) || (after != nullptr && IsThreadCounter(after->text));
      // Under a talk whose header is marked (##, ■), a heading marked as high ends the talk and a
      // deeper one is its sub-heading, prose under it or not, unless a speaker line makes it a
      // talk of its own; under a toggle every marked heading ends it; under an unmarked header
      // the rule below decides.
      // under a talk whose header opens with an outline number, a numbered heading's depth is its level
      const std::size_t depth = talk_end == TalkEnd::kAtOutlineDepth && level == 0 ? OutlineDepth(trimmed) : 0;
      const bool ends_talk = (level > 0 && (talk_end == TalkEnd::kAtAnyMarkedHeading ||
                                            (talk_end == TalkEnd::kAtOwnLevel && level <= talk_level))) ||
                             (depth > 0 && depth <= talk_level);
      const bool sub_heading = (level > 0 && talk_end == TalkEnd::kAtOwnLevel && level > talk_level) || depth > talk_level;
      if (!continues_sentence) {
        if (!inside_talk) {
          opens = true;
        } else if (ends_talk) {
          opens = true;
          inside_talk = false;
        } else if (sub_heading) {
          if (impl.speaker && speaker_line_follows(i)) {
            opens = true;
            inside_talk = false;
          }
        } else if (const LineView* next = next_nonblank(i);
                   next && !impl.IsBullet(*next) && !candidate(static_cast<std::size_t>(next - lines.data()))) {
          opens = true;
          inside_talk = false;
        }
      }
    }
    if (opens && ((span.kind == SectionKind::kOther && level > 0) || toggle_title)) {
      // A heading's title is its text without the marker (#s, ■, ▶).
      const std::string_view heading = TrimAscii(line.text.substr(marker));
      span.title_begin = line.norm_begin + static_cast<std::size_t>(heading.data() - line.text.data());
      span.title_end = span.title_begin + heading.size();
    }
    if (opens && found_heading && impl.speaker) {
      // A heading whose next line names a speaker ("### Title" over "**Speaker:** …") is a talk,
      // also when a few bullets come first, as in a slide outline ("- アジェンダ" / "- 発表者: …").
      if (speaker_line_follows(i)) {
        span.kind = SectionKind::kTalk;
        inside_talk = true;
        set_talk_end(level, false);
      }
    }
    // The marks given to an underlined title are not text of the note: a title read into them (a
    // rule without a title group names the whole line) starts where the line's text does.
    if (setext.level[i] > 0) {
      const auto before_text = [&](std::size_t offset) { return static_cast<std::ptrdiff_t>(offset - text_begin) < 0; };
      if (before_text(span.title_begin)) span.title_begin = text_begin;
      if (before_text(span.title_end)) span.title_end = text_begin;
    }
    if (opens) {
      if (!result.sections.empty()) result.sections.back().end_line = line.number - 1;
      result.sections.push_back(span);
    }
    previous = &line;
  }
  if (!result.sections.empty()) {
    result.sections.back().end_line = lines.back().number;
    result.title_begin = result.sections.front().title_begin;
    result.title_end = result.sections.front().title_end;
  }
  const std::size_t event_count = events_by_set && event_pattern < 0 ? 0 : impl.events.size();
  for (std::size_t e = 0; e < event_count; ++e) {
    // With the set's answer, only the pattern it found is tried, on the line it found; should its
    // name come out empty, the patterns after it are tried one by one as before.
    if (events_by_set && static_cast<int>(e) < event_pattern) continue;
    if (events_by_set && static_cast<int>(e) > event_pattern) events_by_set = false;
    if (events_by_set && static_cast<int>(e) != event_pattern) continue;
    const EventPattern& event = impl.events[e];
    const auto& names = event.regex->NamedCapturingGroups();
    const int groups = event.regex->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> found(static_cast<std::size_t>(groups));
    for (const LineView& line : lines) {
      if (events_by_set && &line != event_line) continue;
      if (!event.regex->Match(line.text, 0, line.text.size(), RE2::UNANCHORED, found.data(), groups)) continue;
      std::string name = event.name_template;
      for (const auto& [group, index] : names) {
        const std::string placeholder = "$" + group;
        const std::string value(found[static_cast<std::size_t>(index)]);
        // Search on after the inserted text: a value holding "$group" must not loop forever.
        for (std::size_t at = name.find(placeholder); at != std::string::npos;
             at = name.find(placeholder, at + value.size())) {
          name.replace(at, placeholder.size(), value);
        }
      }
      result.event = name;
      break;
    }
    if (!result.event.empty()) break;
  }
  return result;
}

}  // namespace kgx
