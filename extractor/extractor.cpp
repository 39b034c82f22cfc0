// The per-document pipeline (see extractor.h). Matching happens on normalized text; spans are
// turned into original offsets and text only here, at the edge.
#include "extractor/extractor.h"

#include <algorithm>
#include <map>
#include <memory_resource>
#include <optional>
#include <set>
#include <span>
#include <tuple>

#include "extractor/attendee_table.h"
#include "extractor/front_matter.h"
#include "extractor/mail_header.h"
#include "extractor/heading_markup.h"
#include "extractor/latin_word.h"
#include "extractor/normalizer.h"
#include "extractor/org_markup.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/japanese_name_spacing.h"
#include "extractor/handle_partner.h"
#include "extractor/romanized_names.h"
#include "extractor/quantity_measures.h"
#include "extractor/slug.h"
#include "extractor/span_mapper.h"
#include "extractor/stage_times.h"
#include "extractor/surname_mentions.h"
#include "extractor/text_util.h"
#include "extractor/url_spans.h"
#include "extractor/wiki_markup.h"

namespace kgx {

namespace {

// Evidence lines are cut: a mention's context at kMaxContext bytes and a relation's text at
// kMaxRelationText, each a window around what it is evidence for; titles at kMaxLineEvidence. A
// huge line is never copied per match nor into every node of the graph, and a line listing a
// million names writes a million short records, not a million copies of the line.
constexpr std::size_t kMaxContext = 240;
constexpr std::size_t kMaxRelationText = 480;
constexpr std::size_t kMaxLineEvidence = 4096;

std::size_t SectionOfLine(const std::vector<Section>& sections, std::size_t line) {
  auto it = std::upper_bound(sections.begin(), sections.end(), line,
                             [](std::size_t l, const Section& s) { return l < s.line; });
  return it == sections.begin() ? 0 : static_cast<std::size_t>(std::prev(it) - sections.begin());
}

// A name found, as kept in the map of spans while names are found. A type of this file only: the
// map's code then stays this file's own, and GCC inlines its hot insert into Extract.
struct Found : FoundName {};

// "GKE Standard から GKE Autopilot へ移行": both ends are one entity (a product's editions are its
// aliases), so the move is no migration between entities; what it says is that the subject uses
// that entity. Turns a migrated_to X of a section (relations from `from` on) into uses X when the
// same line also gives migrated_from X with the same subject, which it drops (two lines may tell
// two moves: from X in a title, back to X below it). Once the section has told such a move, what it
// says the subject ran before ("元々は GKE Standard で…運用していた") is the old edition, still X:
// its migrated_from X is dropped too.
void FoldMovesWithinOneEntity(std::vector<Relation>& relations, std::size_t from) {
  const auto is = [](const Relation& r, std::string_view predicate) { return r.predicate == predicate; };
  if (std::none_of(relations.begin() + static_cast<std::ptrdiff_t>(from), relations.end(),
                   [&](const Relation& r) { return is(r, "migrated_to"); })) {
    return;
  }
  std::map<std::tuple<std::string, std::string, std::size_t>, std::size_t> sources;  // subject, object, line -> migrated_from
  for (std::size_t i = from; i < relations.size(); ++i) {
    if (is(relations[i], "migrated_from")) sources.emplace(std::tuple{relations[i].subject, relations[i].object, relations[i].line}, i);
  }
  std::vector<bool> dropped(relations.size(), false);
  std::set<std::pair<std::string, std::string>> folded;  // subject, object of a move within one entity
  for (std::size_t i = from; i < relations.size(); ++i) {
    if (!is(relations[i], "migrated_to")) continue;
    const auto source = sources.find({relations[i].subject, relations[i].object, relations[i].line});
    if (source == sources.end()) continue;
    relations[i].predicate = "uses";
    dropped[source->second] = true;
    sources.erase(source);
    folded.emplace(relations[i].subject, relations[i].object);
  }
  for (const auto& [key, index] : sources) {
    if (folded.count({std::get<0>(key), std::get<1>(key)}) > 0) dropped[index] = true;
  }
  std::size_t kept = from;
  for (std::size_t i = from; i < relations.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) relations[kept] = std::move(relations[i]);
    ++kept;
  }
  relations.resize(kept);
}

}  // namespace

