// The per-document pipeline (see extractor.h). Matching happens on normalized text; spans are
// turned into original offsets and text only here, at the edge.
#include "extractor/extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/normalizer.h"
#include "extractor/slug.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

// Maps normalized spans to the document's original offsets, lines and text.
class SpanMapper {
 public:
  SpanMapper(const SourceText& source, const NormalizedText& normalized, const std::vector<LineView>& lines)
      : source_(source), normalized_(normalized), lines_(lines) {}

  std::size_t LineOf(std::size_t norm_offset) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), norm_offset,
                               [](std::size_t o, const LineView& l) { return o < l.norm_begin; });
    return it == lines_.begin() ? 1 : std::prev(it)->number;
  }
  std::size_t TextBegin(std::size_t norm) const { return normalized_.map.ToSourceBegin(norm); }
  std::size_t TextEnd(std::size_t norm) const { return normalized_.map.ToSourceEnd(norm); }
  std::string OriginalText(std::size_t norm_begin, std::size_t norm_end) const {
    const std::size_t b = TextBegin(norm_begin);
    const std::size_t e = std::max(b, TextEnd(norm_end));
    return source_.text.substr(b, e - b);
  }
  std::size_t FileBegin(std::size_t norm) const { return source_.FileOffset(TextBegin(norm)); }
  std::size_t FileEnd(std::size_t norm) const { return source_.FileOffset(TextEnd(norm)); }
  const LineView& Line(std::size_t number) const { return lines_[number - 1]; }
  std::string OriginalLine(std::size_t number) const {
    const LineView& line = Line(number);
    return std::string(TrimAscii(OriginalText(line.norm_begin, line.norm_end)));
  }

 private:
  const SourceText& source_;
  const NormalizedText& normalized_;
  const std::vector<LineView>& lines_;
};

std::size_t SectionOfLine(const std::vector<Section>& sections, std::size_t line) {
  auto it = std::upper_bound(sections.begin(), sections.end(), line,
                             [](std::size_t l, const Section& s) { return l < s.line; });
  return it == sections.begin() ? 0 : static_cast<std::size_t>(std::prev(it) - sections.begin());
}

// A resolved span before it becomes a Mention: normalized offsets and the entity's index in
// DocumentResult::entities.
struct Found {
  std::size_t begin, end, entity;
};

// Keeps evidence lines short: at most kMaxContext bytes, cut on a character boundary.
std::string ShortLine(std::string line) {
  constexpr std::size_t kMaxContext = 240;
  if (line.size() <= kMaxContext) return line;
  line.resize(Utf8PrefixLength(line, kMaxContext));
  return line + "…";
}

