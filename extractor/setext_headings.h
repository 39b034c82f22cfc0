// Headings drawn with a line under them, for the segmenter: Markdown's setext headings ("Title" over
// "=====" or "-----") and reStructuredText's sections (an underline, or an overline and an underline,
// of one punctuation character). The adornment lines are layout, not text of the note.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "extractor/segmenter.h"

namespace kgx {

struct SetextHeadings {
  // Per line (by index): the heading level of an underlined title (1 is the highest), 0 for any other line.
  std::vector<std::size_t> level;
  // Per line: true for an adornment line (an underline or an overline) that belongs to such a title.
  std::vector<bool> adornment;
};

// Finds underlined titles among `lines`. A title is a line of text with a letter, that `may_be_title`
// accepts for its underline character (not a list item, not a line of code, not a front matter field;
// over a row of "-", which may be a rule as well, nothing that is never a heading) and that does not end like a
// sentence, right above a row of at least three of one adornment character (= - ~ ^ * + # `` ` `` " ' : .);
// a row of the same character right above the title is its overline. Levels go by the order in which
// the adornment styles (character, and overlined or not) first appear, as reStructuredText defines
// them, so that Markdown's "=" then "-" come out as levels 1 and 2.
SetextHeadings FindSetextHeadings(const std::vector<LineView>& lines, const std::function<bool(std::size_t, char)>& may_be_title);

}  // namespace kgx
