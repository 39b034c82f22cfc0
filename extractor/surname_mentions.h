// A family name written alone, "森", "大西": discovery takes it for a person only where さん and the line
// say so ("森さんの発表", rules/discovery.rules). Its other mentions in the document need an honorific after
// them too (a 森 inside 青森 or 森林 is no one), and where the document names one person with that family name
// in full ("大西 拓海さん"), the family name alone ("大西さんいわく") is that person. Used by the Extractor.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/types.h"

namespace kgx {

// True when `name` is one to three kanji and nothing else: "森", "大西", "佐々木"; not "大西 拓海", "AWS".
bool IsBareKanjiName(std::string_view name);

// True when the mention of a bare kanji name at [begin, end) of `text` is one: an honorific (さん, 氏,
// 様) follows it and no kanji comes right before it ("森さん", not "青森さん" nor "森林").
bool IsBareKanjiMention(std::string_view text, std::size_t begin, std::size_t end);

// The family name of a Japanese name written with one blank between kanji parts: "大西 拓海" -> "大西";
// "" for any other name ("大西拓海", "Hanako Yamamoto", "ファン ミン アン").
std::string KanjiFamilyName(std::string_view name);

// Maps (in `same_person`: entity index -> the person's index) each discovered person of `entities` named by
// a bare family name to the one discovered person whose spaced kanji name has that family name, when exactly
// one has it. Entities already in `same_person` are left as they are and name no family.
void MapFamilyNamesToPeople(const std::vector<Entity>& entities, std::map<std::size_t, std::size_t>& same_person);

}  // namespace kgx