bool IsWordByte(char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

DocumentResult Extractor::Extract(const SourceText& source) const {
  DocumentResult result;
  result.path = source.path;
  result.bytes = source.text.size();
  const NormalizedText normalized = Normalize(source.text);
  const std::vector<LineView> lines = SplitLines(normalized.text);
  if (lines.empty()) return result;
  const SpanMapper map(source, normalized, lines);

  // Sections.
  const Segmentation segmentation = rules_.segmenter().Segment(lines);
  result.event = segmentation.event;
  if (segmentation.title_end > segmentation.title_begin) {
    std::string title = map.OriginalText(segmentation.title_begin, segmentation.title_end);
    const std::size_t hashes = title.find_first_not_of('#');
    result.title = std::string(TrimAscii(std::string_view(title).substr(hashes == std::string::npos ? 0 : hashes)));
  }
  for (const SectionSpan& span : segmentation.sections) {
    Section section;
    section.kind = span.kind;
    section.line = span.line;
    section.end_line = span.end_line;
    section.title = std::string(TrimAscii(map.OriginalText(span.title_begin, span.title_end)));
    if (span.code_end > span.code_begin) section.code = map.OriginalText(span.code_begin, span.code_end);
    result.sections.push_back(std::move(section));
  }
  if (result.sections.empty()) return result;  // only blank lines

  // Entities: gazetteer matches, then discovered names and their later mentions.
  const Gazetteer& gazetteer = rules_.gazetteer();
  std::map<std::string, std::size_t> entity_slot;  // entity id -> index in result.entities
  const auto slot_of = [&](const Entity& entity) {
    auto [it, inserted] = entity_slot.emplace(entity.id, result.entities.size());
    if (inserted) result.entities.push_back(entity);
    return it->second;
  };
  std::vector<Found> found;
  for (const AliasMatch& match : gazetteer.Scan(normalized)) {
    found.push_back({match.begin, match.end, slot_of(gazetteer.entities()[match.entity])});
  }
  const auto overlaps_found = [&](std::size_t begin, std::size_t end) {
    for (const Found& f : found) {
      if (f.begin < end && begin < f.end) return true;
    }
    return false;
  };
  std::map<std::string, std::size_t> discovered_names;  // folded name -> entity slot
  for (const LineView& line : lines) {
    for (const DiscoveredName& name : rules_.discovery().Find(line.text)) {
      const std::size_t begin = line.norm_begin + name.begin;
      const std::size_t end = line.norm_begin + name.end;
      // Longest wins here too: a discovered name replaces listed names strictly inside it
      // ("lambda-cron" over "lambda") but never cuts one it only overlaps.
      bool blocked = false;
      for (const Found& f : found) {
        const bool overlaps = f.begin < end && begin < f.end;
        const bool inside = begin <= f.begin && f.end <= end && (f.end - f.begin) < (end - begin);
        blocked |= overlaps && !inside;
      }
      if (blocked) continue;
      found.erase(std::remove_if(found.begin(), found.end(),
                                 [&](const Found& f) { return begin <= f.begin && f.end <= end; }),
                  found.end());
      const std::string surface(normalized.text.substr(begin, end - begin));
      std::size_t slot;
      if (const auto listed = gazetteer.FindByName(surface)) {
        slot = slot_of(gazetteer.entities()[*listed]);
      } else {
        Entity entity;
        entity.type = name.type;
        entity.name = std::string(TrimAscii(map.OriginalText(begin, end)));
        entity.id = std::string(EntityTypeName(name.type)) + "/" + Slugify(surface);
        entity.discovered = true;
        slot = slot_of(entity);
      }
      found.push_back({begin, end, slot});
      discovered_names.emplace(normalized.folded.substr(begin, end - begin), slot);
    }
  }
  // Later (and earlier) mentions of discovered names, on word boundaries.
  for (const auto& [folded_name, slot] : discovered_names) {
    for (std::size_t at = normalized.folded.find(folded_name); at != std::string::npos;
         at = normalized.folded.find(folded_name, at + 1)) {
      const std::size_t end = at + folded_name.size();
      if (IsWordByte(folded_name.front()) && at > 0 && IsWordByte(normalized.folded[at - 1])) continue;
      if (IsWordByte(folded_name.back()) && end < normalized.folded.size() && IsWordByte(normalized.folded[end])) continue;
      if (overlaps_found(at, end)) continue;
      found.push_back({at, end, slot});
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });

  for (const Found& f : found) {
    Mention mention;
    mention.entity = result.entities[f.entity].id;
    mention.line = map.LineOf(f.begin);
    mention.section = SectionOfLine(result.sections, mention.line);
    mention.start = map.FileBegin(f.begin);
    mention.end = map.FileEnd(f.end);
    mention.text = map.OriginalText(f.begin, f.end);
    mention.context = ShortLine(map.OriginalLine(mention.line));
    result.mentions.push_back(std::move(mention));
  }

  // Quantities, line by line; a quantity measures the nearest entity on its line.
  std::size_t next_found = 0;
  for (const LineView& line : lines) {
    while (next_found < found.size() && found[next_found].begin < line.norm_begin) ++next_found;
    std::size_t line_found_end = next_found;
    while (line_found_end < found.size() && found[line_found_end].begin < line.norm_end) ++line_found_end;
    for (const QuantityMatch& q : rules_.quantities().Find(line.text)) {
      const std::size_t begin = line.norm_begin + q.begin;
      const std::size_t end = line.norm_begin + q.end;
      Quantity quantity;
      quantity.line = line.number;
      quantity.section = SectionOfLine(result.sections, line.number);
      quantity.start = map.FileBegin(begin);
      quantity.end = map.FileEnd(end);
      quantity.text = map.OriginalText(begin, end);
      quantity.value = q.value;
      quantity.min = q.min;
      quantity.max = q.max;
      quantity.unit = q.unit;
      quantity.per = q.per;
      quantity.qualifiers = q.qualifiers;
      std::size_t best_distance = std::string::npos;
      for (std::size_t k = next_found; k < line_found_end; ++k) {
        const Found& f = found[k];
        const std::size_t distance = f.end <= begin ? begin - f.end : (f.begin >= end ? f.begin - end : 0);
        if (distance < best_distance) {
          best_distance = distance;
          quantity.measures = result.entities[f.entity].id;
        }
      }
      result.quantities.push_back(std::move(quantity));
    }
  }

  // Relations, line by line, over the line's mentions.
  next_found = 0;
  for (const LineView& line : lines) {
    while (next_found < found.size() && found[next_found].begin < line.norm_begin) ++next_found;
    std::vector<TypedMention> typed;
    std::vector<std::size_t> slots;
    for (std::size_t k = next_found; k < found.size() && found[k].begin < line.norm_end; ++k) {
      typed.push_back({found[k].begin - line.norm_begin, found[k].end - line.norm_begin,
                       result.entities[found[k].entity].type});
      slots.push_back(found[k].entity);
    }
    if (typed.empty()) continue;
    const std::size_t section = SectionOfLine(result.sections, line.number);
    for (const RelationMatch& match : rules_.relations().Apply(line.text, typed)) {
      Relation relation;
      relation.predicate = match.predicate;
      relation.object = result.entities[slots[static_cast<std::size_t>(match.object)]].id;
      relation.subject = match.subject >= 0 ? result.entities[slots[static_cast<std::size_t>(match.subject)]].id : "";
      relation.role = match.role;
      relation.section = section;
      relation.line = line.number;
      relation.text = map.OriginalLine(line.number);
      if (relation.subject == relation.object) continue;
      result.relations.push_back(std::move(relation));
    }
  }
  return result;
}

}  // namespace kgx
