// Entity lines: `Canonical {opts} | alias {opts} | …`; context blocks: RE2 lines and @TYPE lines.
#include "extractor/gazetteer_rules.h"

#include <charconv>
#include <set>

#include "extractor/normalizer.h"
#include "extractor/slug.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

struct Field {
  std::string text;
  std::string options;  // inside the braces, empty if none
  std::size_t column;   // 1-based column of the field in its line
  std::size_t options_column = 0;
};

Location At(const RuleLine& line, std::size_t column) {
  Location where = line.where;
  where.column = line.where.column + column - 1;
  return where;
}

// Splits an entity line at '|' outside braces. Reports unbalanced braces.
std::vector<Field> SplitFields(const RuleLine& line, std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<Field> fields;
  const std::string& s = line.text;
  std::size_t start = 0;
  int depth = 0;
  std::size_t brace_open = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : '|';
    if (c == '{') {
      if (depth++ == 0) brace_open = i;
    } else if (c == '}') {
      if (--depth < 0) {
        diagnostics.push_back({At(line, i + 1), "'}' without '{'", true});
        depth = 0;
      }
    } else if (c == '|' && depth == 0) {
      std::string_view raw = std::string_view(s).substr(start, i - start);
      Field field;
      const std::size_t lead = raw.find_first_not_of(" \t");
      field.column = start + (lead == std::string_view::npos ? 0 : lead) + 1;
      const std::size_t open = raw.find('{');
      if (open != std::string_view::npos) {
        const std::size_t close = raw.rfind('}');
        field.options = std::string(TrimAscii(raw.substr(open + 1, close - open - 1)));
        field.options_column = start + open + 2;
        if (!TrimAscii(raw.substr(close + 1)).empty()) {
          diagnostics.push_back({At(line, start + close + 2), "text after '}' in alias", true});
        }
        raw = raw.substr(0, open);
      }
      field.text = std::string(TrimAscii(raw));
      fields.push_back(std::move(field));
      start = i + 1;
    }
    if (i == s.size() && depth > 0) {
      diagnostics.push_back({At(line, brace_open + 1), "'{' without '}'", true});
    }
  }
  return fields;
}

// Applies "case, typo, context=x, …" to `alias`; returns the slug given by id=, if any.
std::string ApplyOptions(const Field& field, const RuleLine& line, bool is_canonical, AliasRule& alias,
                         std::vector<RuleDiagnostic>& diagnostics) {
  std::string slug;
  std::size_t pos = 0;
  const std::string& opts = field.options;
  while (pos <= opts.size() && !opts.empty()) {
    std::size_t comma = opts.find(',', pos);
    if (comma == std::string::npos) comma = opts.size();
    const std::string_view raw = std::string_view(opts).substr(pos, comma - pos);
    const std::string_view option = TrimAscii(raw);
    const Location where = At(line, field.options_column + pos + (raw.size() - TrimAscii(raw).size() > 0 ? raw.find_first_not_of(" \t") : 0));
    pos = comma + 1;
    if (option.empty()) {
      diagnostics.push_back({where, "empty option", true});
      if (comma == opts.size()) break;
      continue;
    }
    const std::size_t eq = option.find('=');
    const std::string_view key = TrimAscii(option.substr(0, eq));
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : TrimAscii(option.substr(eq + 1));
    const bool has_value = eq != std::string_view::npos;
    if (key == "case" && !has_value) {
      alias.case_sensitive = true;
    } else if (key == "typo" && !has_value) {
      alias.typo = true;
    } else if ((key == "context" || key == "unless") && has_value && !value.empty()) {
      (key == "context" ? alias.context : alias.unless) = std::string(value);
    } else if (key == "priority" && has_value) {
      int number = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (ec != std::errc() || end != value.data() + value.size()) {
        diagnostics.push_back({where, "priority must be an integer, not '" + std::string(value) + "'", true});
      }
      alias.priority = number;
    } else if (key == "id" && has_value && is_canonical) {
      slug = std::string(value);
      if (slug.empty() || slug.find_first_of(" /\t") != std::string::npos) {
        diagnostics.push_back({where, "id must be a slug without blanks or '/'", true});
      }
    } else if (key == "id" && !is_canonical) {
      diagnostics.push_back({where, "option 'id' is allowed on the canonical name only", true});
    } else {
      diagnostics.push_back({where, "unknown option '" + std::string(option) +
                                        "' (expected case, typo, context=NAME, unless=NAME, priority=N, id=SLUG)", true});
    }
    if (comma == opts.size()) break;
  }
  return slug;
}

