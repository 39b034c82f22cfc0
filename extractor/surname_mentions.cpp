// Family names written alone (see surname_mentions.h): a few characters' checks, no pattern engine.
#include "extractor/surname_mentions.h"

#include <optional>
#include <utility>

#include "extractor/script_ranges.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

// The number of kanji `text` is made of, or 0 when anything else is in it.
std::size_t KanjiCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    if (!IsNameKanji(DecodeUtf8(text, at, length))) return 0;
    ++count;
  }
  return count;
}

}  // namespace

bool IsBareKanjiName(std::string_view name) {
  const std::size_t kanji = KanjiCount(name);
  return kanji >= 1 && kanji <= 3;
}

bool IsBareKanjiMention(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0) {
    const std::optional<char32_t> before = CharacterBefore(text, begin);
    if (before && IsNameKanji(*before)) return false;
  }
  return HonorificAt(text, end) != 0;
}

std::string KanjiFamilyName(std::string_view name) {
  const std::size_t blank = name.find(' ');
  if (blank == std::string_view::npos || name.find(' ', blank + 1) != std::string_view::npos) return {};
  const std::string_view family = name.substr(0, blank);
  if (KanjiCount(family) == 0 || KanjiCount(name.substr(blank + 1)) == 0) return {};
  return std::string(family);
}

void MapFamilyNamesToPeople(const std::vector<Entity>& entities, std::map<std::size_t, std::size_t>& same_person) {
  const auto person = [&](std::size_t e) {
    return entities[e].discovered && entities[e].type == EntityType::kPerson && same_person.count(e) == 0;
  };
  // most documents name no one by a family name alone: then there is nothing to map
  bool bare = false;
  for (std::size_t e = 0; e < entities.size() && !bare; ++e) bare = person(e) && IsBareKanjiName(entities[e].name);
  if (!bare) return;
  std::map<std::string, std::optional<std::size_t>> family_names;  // family name -> its one person, if one
  for (std::size_t e = 0; e < entities.size(); ++e) {
    if (!person(e)) continue;
    if (std::string family = KanjiFamilyName(entities[e].name); !family.empty()) {
      const auto [it, added] = family_names.emplace(std::move(family), e);
      if (!added) it->second.reset();
    }
  }
  if (family_names.empty()) return;
  for (std::size_t e = 0; e < entities.size(); ++e) {
    if (!person(e)) continue;
    if (const auto to = family_names.find(entities[e].name); to != family_names.end() && to->second) same_person[e] = *to->second;
  }
}

}  // namespace kgx
