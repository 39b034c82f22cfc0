// Block options of the relation rules (see relation_options.h): parsing a block's `@name value`
// lines and asking a block's line options of a line of a section.
#include "extractor/relation_options.h"

#include <re2/re2.h>

#include <optional>
#include <string_view>

#include "extractor/text_util.h"

namespace kgx {

using re2::RE2;

namespace {

// Splits an option value at each `,` or `|` into its trimmed, non-empty items.
std::vector<std::string_view> SplitOptionList(std::string_view value) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t sep = value.find_first_of(",|", start);
    if (sep == std::string_view::npos) sep = value.size();
    const std::string_view item = TrimAscii(value.substr(start, sep - start));
    if (!item.empty()) items.push_back(item);
    start = sep + 1;
  }
  return items;
}

// Returns true when line `i` of the section or one of the two before it matches `re`.
bool WindowMatches(const RE2& re, std::size_t i, AfterLines& after) {
  for (std::size_t k = i >= 2 ? i - 2 : 0; k <= i; ++k) {
    if (after.Matches(re, k)) return true;
  }
  return false;
}

// Returns true when line `i` of the section or one of the two after it matches `re`.
bool WindowAheadMatches(const RE2& re, std::size_t i, std::size_t lines, AfterLines& after) {
  for (std::size_t k = i; k < lines && k <= i + 2; ++k) {
    if (after.Matches(re, k)) return true;
  }
  return false;
}

// Reads `@platform TYPES RE`: the types of the vendor's services (joined by `|`), then the pattern
// its name matches, whole.
template <typename Fail>
void ParsePlatform(const RuleLine& line, std::string_view value, BlockOptions& options, const Fail& fail) {
  const std::size_t space = value.find_first_of(" \t");
  if (space == std::string_view::npos) {
    fail(line, "@platform needs the types of the vendor's services and a pattern (@platform aws_service AWS)");
    return;
  }
  for (std::string_view type : SplitOptionList(value.substr(0, space))) {
    const std::optional<EntityType> parsed = ParseEntityType(type);
    if (!parsed) {
      fail(line, "bad @platform type '" + std::string(type) + "' (expected aws_service, company, person or technology)");
      return;
    }
    options.platform_services |= TypeBit(*parsed);
  }
  const std::string_view pattern = TrimAscii(value.substr(space));
  options.platform = std::make_unique<RE2>(pattern, RE2::Quiet);
  if (!options.platform->ok()) fail(line, "bad pattern '" + std::string(pattern) + "': " + options.platform->error());
}

}  // namespace

BlockOptions::BlockOptions() = default;
BlockOptions::~BlockOptions() = default;