DocumentResult Extractor::Extract(const SourceText& source) const {
  DocumentResult result;
  result.path = source.path;
  result.bytes = source.text.size();
  StageTimer timer(Stage::kNormalize);  // charged to each stage in turn, until the return
  NormalizedText normalized = Normalize(source.text);
  // An org note's headings, title, blocks and links are read as their Markdown would be.
  // So are the headings, lists and blocks of a note in another wiki markup (Textile, AsciiDoc, …).
  if (IsOrgDocument(source.path, source.text)) {
    RewriteOrgMarkup(normalized);
  } else if (const WikiDialect dialect = DetectWikiDialect(source.path, source.text); dialect != WikiDialect::kNone) {
    RewriteWikiMarkup(normalized, dialect);
  }
  const std::vector<LineView> lines = SplitLines(normalized.text);
  if (lines.empty()) return result;
  const SpanMapper map(source, normalized, lines);

  // Sections.
  timer.Switch(Stage::kSegment);
  const Segmentation segmentation = rules_.segmenter().Segment(lines);
  result.event = segmentation.event;
  if (segmentation.title_end > segmentation.title_begin) {
    const std::string_view title = map.OriginalView(segmentation.title_begin, segmentation.title_end);
    const std::size_t hashes = title.find_first_not_of('#');
    result.title = CutText(TrimAscii(title.substr(hashes == std::string::npos ? 0 : hashes)), kMaxLineEvidence);
  }
  // A front matter's title names the document and the section that opens with its "---".
  // So does a mail's subject, in a digest that keeps the mail's header ("From:" / "Subject:" …).
  std::optional<FrontMatterTitle> front_matter = FindFrontMatterTitle(lines);
  if (!front_matter) front_matter = FindMailSubject(lines);
  if (front_matter) result.title = CutText(TrimAscii(map.OriginalView(front_matter->begin, front_matter->end)), kMaxLineEvidence);
  for (const SectionSpan& span : segmentation.sections) {
    Section section;
    section.kind = span.kind;
    section.line = span.line;
    section.end_line = span.end_line;
    // A Scrapbox heading's brackets are markup: "[** オープニング]" is titled オープニング.
    section.title = CutText(StripScrapboxHeading(TrimAscii(map.OriginalView(span.title_begin, span.title_end))), kMaxLineEvidence);
    if (front_matter && span.line == lines.front().number) section.title = result.title;
    // A session code is an identifier: written as normalized, "Ｄ２－０３" is D2-03 and "dat303-r1"
    // is DAT303-R1 (as the title stays as written).
    if (span.code_end > span.code_begin) {
      section.code = AsciiUpperCopy(std::string_view(normalized.text).substr(span.code_begin, span.code_end - span.code_begin));
    }
    result.sections.push_back(std::move(section));
  }
  if (result.sections.empty()) return result;  // only blank lines
  // A front matter without a title (Obsidian: tags, aliases, dates) names no document: the first
  // section after it does ("# Microsoft Ignite 2025 Day 1"), not its opening "---".
  if (const std::size_t end = front_matter ? 0 : FrontMatterEnd(lines); end > 0) {
    const auto after = std::find_if(result.sections.begin(), result.sections.end(),
                                    [&](const Section& s) { return s.line > lines[end].number; });
    if (after != result.sections.end()) result.title = after->title;
    // Its own section holds only metadata about the document: like a titled front matter's, it is
    // named by the document's title, not by the "---" that opens it.
    if (result.sections.front().line == lines.front().number) result.sections.front().title = result.title;
  }

  // Entities: gazetteer matches, then discovered names and their later mentions.
  timer.Switch(Stage::kGazetteer);
  const Gazetteer& gazetteer = rules_.gazetteer();
  // Each entity id gets one slot in result.entities, in the order ids are first met. A listed
  // entity's slot is kept by its index (listed ids are unique, and a document meets the same
  // few hundred entities again and again); only discovered ids that no entity lists are keyed
  // by their text.
  constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
  std::vector<std::size_t> listed_slots(gazetteer.entities().size(), kNoSlot);
  std::map<std::string, std::size_t> unlisted_slots;  // discovered entity id -> slot
  const auto claim_slot = [&](std::size_t& slot, const Entity& entity) {
    if (slot == kNoSlot) {
      slot = result.entities.size();
      result.entities.push_back(entity);
    }
    return slot;
  };
  const auto listed_slot_of = [&](std::size_t listed) {
    return claim_slot(listed_slots[listed], gazetteer.entities()[listed]);
  };
  const auto discovered_slot_of = [&](const Entity& entity) {
    if (const auto listed = gazetteer.FindById(entity.id)) return claim_slot(listed_slots[*listed], entity);
    return claim_slot(unlisted_slots.emplace(entity.id, kNoSlot).first->second, entity);
  };
  // Listed and discovered spans are disjoint; kept by begin, every overlap test is a lookup
  // (a 100 MB line holds millions of them).
  // Their nodes come from one pool, freed with it: a document makes hundreds of thousands.
  std::pmr::monotonic_buffer_resource span_pool;
  std::pmr::map<std::size_t, Found> spans(&span_pool);
  // Names inside a web address ("https", "aws" in a link) or a session code ("【AWS-21】") are no
  // mentions.
  const std::vector<std::pair<std::size_t, std::size_t>> no_mention_spans = [&] {
    std::vector<std::pair<std::size_t, std::size_t>> excluded = UrlSpans(normalized.text);
    const std::size_t urls = excluded.size();
    for (const SectionSpan& span : segmentation.sections) {
      if (span.code_end > span.code_begin) excluded.emplace_back(span.code_begin, span.code_end);
    }
    if (excluded.size() > urls) std::sort(excluded.begin(), excluded.end());
    return excluded;
  }();
  const auto in_no_mention_span = [&](std::size_t begin, std::size_t end) {
    const auto after = std::upper_bound(no_mention_spans.begin(), no_mention_spans.end(), std::pair{begin, static_cast<std::size_t>(-1)});
    return after != no_mention_spans.begin() && std::prev(after)->second >= end;
  };
  // Discovery's atoms are found by the gazetteer's scan of the folded text (same offsets as the
  // text discovery reads) when its database holds them.
  thread_local std::vector<LiteralHit> atom_hits;
  const auto [alias_matches, atoms_found] = gazetteer.Scan(normalized, atom_hits);
  for (const AliasMatch& match : alias_matches) {
    if (!no_mention_spans.empty() && in_no_mention_span(match.begin, match.end)) continue;
    spans.emplace_hint(spans.end(), match.begin, Found{{match.begin, match.end, listed_slot_of(match.entity)}});
  }
  // Returns the first span overlapping [begin, end), or spans.end(); the spans after it overlap
  // too while they begin before `end`.
  const auto first_overlap = [&](std::size_t begin, std::size_t end) {
    auto it = spans.lower_bound(begin);
    if (it != spans.begin() && std::prev(it)->second.end > begin) --it;
    return it != spans.end() && it->first < end ? it : spans.end();
  };
  timer.Switch(Stage::kDiscovery);
  std::map<std::string, std::size_t> discovered_names;  // folded name -> entity slot
  // Adds a discovered name at [begin, end) of the normalized text unless a listed name it does
  // not strictly contain overlaps it (longest wins here too: "lambda-cron" over "lambda").
  const auto add_discovered = [&](std::size_t begin, std::size_t end, EntityType type) {
    if (!no_mention_spans.empty() && in_no_mention_span(begin, end)) return;
    bool blocked = false;
    const auto first = first_overlap(begin, end);
    auto last = first;
    for (; last != spans.end() && last->first < end; ++last) {
      const FoundName& f = last->second;
      blocked |= !(begin <= f.begin && f.end <= end && (f.end - f.begin) < (end - begin));
    }
    if (blocked) return;
    spans.erase(first, last);
    const std::string surface(normalized.text.substr(begin, end - begin));
    std::size_t slot;
    // A person named like a tool whose context failed here stays a person ("Kong さんの発表"): the
    // scan did not take the tool's name on this line. A company or a service personified ("AWS さん")
    // is still the listed one.
    const auto listed = gazetteer.FindNamed(surface);
    if (listed && !(type == EntityType::kPerson && listed->guarded &&
                    gazetteer.entities()[listed->entity].type == EntityType::kTechnology)) {
      slot = listed_slot_of(listed->entity);
    } else {
      Entity entity;
      entity.type = type;
      // Named as normalized (NFKC), as listed names are: "ﾌｸﾛｳﾃｯｸ" is フクロウテック, "Ｓｈｏｐｗａｖｅ" Shopwave.
      entity.name = std::string(TrimAscii(surface));
      entity.id = std::string(EntityTypeName(type)) + "/" + Slugify(surface);
      entity.discovered = true;
      slot = discovered_slot_of(entity);
    }
    spans.emplace(begin, Found{{begin, end, slot}});
    discovered_names.emplace(normalized.folded.substr(begin, end - begin), slot);
  };
  // The discovery patterns' atoms, found in the whole text at once rather than line by line.
  const TextAtoms discovery_atoms = atoms_found ? rules_.discovery().AtomsFrom(normalized.text, atom_hits)
                                          : rules_.discovery().FindAtoms(normalized.text);
  // A fenced code block quotes configuration and commands: the names it holds are mentions, but it
  // introduces no new name (`name: Foo - tool` is YAML) and states no relation.
  const std::vector<std::size_t>& code_lines = segmentation.code_lines;
  const auto is_code = [&](std::size_t number) {
    return !code_lines.empty() && std::binary_search(code_lines.begin(), code_lines.end(), number);
  };
  std::string_view previous;  // the non-blank line before, for a discovery block's @after
  for (const LineView& line : lines) {
    if (is_code(line.number)) continue;
    for (const DiscoveredName& name : rules_.discovery().Find(line.text, &discovery_atoms, previous)) {
      add_discovered(line.norm_begin + name.begin, line.norm_begin + name.end, name.type);
    }
    if (!TrimAscii(line.text).empty()) previous = line.text;
  }
  // Names in lists beside known ones, line by line once every line's names are known.
  std::vector<KnownName> known;
  for (const LineView& line : lines) {
    known.clear();
    for (auto it = spans.lower_bound(line.norm_begin); it != spans.end() && it->second.end <= line.norm_end; ++it) {
      known.push_back({it->second.begin - line.norm_begin, it->second.end - line.norm_begin,
                       result.entities[it->second.entity].type});
    }
    if (known.size() < 2 || is_code(line.number)) continue;
    for (const DiscoveredName& name : rules_.discovery().FindInLists(line.text, known)) {
      add_discovered(line.norm_begin + name.begin, line.norm_begin + name.end, name.type);
    }
  }
  // "佐々木 健 (Ken Sasaki)": a Japanese name with its romanized form is a person without an honorific.
  for (const NameSpan& name : KanjiNamesWithRomanized(normalized.text)) {
    if (!is_code(map.LineOf(name.begin))) add_discovered(name.begin, name.end, EntityType::kPerson);
  }
  // An attendee table's people and their companies ("| 名前 | 所属 |" over "| 山田 太郎 | カモメ物流 |").
  for (const TableName& name : AttendeeTableNames(lines, normalized.text)) {
    const LineView& line = lines[name.line];
    if (!is_code(line.number)) add_discovered(line.norm_begin + name.begin, line.norm_begin + name.end, name.type);
  }
  // A person written in both scripts, "高橋 次郎 (Jiro Takahashi)", is one person: the partner name
  // is a mention of the same entity (not the company a speaker line's parentheses make of it),
  // here and wherever else the document writes it. A listed name keeps its own entity. So is a
  // name with its handle after it ("Tomoko Hayashi @tomo_h_sre · 3月6日"), which the person also
  // keeps as an alias: a reply's "@tomo_h_sre さん" is them.
  struct Partner {
    NameSpan span;
    std::size_t slot;  // the person's
    bool handle;
  };
  std::vector<Partner> partners;
  for (const auto& [begin, f] : spans) {
    if (result.entities[f.entity].type != EntityType::kPerson) continue;
    if (const auto partner = RomanizedPartner(normalized.text, f.begin, f.end)) {
      partners.push_back({*partner, f.entity, false});
    } else if (const auto handle = HandleAfterName(normalized.text, f.begin, f.end)) {
      partners.push_back({*handle, f.entity, true});
    }
  }
  std::map<std::size_t, std::size_t> same_person;  // a discovered entity named like a partner -> the person
  for (const auto& [partner, slot, handle] : partners) {
    const auto first = first_overlap(partner.begin, partner.end);
    auto last = first;
    bool listed = false;
    for (; last != spans.end() && last->first < partner.end; ++last) listed |= !result.entities[last->second.entity].discovered;
    if (listed || (!no_mention_spans.empty() && in_no_mention_span(partner.begin, partner.end))) continue;
    spans.erase(first, last);
    spans.emplace(partner.begin, Found{{partner.begin, partner.end, slot}});
    const std::string folded = AsciiLowerCopy(std::string_view(normalized.text).substr(partner.begin, partner.end - partner.begin));
    discovered_names.insert_or_assign(normalized.folded.substr(partner.begin, partner.end - partner.begin), slot);
    // the same name discovered elsewhere on its own ("Hanako Yamamoto さん") is this person too
    for (std::size_t e = 0; e < result.entities.size(); ++e) {
      if (e != slot && result.entities[e].discovered && AsciiLowerCopy(result.entities[e].name) == folded) same_person[e] = slot;
    }
    if (handle) AddAlias(result.entities[slot], normalized.text.substr(partner.begin, partner.end - partner.begin));
  }
  // "大西 拓海" and "大西拓海" in one document are one person: the name without its blank is a
  // mention of the spaced one, here and wherever the document writes it.
  std::map<std::string, std::size_t> joined_names;  // a spaced Japanese name without its blanks -> slot
  for (std::size_t e = 0; e < result.entities.size(); ++e) {
    const Entity& entity = result.entities[e];
    if (!entity.discovered || entity.type != EntityType::kPerson) continue;
    if (std::string joined = JoinedJapaneseName(entity.name); !joined.empty()) joined_names.emplace(std::move(joined), e);
  }
  for (std::size_t e = 0; e < result.entities.size() && !joined_names.empty(); ++e) {
    const Entity& entity = result.entities[e];
    if (!entity.discovered || entity.type != EntityType::kPerson || same_person.count(e) != 0) continue;
    if (const auto to = joined_names.find(entity.name); to != joined_names.end()) same_person[e] = to->second;
  }
  for (auto& [joined, slot] : joined_names) discovered_names.emplace(std::move(joined), slot);
  // "大西さんいわく" in a document that names "大西 拓海さん" is that person.
  MapFamilyNamesToPeople(result.entities, same_person);
  if (!same_person.empty()) {
    for (auto& [begin, f] : spans) {
      if (const auto to = same_person.find(f.entity); to != same_person.end()) f.entity = to->second;
    }
    for (auto& [name, slot] : discovered_names) {
      if (const auto to = same_person.find(slot); to != same_person.end()) slot = to->second;
    }
  }
  // Later (and earlier) mentions of discovered names, on word boundaries; a family name alone ("森")
  // only with an honorific after it.
  for (const auto& [folded_name, slot] : discovered_names) {
    const bool family_name = result.entities[slot].type == EntityType::kPerson && IsBareKanjiName(folded_name);
    for (std::size_t at = normalized.folded.find(folded_name); at != std::string::npos;
         at = normalized.folded.find(folded_name, at + 1)) {
      const std::size_t end = at + folded_name.size();
      if (family_name && !IsBareKanjiMention(normalized.folded, at, end)) continue;
      if (IsWordCharAt(folded_name, 0) && at > 0 && IsWordCharBefore(normalized.folded, at)) continue;
      if (IsWordCharBefore(folded_name, folded_name.size()) && end < normalized.folded.size() &&
          IsWordCharAt(normalized.folded, end)) {
        continue;
      }
      if (first_overlap(at, end) != spans.end() || (!no_mention_spans.empty() && in_no_mention_span(at, end))) continue;
      spans.emplace(at, Found{{at, end, slot}});
    }
  }
  std::vector<FoundName> found;  // by begin
  found.reserve(spans.size());
  for (const auto& [begin, f] : spans) found.push_back(f);
  // An entity whose every span gave way to a longer discovered name ("Lyft" inside "Xcustomer
  // Lyft") is not referred to: drop it, or it becomes a node without mentions that a merge of
  // the JSON Lines output cannot rebuild.
  std::vector<std::size_t> kept_index(result.entities.size(), 0);
  std::vector<char> referred(result.entities.size(), 0);  // a byte each: read and set once per span
  for (const FoundName& f : found) referred[f.entity] = true;
  std::size_t kept = 0;
  for (std::size_t e = 0; e < result.entities.size(); ++e) {
    kept_index[e] = kept;
    if (!referred[e]) continue;
    if (kept != e) result.entities[kept] = std::move(result.entities[e]);
    ++kept;
  }
  result.entities.resize(kept);
  for (FoundName& f : found) f.entity = kept_index[f.entity];

  timer.Switch(Stage::kResolve);
  result.mentions.reserve(found.size());
  // `found` runs by begin, so by line: a mention's line (the last one beginning at or before it)
  // is found by walking on from the previous mention's, and a line's section is looked up once,
  // for its first mention.
  std::size_t lines_begun = 0;  // lines beginning at or before the current mention
  std::size_t section_line = 0, line_section = 0;
  for (const FoundName& f : found) {
    Mention mention;
    mention.entity = result.entities[f.entity].id;
    while (lines_begun < lines.size() && lines[lines_begun].norm_begin <= f.begin) ++lines_begun;
    mention.line = lines_begun == 0 ? 1 : lines[lines_begun - 1].number;
    if (mention.line != section_line) {
      section_line = mention.line;
      line_section = SectionOfLine(result.sections, mention.line);
    }
    mention.section = line_section;
    SpanMapper::Placed placed = map.Place(f.begin, f.end);
    mention.start = placed.file_begin;
    mention.end = placed.file_end;
    mention.text = std::move(placed.text);
    mention.context = map.OriginalWindow(mention.line, f.begin, f.end, kMaxContext);
    result.mentions.push_back(std::move(mention));
  }

  timer.Switch(Stage::kQuantities);
  // Quantities, line by line; what each measures is a name of its line (quantity_measures.h).
  std::size_t next_found = 0;
  for (const LineView& line : lines) {
    while (next_found < found.size() && found[next_found].begin < line.norm_begin) ++next_found;
    std::size_t line_found_end = next_found;
    while (line_found_end < found.size() && found[line_found_end].begin < line.norm_end) ++line_found_end;
    // a number in a code block is configuration ("cpu: 1000"), not a statement
    if (std::binary_search(segmentation.code_lines.begin(), segmentation.code_lines.end(), line.number)) continue;
    std::optional<std::size_t> section;  // the line's, looked up for its first quantity
    std::optional<QuantityMeasures> measures;  // the line's, made for its first quantity
    for (QuantityMatch& q : rules_.quantities().Find(line.text)) {
      const std::size_t begin = line.norm_begin + q.begin;
      const std::size_t end = line.norm_begin + q.end;
      if (!no_mention_spans.empty() && in_no_mention_span(begin, end)) continue;  // .../100GB-test in a link
      if (!measures) measures.emplace(line.text, line.norm_begin, std::span<const FoundName>(found.data() + next_found, line_found_end - next_found));
      const Measure measure = measures->Of(q.begin, q.end);
      if (measure.part_of_name) continue;  // "ルート53", "37signals"
      if (!section) section = SectionOfLine(result.sections, line.number);
      Quantity quantity;
      quantity.line = line.number;
      quantity.section = *section;
      SpanMapper::Placed placed = map.Place(begin, end);
      quantity.start = placed.file_begin;
      quantity.end = placed.file_end;
      quantity.text = std::move(placed.text);
      quantity.value = q.value;
      quantity.min = q.min;
      quantity.max = q.max;
      quantity.unit = std::move(q.unit);
      quantity.per = std::move(q.per);
      quantity.qualifiers = std::move(q.qualifiers);
      if (measure.entity) quantity.measures = result.entities[*measure.entity].id;
      result.quantities.push_back(std::move(quantity));
    }
  }

  timer.Switch(Stage::kRelations);
  // Relations, section by section, over each line's mentions; lines[0] of a section is its header.
  next_found = 0;
  // A document whose title section names a company as its topic ("株式会社XにおけるECS導入事例",
  // "How we cut our CI time at X") is about that company: its other sections' relations without
  // a subject of their own are the company's.
  // An author's intro in the first section ("株式会社XのSREチームです") names it too, but only in a
  // post with no talks and no event: an event report is about what others said.
  std::string document_company;
  const bool reports_talks = !result.event.empty() || std::any_of(result.sections.begin(), result.sections.end(), [](const Section& s) {
    return s.kind != SectionKind::kOther;
  });
  for (std::size_t s = 0; s < result.sections.size(); ++s) {
    const Section& section = result.sections[s];
    RelationSection input;
    input.kind = section.kind;
    input.document_subject = !document_company.empty() && section.kind == SectionKind::kOther;
    std::vector<std::size_t> first_found;  // per line of the section: its first mention in `found`
    // The header of a section that opens with front matter ("---") is the front matter's title.
    const bool front_header = front_matter && section.line == lines.front().number;
    for (std::size_t number = section.line; number <= section.end_line && number <= lines.size(); ++number) {
      const LineView& line = lines[number - 1];
      while (next_found < found.size() && found[next_found].begin < line.norm_begin) ++next_found;
      const bool title = front_header && number == section.line;
      const std::size_t base = title ? front_matter->begin : line.norm_begin;
      const std::size_t stop = title ? front_matter->end : line.norm_end;
      std::size_t first = next_found;
      while (title && first < found.size() && found[first].begin < base) ++first;
      RelationLine& typed = input.lines.emplace_back(
          RelationLine{title ? std::string_view(normalized.text).substr(base, stop - base) : line.text, {}});
      first_found.push_back(first);
      if (is_code(number)) continue;  // a code line states nothing
      for (std::size_t k = first; k < found.size() && found[k].begin < stop && (!title || found[k].end <= stop); ++k) {
        typed.mentions.push_back({found[k].begin - base, found[k].end - base, result.entities[found[k].entity].type});
      }
    }
    const auto id_of = [&](const MentionRef& ref) {
      if (ref.IsDocument()) return document_company;
      if (ref.IsSection()) return std::string();
      return result.entities[found[first_found[static_cast<std::size_t>(ref.line)] + static_cast<std::size_t>(ref.mention)].entity].id;
    };
    input.name_of = [&found, &first_found, &result](int line, int mention) -> std::string_view {
      return result.entities[found[first_found[static_cast<std::size_t>(line)] + static_cast<std::size_t>(mention)].entity].name;
    };
    const std::size_t section_relations = result.relations.size();
    MentionRef topic;
    const std::vector<SectionRelation> matches = rules_.relations().ApplySection(input, &topic);
    if (s == 0 && section.kind == SectionKind::kOther && !topic.IsSection() && !topic.IsDocument() && (topic.line == 0 || !reports_talks) &&
        input.lines[static_cast<std::size_t>(topic.line)].mentions[static_cast<std::size_t>(topic.mention)].type == EntityType::kCompany) {
      document_company = id_of(topic);
    }
    for (const SectionRelation& match : matches) {
      Relation relation;
      relation.predicate = match.predicate;
      relation.object = id_of(match.object);
      relation.subject = id_of(match.subject);
      relation.role = match.role;
      relation.section = s;
      const bool from_title = front_header && match.line == 0;
      relation.line = from_title ? front_matter->line : section.line + match.line;
      const TypedMention& object = input.lines[static_cast<std::size_t>(match.object.line)].mentions[static_cast<std::size_t>(match.object.mention)];
      const std::size_t object_at = from_title ? front_matter->begin : lines[relation.line - 1].norm_begin;
      relation.text = map.OriginalWindow(relation.line, object_at + object.begin, object_at + object.end, kMaxRelationText);
      if (relation.subject == relation.object) continue;
      result.relations.push_back(std::move(relation));
    }
    FoldMovesWithinOneEntity(result.relations, section_relations);
  }
  return result;
}

}  // namespace kgx
