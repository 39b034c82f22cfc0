// Japanese writes a person's name with or without the blank between family and given name:
// "大西 拓海", "大西拓海". The Extractor makes both spellings in one document one person; this
// says which spelling a spaced name has without its blanks.
#pragma once

#include <string>
#include <string_view>

namespace kgx {

// Returns `name` without its blanks when it is a Japanese name written with them (letters outside
// ASCII only, one or two single blanks between them: "大西 拓海", "ファン ミン アン"); else an empty
// string ("Hanako Yamamoto", "大西拓海", "AWS 太郎").
std::string JoinedJapaneseName(std::string_view name);

}  // namespace kgx