bool ParseBlockOptions(const RuleBlock& block, BlockOptions& options, std::vector<RuleDiagnostic>& diagnostics) {
  bool ok = true;
  const bool section_subject = block.argument == "presented_by" || block.argument == "announced";
  options.subject = section_subject ? std::vector<SubjectSource>{SubjectSource::kSection}
                                    : std::vector<SubjectSource>{SubjectSource::kLine, SubjectSource::kPresenter,
                                                                 SubjectSource::kTopic, SubjectSource::kTalk,
                                                                 SubjectSource::kDocument};
  const auto fail = [&](const RuleLine& line, const std::string& message) {
    diagnostics.push_back({line.where, message, true});
    ok = false;
  };
  const auto regex = [&](const RuleLine& line, std::string_view value, std::unique_ptr<RE2>& out) {
    out = std::make_unique<RE2>(value, RE2::Quiet);
    if (!out->ok()) fail(line, "bad pattern '" + std::string(value) + "': " + out->error());
  };
  const RuleLine* topic_below_at = nullptr;  // the @topic below line, checked against @line at the end
  for (const RuleLine& line : block.lines) {
    if (line.text.empty() || line.text.front() != '@') continue;
    const std::string_view text(line.text);
    const std::size_t space = text.find_first_of(" \t");
    const std::string_view name = text.substr(1, space == std::string_view::npos ? std::string_view::npos : space - 1);
    const std::string_view value = space == std::string_view::npos ? std::string_view() : TrimAscii(text.substr(space));
    if (value.empty()) {
      fail(line, "option '@" + std::string(name) + "' needs a value");
    } else if (name == "where") {
      if (value == "header") options.where = LineScope::kHeader;
      else if (value == "body") options.where = LineScope::kBody;
      else if (value == "any") options.where = LineScope::kAny;
      else fail(line, "bad @where '" + std::string(value) + "' (expected header, body or any)");
    } else if (name == "section") {
      options.kinds = {false, false, false};
      for (std::string_view kind : SplitOptionList(value)) {
        if (kind == "talk") options.kinds[KindIndex(SectionKind::kTalk)] = true;
        else if (kind == "keynote") options.kinds[KindIndex(SectionKind::kKeynote)] = true;
        else if (kind == "other") options.kinds[KindIndex(SectionKind::kOther)] = true;
        else fail(line, "bad @section kind '" + std::string(kind) + "' (expected talk, keynote or other)");
      }
    } else if (name == "section_has") {
      regex(line, value, options.section_has);
    } else if (name == "line") {
      regex(line, value, options.line);
    } else if (name == "after") {
      regex(line, value, options.after);
    } else if (name == "unless_after") {
      regex(line, value, options.unless_after);
    } else if (name == "before") {
      regex(line, value, options.before);
    } else if (name == "unless_before") {
      regex(line, value, options.unless_before);
    } else if (name == "unless") {
      regex(line, value, options.unless);
    } else if (name == "unless_line") {
      regex(line, value, options.unless_line);
    } else if (name == "subject") {
      options.subject.clear();
      for (std::string_view source : SplitOptionList(value)) {
        if (source == "line") options.subject.push_back(SubjectSource::kLine);
        else if (source == "presenter") options.subject.push_back(SubjectSource::kPresenter);
        else if (source == "topic") options.subject.push_back(SubjectSource::kTopic);
        else if (source == "talk") options.subject.push_back(SubjectSource::kTalk);
        else if (source == "section") options.subject.push_back(SubjectSource::kSection);
        else if (source == "document") options.subject.push_back(SubjectSource::kDocument);
        else if (source == "person_above") options.subject.push_back(SubjectSource::kPersonAbove);
        else fail(line, "bad @subject source '" + std::string(source) + "' (expected line, presenter, topic, talk, section, document or person_above)");
      }
    } else if (name == "topic") {
      if (value == "object") options.topic_only_object = true;
      else if (value == "document") options.topic_document = true;
      else if (value == "below") topic_below_at = &line;
      else fail(line, "bad @topic '" + std::string(value) + "' (expected object, document or below)");
    } else if (name == "object") {
      if (value == "topic") options.object_is_topic = true;
      else fail(line, "bad @object '" + std::string(value) + "' (expected topic)");
    } else if (name == "platform") {
      ParsePlatform(line, value, options, fail);
      if (block.argument != "presented_by") fail(line, "@platform is an option of [relation presented_by] blocks");
    } else {
      fail(line, "unknown option '@" + std::string(name) +
                     "' (expected @where, @section, @section_has, @line, @after, @unless_after, @before, @unless_before, @unless, "
                     "@unless_line, @subject, @object, @topic or @platform)");
    }
  }
  // A topic below its line holds up to the next line @line matches: without one it would hold to the section's end.
  if (topic_below_at && !options.line) fail(*topic_below_at, "@topic below needs @line (the lines that end the topic)");
  options.topic_below = topic_below_at != nullptr;
  return ok;
}

bool AfterLines::Matches(const RE2& after, std::size_t line) {
  std::vector<signed char>& known = known_[&after];  // -1 unknown, else the answer
  if (known.empty()) known.assign(section_.lines.size(), -1);
  if (known[line] < 0) known[line] = RE2::PartialMatch(section_.lines[line].text, after) ? 1 : 0;
  return known[line] == 1;
}

bool LineOptionsAllow(const BlockOptions& options, const RelationSection& section, std::size_t i, AfterLines& after) {
  const std::string_view line = section.lines[i].text;
  if (options.line && !RE2::PartialMatch(line, *options.line)) return false;
  if (options.unless_line && RE2::PartialMatch(line, *options.unless_line)) return false;
  if (options.unless_after && WindowMatches(*options.unless_after, i, after)) return false;
  const std::size_t lines = section.lines.size();
  if (options.unless_before && WindowAheadMatches(*options.unless_before, i, lines, after)) return false;
  if (options.before && !WindowAheadMatches(*options.before, i, lines, after)) return false;
  return !options.after || WindowMatches(*options.after, i, after);
}

}  // namespace kgx