void ParseEntityLine(const RuleLine& line, EntityType type, GazetteerRules& rules,
                     std::set<std::string>& ids, std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<Field> fields = SplitFields(line, diagnostics);
  if (fields.empty() || fields[0].text.empty()) {
    diagnostics.push_back({line.where, "entity line needs a canonical name before the first '|'", true});
    return;
  }
  Entity entity;
  entity.type = type;
  entity.name = fields[0].text;
  const std::size_t index = rules.entities.size();
  std::string slug;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    Field& field = fields[f];
    if (field.text.empty()) {
      diagnostics.push_back({At(line, field.column), "empty alias", true});
      continue;
    }
    AliasRule alias;
    alias.surface = field.text;
    alias.entity = index;
    alias.where = At(line, field.column);
    std::string chosen = ApplyOptions(field, line, f == 0, alias, diagnostics);
    if (f == 0) slug = chosen;
    if (NormalizeForMatching(alias.surface).empty()) {
      diagnostics.push_back({alias.where, "alias is empty after normalization", true});
      continue;
    }
    if (f > 0) entity.aliases.push_back(alias.surface);
    rules.aliases.push_back(std::move(alias));
  }
  entity.id = std::string(EntityTypeName(type)) + "/" + (slug.empty() ? Slugify(entity.name) : slug);
  if (!ids.insert(entity.id).second) {
    diagnostics.push_back({line.where, "entity id '" + entity.id + "' is already used by another entity; add {id=...} to tell them apart", true});
  }
  rules.entities.push_back(std::move(entity));
  rules.entity_where.push_back(line.where);
}

}  // namespace

GazetteerRules ParseGazetteerRules(const std::vector<RuleBlock>& blocks,
                                   std::vector<RuleDiagnostic>& diagnostics) {
  GazetteerRules rules;
  std::set<std::string> ids;
  for (const RuleBlock& block : blocks) {
    if (block.kind == "gazetteer") {
      const std::optional<EntityType> type = ParseEntityType(block.argument);
      if (!type) {
        diagnostics.push_back({block.where, "unknown entity type '" + block.argument +
                                                "' (expected aws_service, company, person or technology)", true});
        continue;
      }
      for (const RuleLine& line : block.lines) ParseEntityLine(line, *type, rules, ids, diagnostics);
    } else if (block.kind == "context") {
      if (block.argument.empty()) {
        diagnostics.push_back({block.where, "context block needs a name: [context NAME]", true});
        continue;
      }
      if (rules.contexts.count(block.argument)) {
        diagnostics.push_back({block.where, "context '" + block.argument + "' is defined twice", true});
        continue;
      }
      ContextRule context;
      context.name = block.argument;
      context.where = block.where;
      for (const RuleLine& line : block.lines) {
        if (line.text.front() == '@') {
          const auto type = ParseEntityType(line.text.substr(1));
          if (!type) {
            diagnostics.push_back({line.where, "unknown entity type '" + line.text.substr(1) + "' after '@'", true});
            continue;
          }
          context.required_types.push_back(*type);
        } else {
          context.patterns.push_back(line);
        }
      }
      if (context.patterns.empty() && context.required_types.empty()) {
        diagnostics.push_back({block.where, "context '" + block.argument + "' has no patterns", true});
      }
      rules.contexts.emplace(block.argument, std::move(context));
    }
  }
  for (const AliasRule& alias : rules.aliases) {
    for (const std::string* name : {&alias.context, &alias.unless}) {
      if (!name->empty() && !rules.contexts.count(*name)) {
        diagnostics.push_back({alias.where, "unknown context '" + *name + "'", true});
      }
    }
  }
  return rules;
}

}  // namespace kgx
