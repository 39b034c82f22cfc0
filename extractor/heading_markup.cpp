// Scrapbox heading brackets: see heading_markup.h.
#include "extractor/heading_markup.h"

namespace kgx {

std::string_view StripScrapboxHeading(std::string_view title) {
  if (title.size() < 5 || title.front() != '[' || title.back() != ']' || title[1] != '*') return title;
  std::size_t at = 1;
  while (at < title.size() && title[at] == '*') ++at;
  // Scrapbox needs a blank after the stars; "[*bold]" without one is no heading markup here.
  if (at >= title.size() || (title[at] != ' ' && title[at] != '\t')) return title;
  std::string_view inner = title.substr(at, title.size() - 1 - at);
  if (inner.find_first_of("[]") != std::string_view::npos) return title;
  const std::size_t first = inner.find_first_not_of(" \t");
  if (first == std::string_view::npos) return title;
  const std::size_t last = inner.find_last_not_of(" \t");
  return inner.substr(first, last - first + 1);
}

}  // namespace kgx
