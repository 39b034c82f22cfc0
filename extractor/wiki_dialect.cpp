// Which wiki markup a note is written in (see wiki_dialect.h): its extension first, then the shape of
// its first non-blank line and, for the shapes prose could take too, of the lines after it.
#include "extractor/wiki_dialect.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "extractor/text_util.h"
#include "extractor/wiki_lines.h"

namespace kgx {

namespace {

// How many lines after the first a Hatena or AsciiDoc note is asked to confirm its dialect.
constexpr std::size_t kConfirmLines = 200;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

WikiDialect WikiDialectOfExtension(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.size() - dot > 10) return WikiDialect::kNone;
  const std::string ext = AsciiLowerCopy(path.substr(dot));
  static constexpr std::array<std::pair<std::string_view, WikiDialect>, 7> kExtensions = {{
      {".textile", WikiDialect::kTextile},  {".adoc", WikiDialect::kAsciiDoc},   {".asciidoc", WikiDialect::kAsciiDoc},
      {".howm", WikiDialect::kHowm},        {".wiki", WikiDialect::kMediaWiki},  {".mediawiki", WikiDialect::kMediaWiki},
      {".wikitext", WikiDialect::kMediaWiki},
  }};
  for (const auto& [known, dialect] : kExtensions) {
    if (ext == known) return dialect;
  }
  return WikiDialect::kNone;
}

namespace {

// The line of `text` at `begin`, without its '\n' and '\r'.
std::string_view LineAt(std::string_view text, std::size_t begin) {
  std::string_view line = text.substr(begin, text.find('\n', begin) - begin);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// Calls `each(line)` on the lines after `first` (at most kConfirmLines) until it returns true.
template <typename Each>
bool AnyLineAfter(std::string_view text, std::size_t first, Each each) {
  std::size_t at = text.find('\n', first);
  for (std::size_t n = 0; at != std::string_view::npos && n < kConfirmLines; ++n) {
    const std::string_view line = LineAt(text, at + 1);
    if (each(line)) return true;
    at = text.find('\n', at + 1);
  }
  return false;
}

}  // namespace

WikiDialect DetectWikiDialect(std::string_view path, std::string_view source) {
  if (const WikiDialect by_path = WikiDialectOfExtension(path); by_path != WikiDialect::kNone) return by_path;
  const std::size_t first = source.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return WikiDialect::kNone;
  const char c = source[first];
  if (c != 'h' && c != '=' && c != '*') return WikiDialect::kNone;  // most notes start otherwise
  if (first > 0 && source[first - 1] != '\n') return WikiDialect::kNone;  // an indented first line is none of them
  const std::string_view line = LineAt(source, first);
  if (c == 'h') return TextileHeadingMark(line) > 0 ? WikiDialect::kTextile : WikiDialect::kNone;
  if (c == '=') {
    if (MediaWikiHeadingLevel(line) > 0) return WikiDialect::kMediaWiki;
    if (EqualsHeadingLevel(line) != 1) return WikiDialect::kNone;
    // howm stamps a memo with its date under its title: "[2026-03-10 19:00]"
    const std::size_t next = source.find_first_not_of(" \t\r\n", std::min(source.find('\n', first), source.size()));
    if (next != std::string_view::npos) {
      const std::string_view second = LineAt(source, next);
      if (second.size() >= 11 && second[0] == '[' && IsDigit(second[1]) && IsDigit(second[4]) && second[5] == '-' &&
          IsDigit(second[6]) && second[8] == '-') {
        return WikiDialect::kHowm;
      }
      if (IsAsciiDocAttribute(second)) return WikiDialect::kAsciiDoc;
    }
    return AnyLineAfter(source, first, [](std::string_view l) { return EqualsHeadingLevel(l) == 2; })
               ? WikiDialect::kAsciiDoc
               : WikiDialect::kNone;
  }
  if (HatenaHeadingMark(line) == 0) return WikiDialect::kNone;
  return AnyLineAfter(source, first, [](std::string_view l) {
           return HatenaHeadingMark(l) > 0 || IsHatenaListItem(l) || TrimAscii(l) == ">>";
         })
             ? WikiDialect::kHatena
             : WikiDialect::kNone;
}

}  // namespace kgx
