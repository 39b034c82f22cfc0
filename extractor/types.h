// The value types that flow out of the extractor: entities, mentions, sections, quantities,
// relations and one document's extraction result. Offsets here are original file offsets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/status.h"

namespace kgx {

enum class EntityType { kAwsService, kCompany, kPerson, kTechnology };
inline constexpr EntityType kAllEntityTypes[] = {EntityType::kAwsService, EntityType::kCompany,
                                                 EntityType::kPerson, EntityType::kTechnology};

// Returns "aws_service", "company", "person" or "technology".
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

enum class SectionKind { kTalk, kKeynote, kOther };
std::string_view SectionKindName(SectionKind kind);  // "talk", "keynote", "other"

// A soft problem with the input (bad bytes, a skipped file): reported, counted, never fatal.
struct Warning {
  Location where;
  std::string message;
  std::string ToString() const { return where.ToString().empty() ? message : where.ToString() + ": warning: " + message; }
};

struct Entity {
  std::string id;    // "<type>/<slug>", stable across runs and inputs
  EntityType type = EntityType::kTechnology;
  std::string name;  // canonical name
  std::vector<std::string> aliases;  // other names from the rules (canonical excluded)
  bool discovered = false;           // found by a discovery pattern, not listed in the rules
};

struct Section {
  std::string id;  // "D1#L120"
  SectionKind kind = SectionKind::kOther;
  std::string code;   // "DAT303" or empty
  std::string title;  // original text
  std::size_t line = 0;      // header line (1-based)
  std::size_t end_line = 0;  // last line
};

struct Mention {
  std::string entity;  // entity id
  std::size_t section = 0;  // index into DocumentResult::sections
  std::size_t line = 0;
  std::size_t start = 0, end = 0;  // original file byte offsets
  std::string text;                // original text
  std::string context;             // the original line, trimmed and shortened (for evidence)
};

struct Quantity {
  std::size_t section = 0;
  std::size_t line = 0;
  std::size_t start = 0, end = 0;
  std::string text;
  std::optional<double> value, min, max;
  std::string unit, per;
  std::vector<std::string> qualifiers;
  std::string measures;  // entity id of what it measures, or empty
};

struct Relation {
  std::string subject;    // entity id, or section id for talk-level subjects
  std::string predicate;  // "uses", "migrated_to", …
  std::string object;     // entity id
  std::string role;       // role_at only
  std::size_t section = 0;
  std::size_t line = 0;
  std::string text;       // the original line, the evidence
};

// Everything extracted from one document. Entities lists every entity the document refers to.
struct DocumentResult {
  std::string path;
  std::string title;
  std::string event;
  std::size_t bytes = 0;
  std::vector<Section> sections;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Quantity> quantities;
  std::vector<Relation> relations;
  std::vector<Warning> warnings;
};

}  // namespace kgx
