// Relation patterns over marked lines (see relation_rules.h). A marker is U+E000, one type
// letter (a = aws_service, c = company, p = person, t = technology), the mention's index and
// U+E001; private-use characters never occur in normalized notes, so markers cannot collide.
#include "extractor/relation_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001

char TypeLetter(EntityType type) {
  switch (type) {
    case EntityType::kAwsService: return 'a';
    case EntityType::kCompany: return 'c';
    case EntityType::kPerson: return 'p';
    case EntityType::kTechnology: return 't';
  }
  return 't';
}

struct RelationPattern {
  std::string predicate;
  std::unique_ptr<RE2> regex;
  int subject_group = -1, object_group = -1, role_group = -1;
};

// Turns "company|aws_service" into "[ca]"; returns "" on an unknown type name.
std::string TypeClass(std::string_view types) {
  std::string letters;
  std::size_t start = 0;
  while (start <= types.size()) {
    std::size_t bar = types.find('|', start);
    if (bar == std::string_view::npos) bar = types.size();
    const std::string_view name = TrimAscii(types.substr(start, bar - start));
    if (name == "any" || name == "entity") {
      letters += "acpt";
    } else if (const auto type = ParseEntityType(name)) {
      letters += TypeLetter(*type);
    } else {
      return "";
    }
    start = bar + 1;
  }
  return "[" + letters + "]";
}

}  // namespace

struct RelationRules::Impl {
  std::vector<RelationPattern> patterns;
};

RelationRules::RelationRules() : impl_(std::make_unique<Impl>()) {}
RelationRules::~RelationRules() = default;

bool RelationRules::HandlesBlockKind(std::string_view kind) {
  return kind == "relation" || kind == "relation.define";
}

std::unique_ptr<RelationRules> RelationRules::Compile(const std::vector<RuleBlock>& blocks,
                                                      std::vector<RuleDiagnostic>& diagnostics) {
  auto rules = std::unique_ptr<RelationRules>(new RelationRules());
  bool failed = false;
  std::map<std::string, std::string> defines;
  for (const RuleBlock& block : blocks) {
    if (block.kind != "relation.define") continue;
    std::string alternation;
    for (const RuleLine& line : block.lines) {
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + line.text + ")";
    }
    defines[block.argument] = "(?:" + alternation + ")";
  }
  static const std::vector<std::string_view> kPredicates = {
      "uses", "migrated_from", "migrated_to", "role_at", "presented_by", "announced"};
  for (const RuleBlock& block : blocks) {
    if (block.kind != "relation") continue;
    if (std::find(kPredicates.begin(), kPredicates.end(), block.argument) == kPredicates.end()) {
      diagnostics.push_back({block.where, "unknown relation '" + block.argument +
                                              "' (expected uses, migrated_from, migrated_to, role_at, presented_by or announced)", true});
      failed = true;
      continue;
    }
    for (const RuleLine& line : block.lines) {
      // Expand {…} placeholders; everything else is RE2 as written.
      std::string pattern;
      bool line_failed = false;
      for (std::size_t i = 0; i < line.text.size(); ++i) {
        const char c = line.text[i];
        const bool escaped = i > 0 && line.text[i - 1] == '\\';
        const std::size_t close = c == '{' && !escaped ? line.text.find('}', i) : std::string::npos;
        const std::string_view inner = close == std::string::npos ? std::string_view()
                                                                  : std::string_view(line.text).substr(i + 1, close - i - 1);
        const bool is_placeholder = !inner.empty() && !std::isdigit(static_cast<unsigned char>(inner.front()));
        if (!is_placeholder) {
          pattern += c;
          continue;
        }
        Location where = line.where;
        where.column += i;
        if (inner.front() == '=') {
          const auto it = defines.find(std::string(inner.substr(1)));
          if (it == defines.end()) {
            diagnostics.push_back({where, "unknown define '" + std::string(inner.substr(1)) + "'", true});
            line_failed = true;
          } else {
            pattern += it->second;
          }
        } else {
          const std::size_t colon = inner.find(':');
          const std::string_view role = colon == std::string_view::npos ? std::string_view() : inner.substr(0, colon);
          const std::string_view types = colon == std::string_view::npos ? inner : inner.substr(colon + 1);
          const std::string type_class = TypeClass(types);
          if (type_class.empty() || (!role.empty() && role != "subject" && role != "object")) {
            diagnostics.push_back({where, "bad placeholder '{" + std::string(inner) +
                                              "}' (expected {TYPES}, {subject:TYPES}, {object:TYPES} or {=NAME})", true});
            line_failed = true;
          } else {
            const std::string marker = std::string(kOpen) + type_class + "[0-9]+" + std::string(kClose);
            pattern += role.empty() ? "(?:" + marker + ")" : "(?P<" + std::string(role) + ">" + marker + ")";
          }
        }
        i = close;
      }
      if (line_failed) {
        failed = true;
        continue;
      }
      RelationPattern compiled;
      compiled.predicate = block.argument;
      compiled.regex = std::make_unique<RE2>(pattern, RE2::Quiet);
      if (!compiled.regex->ok()) {
        diagnostics.push_back({line.where, "bad pattern '" + line.text + "': " + compiled.regex->error(), true});
        failed = true;
        continue;
      }
      const auto& names = compiled.regex->NamedCapturingGroups();
      if (auto it = names.find("subject"); it != names.end()) compiled.subject_group = it->second;
      if (auto it = names.find("object"); it != names.end()) compiled.object_group = it->second;
      if (auto it = names.find("role"); it != names.end()) compiled.role_group = it->second;
      if (compiled.object_group < 0) {
        diagnostics.push_back({line.where, "relation pattern needs an {object:TYPES} placeholder", true});
        failed = true;
        continue;
      }
      rules->impl_->patterns.push_back(std::move(compiled));
    }
  }
  if (failed) return nullptr;
  return rules;
}

