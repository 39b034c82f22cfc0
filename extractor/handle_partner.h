// A person's name followed by their social handle, as a post's head or a speaker line writes it:
// "Tomoko Hayashi @tomo_h_sre · 3月6日", "山田 太郎 (@yamada_t)", "Speaker: Jane Doe @janedoe", "大西 拓海さん (@t_onishi)". The handle
// names the same person; the Extractor makes it (and the document's other "@tomo_h_sre さん") a
// mention of that person and keeps it as an alias. Reads a few bytes after a name; no pattern engine.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "extractor/romanized_names.h"
#include "extractor/types.h"

namespace kgx {

// Finds the handle right after the person named at [name_begin, name_end) of the normalized `text`:
// an honorific (さん, 氏, 様) and blanks, then "@handle" or "(@handle)". A handle is letters, digits and '_', with single '.' or '-'
// inside it (a Bluesky "@nagi.bsky.social"), and ends the word: "jane@acme.com" has none, nor does an
// affiliation "Jane Doe @ Acme" (a blank after '@'). A name that is itself a handle has no partner.
// Returns the span of "@handle" (its '@' included, as discovery names a handle), or nothing.
std::optional<NameSpan> HandleAfterName(std::string_view text, std::size_t name_begin, std::size_t name_end);

// Adds `alias` to the aliases of `entity` unless it is there already (out of line: the Extractor's one
// big function stays as small as its hot loops want).
void AddAlias(Entity& entity, std::string_view alias);

}  // namespace kgx
