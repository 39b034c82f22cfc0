// RelationTemplate: the placeholders of a relation pattern as written in rules/relations.rules
// (`{subject:company}`, `{object:any}`, `{aws_service}`, `{=separator}`), found by one scanner
// that serves both the pattern's compilation (RelationRules) and what a line must hold for the
// pattern to match it (MentionNeeds), so the two cannot disagree on what a placeholder is.
// Syntax: rules/README.md, "Relations".
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extractor/types.h"

namespace kgx {

// The characters around a mention's marker in the text RelationRules matches (U+E000, a type
// letter, the mention's index, U+E001): what a placeholder stands for on a line.
inline constexpr std::string_view kMarkerOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kMarkerClose = "\xEE\x80\x81";  // U+E001

// One bit per EntityType.
using TypeMask = unsigned;
constexpr TypeMask TypeBit(EntityType type) { return 1u << static_cast<unsigned>(type); }
constexpr TypeMask kAnyType = (1u << 4) - 1;

struct Placeholder {
  enum class Role { kDefine, kMention, kSubject, kObject, kObjects, kEach, kInvalid };
  std::size_t begin = 0;   // offset of '{'
  std::size_t end = 0;     // offset after '}'
  std::string_view inner;  // between the braces, as written
  Role role = Role::kInvalid;
  std::string_view define;  // kDefine: the define's name
  TypeMask types = 0;       // mention roles: the types it takes (never 0 for a valid one)
};

// Returns the placeholders of `pattern` in order. A brace in a character class, an escaped brace,
// the braces of RE2's `\x{…}`, `\p{…}`, `\P{…}` and repeats (`{2}`, `{0,30}`) are no
// placeholders. A placeholder with an unknown role or type is returned as kInvalid.
std::vector<Placeholder> FindPlaceholders(std::string_view pattern);

// Returns the placeholder pattern[begin, end) (its braces included) with its role and types: what
// FindPlaceholders gives for one placeholder the syntax reader found (ReadRegexTokens).
Placeholder PlaceholderAt(std::string_view pattern, std::size_t begin, std::size_t end);

// What a line must hold for a pattern to relate anything on it. A lower bound: a line that
// fails it cannot give the pattern a match with an object, so the pattern need not run there.
struct MentionNeeds {
  std::size_t count = 0;          // at least this many mentions
  std::vector<TypeMask> each_of;  // a mention of one of these types, for each (not necessarily distinct)
  TypeMask object_types = kAnyType;  // an object the match captures is one of these

  // Inline: asked for every pattern the prefilter lets through on a line.
  bool SatisfiedBy(std::size_t mentions, TypeMask types_present) const {
    if (mentions < count || (object_types & types_present) == 0) return false;
    for (const TypeMask need : each_of) {
      if ((need & types_present) == 0) return false;
    }
    return true;
  }
};

// A placeholder counts unless something may skip it: a group around it or the placeholder itself
// followed by ?, * or {0,…}, or an alternation around it. {each:…} and {=define} count nothing.
MentionNeeds NeedsOf(std::string_view pattern);

}  // namespace kgx
