// The line shapes of the wiki markups kgx reads besides Markdown and org (Textile, AsciiDoc, howm,
// MediaWiki, Hatena): shared by telling a document's dialect (wiki_dialect) and rewriting it (wiki_markup).
// Pipeline: Normalizer -> WikiDialect / WikiMarkup -> Segmenter; these look at one line each.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// The bytes of a Textile heading's mark, "h2." or "h2(#id).", when a blank and text follow; 0 otherwise
// ("h1.Title", "h7. ", "hN." inside a sentence are none; its level is the mark's second byte).
std::size_t TextileHeadingMark(std::string_view line);

// The level of an AsciiDoc or howm heading, "== Title" (one to six "=", a blank, text); 0 otherwise.
std::size_t EqualsHeadingLevel(std::string_view line);

// The level of a MediaWiki heading, "=== Title ===" (as many "=" on both sides, one to six, text
// between them); 0 otherwise.
std::size_t MediaWikiHeadingLevel(std::string_view line);

// The stars of a Hatena heading, "*Title", "**Sub" (one to three, text right after them, or a label
// "*t*Title"); 0 for a Markdown item "* a", emphasis "*a*", bold "**Date:** …" or a "***" rule.
std::size_t HatenaHeadingMark(std::string_view line);

// A Hatena list item: "-item", "--sub", "+numbered" (no blank after the signs; "-3 度", "->" are none).
bool IsHatenaListItem(std::string_view line);

// An AsciiDoc attribute entry: ":author: Taro", ":toc:", ":sectnums!:".
bool IsAsciiDocAttribute(std::string_view line);

}  // namespace kgx
