// Front matter: the title an article gives in its metadata block before the text, as Zenn, Qiita,
// Jekyll ("---" / `title: "…"` / "---") and Hugo ("+++" / `title = "…"` / "+++") write it. The
// document's title comes from there, not from the "---" that opens the block.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "extractor/segmenter.h"

namespace kgx {

// Where a front matter's title stands: a span of the normalized text (without quotes).
struct FrontMatterTitle {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line = 0;  // the 1-based number of the line that holds it
};

// The title of the front matter that opens `lines` (the first line is "---" or "+++", a closing one
// follows within a few dozen lines, and every line between reads as metadata); nullopt when the
// document has no such block or the block has no non-empty title.
std::optional<FrontMatterTitle> FindFrontMatterTitle(const std::vector<LineView>& lines);

// The index (into `lines`) of the delimiter that closes the front matter opening `lines`, or 0 when
// the document opens with none (Obsidian's block of tags and dates has no title: the first heading
// after it names the document).
std::size_t FrontMatterEnd(const std::vector<LineView>& lines);

}  // namespace kgx
