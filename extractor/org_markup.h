// Org-mode notes (Emacs org, howm in org mode): tells an org document and rewrites its markup, in
// place and byte for byte, into the Markdown the segmenter and the rules read ("** Talk" as "## Talk").
// Pipeline: Normalizer -> **OrgMarkup** (org documents only) -> Segmenter -> RuleEngine.
#pragma once

#include <string_view>

#include "extractor/normalizer.h"

namespace kgx {

// Whether a document is written in org-mode: its path ends in ".org" (any case), or its first
// non-blank line is one of the keywords org files open with (#+TITLE:, #+STARTUP:, #+OPTIONS:,
// #+AUTHOR:, #+DATE:, #+FILETAGS:, any case) or Emacs's mode line naming org ("-*- mode: org -*-").
// A document of another kind pays for its path's end and its first bytes.
bool IsOrgDocument(std::string_view path, std::string_view source);

// Rewrites the org markup of `normalized` (text and folded alike; no byte moves, so offsets and the
// offset map stay exact, and only ASCII bytes are written over ASCII bytes, so no character is cut):
// - "** TODO [#A] Title [1/3] :tag:" (stars at the line's start, then a blank) becomes
//   "##              Title              ": a Markdown heading of as many levels as stars (six at most),
//   without its TODO keyword (TODO, DONE and those a #+TODO: line declares), priority, statistics
//   cookie and tags;
// - the first "#+TITLE:" before any heading becomes "#       Title": the document's title;
// - every other "#+KEYWORD:" line, a comment ("# …"), a planning line ("SCHEDULED: <…>", "DEADLINE:",
//   "CLOSED:", "CLOCK:") becomes blank;
// - a block ("#+BEGIN_SRC" … "#+END_SRC", any name and case, closed by its own name before the next
//   heading) becomes a fenced code block: its lines are no headings, their names are mentions but
//   state nothing;
// - a drawer (":PROPERTIES:" … ":END:", ":LOGBOOK:" …, closed before the next heading) becomes blank:
//   metadata Emacs hides, between a heading and its "Speaker:" line;
// - a link "[[url][text]]" reads as its text, "[[target]]" as its target.
// Marks written with full-width characters ("＊＊ 見出し") are text, as Emacs reads them.
void RewriteOrgMarkup(NormalizedText& normalized);

}  // namespace kgx
