// Wiki markups read as Markdown (Textile, AsciiDoc, howm, MediaWiki, Hatena; see wiki_dialect.h):
// rewrites a note's markup in place, byte for byte, into the Markdown the segmenter and rules read.
// Pipeline: Normalizer -> WikiDialect / **WikiMarkup** (such documents only) -> Segmenter -> RuleEngine.
#pragma once

#include "extractor/normalizer.h"
#include "extractor/wiki_dialect.h"

namespace kgx {

// Rewrites the markup of `normalized` as written in `dialect` (text and folded alike; no byte moves,
// so offsets and the offset map stay exact; only ASCII marks typed as such are written over, with
// ASCII bytes, so no character is cut and a full-width "＊" or "＝" stays text):
// - headings become Markdown headings of their level: "h2. T" as "##  T" (Textile, three levels at
//   most: "h4." has three bytes), "== T" as "## T" (AsciiDoc, howm), "== T ==" as "## T   "
//   (MediaWiki), "**T" as "# T" (Hatena: one level less, the stars' byte for the blank; a single
//   star's heading "*T" loses its star and reads as text, "*t*T" is "#  T");
// - list items become "-" items indented by their depth: "** b" as " - b", "# one" as "- one",
//   ". one" (AsciiDoc), "--sub" as " -sub" (Hatena);
// - code blocks become fenced code ("<pre>", "{code}", "{noformat}", AsciiDoc's "----", "....", "++++"
//   and Hatena's ">|lang|" … "||<"): their lines are no headings; other delimiters (AsciiDoc's "====",
//   "****", "____", "--", "|===", Hatena's ">>", "<<", "====") and metadata (AsciiDoc attributes,
//   "[source,yaml]", "// comments", "////" blocks; MediaWiki "{{templates}}", "__TOC__"; Confluence
//   "{toc}") become blank;
// - MediaWiki's '''bold''' quotes are blank, "[[Page|text]]" reads as its text, "[[Page]]" as Page.
void RewriteWikiMarkup(NormalizedText& normalized, WikiDialect dialect);

}  // namespace kgx
