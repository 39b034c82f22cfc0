// Other wiki markups a note may be written in (Textile as Redmine and Confluence write it, AsciiDoc,
// howm, MediaWiki, Hatena notation): tells which one a document uses, by its path or its first lines.
// Pipeline: Normalizer -> **WikiDialect** / WikiMarkup (such documents only) -> Segmenter -> RuleEngine.
#pragma once

#include <string_view>

namespace kgx {

enum class WikiDialect { kNone, kTextile, kAsciiDoc, kHowm, kMediaWiki, kHatena };

// The dialect a path's extension (any case) names: .textile; .adoc, .asciidoc; .howm; .wiki,
// .mediawiki, .wikitext; kNone for any other (a folder's notes are these and *.txt, *.md, *.org).
WikiDialect WikiDialectOfExtension(std::string_view path);

// The dialect of a document (org-mode is told apart before, by IsOrgDocument):
// - by its path's extension (WikiDialectOfExtension);
// - else by its first non-blank line: "h1. Title" (Textile, "h1" to "h6", attributes allowed:
//   "h2(#id). "); "== Title ==" with as many "=" on both sides (MediaWiki); "= Title" over a date line
//   "[2026-03-10 19:00]" (howm) or followed by ":attr:" lines or a later "== Heading" (AsciiDoc);
//   "*Title" with no blank after its stars (Hatena), when another Hatena heading, a "-item" list or a
//   ">>" quote follows.
// A Markdown or plain note pays for its path's end and its first byte ('h', '=' and '*' are looked at
// further): "*emphasis*", "* item", "= " in prose, a "==" separator or "h1." in a sentence are none.
WikiDialect DetectWikiDialect(std::string_view path, std::string_view source);

}  // namespace kgx