std::string RelationRules::MarkLine(std::string_view line, const std::vector<TypedMention>& mentions) {
  std::string marked;
  marked.reserve(line.size() + mentions.size() * 8);
  std::size_t at = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const TypedMention& m = mentions[i];
    if (m.begin < at || m.end > line.size()) continue;
    marked.append(line.substr(at, m.begin - at));
    marked.append(kOpen);
    marked += TypeLetter(m.type);
    marked += std::to_string(i);
    marked.append(kClose);
    at = m.end;
  }
  marked.append(line.substr(at));
  return marked;
}

std::vector<RelationMatch> RelationRules::Apply(std::string_view line,
                                                const std::vector<TypedMention>& mentions) const {
  std::vector<RelationMatch> found;
  if (mentions.empty() || impl_->patterns.empty()) return found;
  const std::string marked = MarkLine(line, mentions);
  const auto index_of = [](std::string_view marker) {
    // marker: U+E000, letter, digits, U+E001
    int value = 0;
    for (std::size_t i = kOpen.size() + 1; i < marker.size() && std::isdigit(static_cast<unsigned char>(marker[i])); ++i) {
      value = value * 10 + (marker[i] - '0');
    }
    return value;
  };
  for (const RelationPattern& p : impl_->patterns) {
    const int groups = p.regex->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> parts(static_cast<std::size_t>(groups));
    std::size_t pos = 0;
    while (pos < marked.size() && p.regex->Match(marked, pos, marked.size(), RE2::UNANCHORED, parts.data(), groups)) {
      RelationMatch match;
      match.predicate = p.predicate;
      match.object = index_of(parts[static_cast<std::size_t>(p.object_group)]);
      if (p.subject_group > 0 && parts[static_cast<std::size_t>(p.subject_group)].data()) {
        match.subject = index_of(parts[static_cast<std::size_t>(p.subject_group)]);
      }
      if (p.role_group > 0 && parts[static_cast<std::size_t>(p.role_group)].data()) {
        match.role = std::string(TrimAscii(parts[static_cast<std::size_t>(p.role_group)]));
      }
      if (match.subject != match.object) found.push_back(std::move(match));
      // Go on after the object marker, so one line can state several relations.
      const std::string_view object = parts[static_cast<std::size_t>(p.object_group)];
      const std::size_t next = static_cast<std::size_t>(object.data() - marked.data()) + object.size();
      pos = std::max(next, pos + 1);
    }
  }
  return found;
}

}  // namespace kgx
