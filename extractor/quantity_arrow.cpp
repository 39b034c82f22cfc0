// Arrows between two amounts (see quantity_arrow.h).
#include "extractor/quantity_arrow.h"

#include "extractor/quantity_text.h"

namespace kgx {

std::size_t ArrowEnd(std::string_view line, std::size_t at) {
  using quantity_detail::SkipSpaces;
  const std::size_t pos = SkipSpaces(line, at);
  // Every arrow starts with '-', '=' or the lead byte 0xE2 (→ ⇒ ⟶ ➡): most numbers stop here.
  if (pos >= line.size() || (line[pos] != '-' && line[pos] != '=' && line[pos] != '\xE2')) return std::string_view::npos;
  for (const std::string_view arrow : {"-->", "->", "=>", "→", "⇒", "⟶", "➡"}) {
    if (line.substr(pos, arrow.size()) == arrow) return SkipSpaces(line, pos + arrow.size());
  }
  return std::string_view::npos;
}

}  // namespace kgx
