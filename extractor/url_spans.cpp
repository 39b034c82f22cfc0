// Web addresses in a line (see url_spans.h).
#include "extractor/url_spans.h"

#include <array>

namespace kgx {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Returns the length of the scheme ("https") that ends at `colon` ("://" follows), or 0.
std::size_t SchemeBefore(std::string_view text, std::size_t colon) {
  static constexpr std::array<std::string_view, 3> kSchemes = {"https", "http", "ftp"};
  for (const std::string_view scheme : kSchemes) {
    if (colon < scheme.size()) continue;
    const std::size_t begin = colon - scheme.size();
    bool same = true;
    for (std::size_t i = 0; same && i < scheme.size(); ++i) same = Lower(text[begin + i]) == scheme[i];
    // "xhttps://" is no address start: the scheme must start a word.
    const bool starts_word = begin == 0 || !((text[begin - 1] >= 'a' && text[begin - 1] <= 'z') ||
                                             (text[begin - 1] >= 'A' && text[begin - 1] <= 'Z'));
    if (same && starts_word) return scheme.size();
  }
  return 0;
}

// Returns true when the address ends before text[i]: ASCII white space, quotes, angle brackets,
// closing brackets, or a character from U+3000 to U+303F (、。「」【】 …) or full-width forms.
bool EndsAddress(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')' || c == ']' || c == '`') return true;
  if (c == 0xE3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) return true;  // U+3000–U+303F
  return c == 0xEF && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFC) == 0xBC;     // U+FF00–U+FFFF
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> UrlSpans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t colon = text.find("://"); colon != std::string_view::npos; colon = text.find("://", colon + 3)) {
    const std::size_t scheme = SchemeBefore(text, colon);
    if (scheme == 0 || (!spans.empty() && colon < spans.back().second)) continue;
    std::size_t end = colon + 3;
    while (end < text.size() && !EndsAddress(text, end)) ++end;
    spans.emplace_back(colon - scheme, end);
  }
  return spans;
}

}  // namespace kgx
