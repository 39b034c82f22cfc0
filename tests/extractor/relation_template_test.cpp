// Relation templates: the placeholders of a pattern, and what a line needs for it (a lower
// bound on the mentions and their types, never above what the pattern needs).
#include <catch2/catch.hpp>

#include "extractor/relation_template.h"

using kgx::EntityType;
using kgx::FindPlaceholders;
using kgx::MentionNeeds;
using kgx::NeedsOf;
using kgx::Placeholder;
using kgx::TypeBit;
using kgx::TypeMask;

namespace {

std::size_t RequiredMentions(std::string_view pattern) { return NeedsOf(pattern).count; }

constexpr TypeMask kCompany = TypeBit(EntityType::kCompany);
constexpr TypeMask kAws = TypeBit(EntityType::kAwsService);
constexpr TypeMask kPerson = TypeBit(EntityType::kPerson);
constexpr TypeMask kTech = TypeBit(EntityType::kTechnology);

}  // namespace

TEST_CASE("placeholders count unless something may skip them", "[relations][required]") {
  CHECK(RequiredMentions(R"({object:company}\s*社?\s*の中の人)") == 1);
  CHECK(RequiredMentions(R"({subject:company}\s*は\s*{object:any}\s*を\s*{=use_verb})") == 2);
  CHECK(RequiredMentions(R"(から\s*{objects:aws_service|technology}(?:\s+{aws_service|technology})?\s*に)") == 1);
  CHECK(RequiredMentions(R"({object:technology}(?:\s*{=separator}\s*{technology})*)") == 1);
  CHECK(RequiredMentions(R"({object:technology}{aws_service}?)") == 1);
  CHECK(RequiredMentions(R"({object:technology}(?:x{technology}){0,2})") == 1);
  CHECK(RequiredMentions(R"((?:{object:company}|{object:person})\s*の方)") == 0);
  CHECK(RequiredMentions(R"({object:company}\s*:|{object:person}\s*:)") == 0);
  CHECK(RequiredMentions(R"((?P<objects>{aws_service}(?:\s*->\s*{aws_service})+))") == 2);
  CHECK(RequiredMentions(R"({subject:company}.*{each:technology})") == 1);
}

TEST_CASE("braces and parentheses that are not placeholders or groups are passed over", "[relations][required]") {
  CHECK(RequiredMentions(R"([^\s。、\x{E000}\x{E001}]{1,8}の\s*{object:technology})") == 1);
  CHECK(RequiredMentions(R"([(（]\s*{object:company}\s*[)）]\s*$)") == 1);
  CHECK(RequiredMentions(R"(\p{Han}{1,4}\({object:company}\))") == 1);
  CHECK(RequiredMentions(R"([{}()|]{object:company})") == 1);
  CHECK(RequiredMentions(R"(\{not\} {object:company})") == 1);
  CHECK(RequiredMentions("") == 0);
}

TEST_CASE("placeholders are found outside escapes, classes and repeats", "[relations][template]") {
  const std::string_view pattern = R"(\{x\} [{a}] \x{E000}\p{Han}{1,4} {subject:company}は{=use_verb}{object:aws_service|technology}{each:any}{bogus:company}{nosuch})";
  const std::vector<Placeholder> found = FindPlaceholders(pattern);
  REQUIRE(found.size() == 6);
  CHECK(found[0].inner == "subject:company");
  CHECK(found[0].role == Placeholder::Role::kSubject);
  CHECK(found[0].types == kCompany);
  CHECK(pattern.substr(found[0].begin, found[0].end - found[0].begin) == "{subject:company}");
  CHECK(found[1].role == Placeholder::Role::kDefine);
  CHECK(found[1].define == "use_verb");
  CHECK(found[2].role == Placeholder::Role::kObject);
  CHECK(found[2].types == (kAws | kTech));
  CHECK(found[3].role == Placeholder::Role::kEach);
  CHECK(found[3].types == (kAws | kCompany | kPerson | kTech));
  CHECK(found[4].role == Placeholder::Role::kInvalid);  // unknown role
  CHECK(found[5].role == Placeholder::Role::kInvalid);  // unknown type
  CHECK(FindPlaceholders("{技術}").size() == 1);
  CHECK(FindPlaceholders("{2}{0,3}{,3}{}").empty());
}

TEST_CASE("a line needs the types of the placeholders a match cannot skip", "[relations][template]") {
  const MentionNeeds migrated = NeedsOf(R"({subject:company}\s*は\s*{object:aws_service}\s*に移行)");
  CHECK(migrated.count == 2);
  CHECK(migrated.SatisfiedBy(2, kCompany | kAws));
  CHECK_FALSE(migrated.SatisfiedBy(2, kAws));             // no company on the line
  CHECK_FALSE(migrated.SatisfiedBy(2, kCompany | kTech));  // no AWS service
  CHECK_FALSE(migrated.SatisfiedBy(1, kCompany | kAws));   // two placeholders, one mention
  // An optional or alternative placeholder needs nothing; the object's types still do.
  const MentionNeeds either = NeedsOf(R"((?:{object:company}|{object:person})\s*の方)");
  CHECK(either.count == 0);
  CHECK(either.SatisfiedBy(1, kPerson));
  CHECK_FALSE(either.SatisfiedBy(3, kAws | kTech));
  const MentionNeeds optional = NeedsOf(R"({object:technology}{company}?)");
  CHECK(optional.SatisfiedBy(1, kTech));
  // {each:…} may capture nothing, but a match relates only what it captures.
  const MentionNeeds each = NeedsOf(R"({subject:company}.*{each:technology})");
  CHECK(each.count == 1);
  CHECK(each.SatisfiedBy(2, kCompany | kTech));
  CHECK_FALSE(each.SatisfiedBy(2, kCompany));
  // A hand-written objects group holds any mention.
  const MentionNeeds group = NeedsOf(R"(Announced\s+(?P<objects>.*))");
  CHECK(group.SatisfiedBy(1, kPerson));
}
