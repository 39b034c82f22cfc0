// Names of the extractor's enumerations, as written in every output format.
#include "extractor/types.h"

namespace kgx {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kAwsService: return "aws_service";
    case EntityType::kCompany: return "company";
    case EntityType::kPerson: return "person";
    case EntityType::kTechnology: return "technology";
  }
  return "technology";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType type : kAllEntityTypes) {
    if (EntityTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string_view SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kTalk: return "talk";
    case SectionKind::kKeynote: return "keynote";
    case SectionKind::kOther: return "other";
  }
  return "other";
}

}  // namespace kgx
