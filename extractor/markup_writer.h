// Writing over a note's markup in place (org_markup, wiki_markup): the text and its folded copy alike,
// byte for byte, and only over marks typed as ASCII (not folded from full-width forms by NFKC).
// Pipeline: Normalizer -> OrgMarkup / WikiMarkup (through this) -> Segmenter.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractor/normalizer.h"

namespace kgx {

class MarkupWriter {
 public:
  explicit MarkupWriter(NormalizedText& n) : n_(n) {}

 protected:
  std::string_view Text(std::size_t begin, std::size_t end) const {
    return std::string_view(n_.text).substr(begin, end - begin);
  }
  // Whether the normalized bytes [begin, end) are the source's own (ASCII as typed, not folded from
  // full-width forms by NFKC): then they map to as many source bytes.
  bool Verbatim(std::size_t begin, std::size_t end) const {
    return n_.map.ToSourceEnd(end) - n_.map.ToSourceBegin(begin) == end - begin;
  }
  void Put(std::size_t at, char c) {
    n_.text[at] = c;
    n_.folded[at] = c;
  }
  void Blank(std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) Put(at, ' ');
  }
  // Blanks [begin, end) when it is markup as typed; folded bytes (full-width forms) are text.
  void BlankIfVerbatim(std::size_t begin, std::size_t end) {
    if (Verbatim(begin, end)) Blank(begin, end);
  }

  // "[[target<separator>text]]" in [begin, end) as its text, "[[target]]" as its target (org writes
  // "][" between them, MediaWiki "|").
  void DoubleBracketLinks(std::size_t begin, std::size_t end, std::string_view separator) {
    const std::string_view line = Text(begin, end);
    for (std::size_t open = line.find("[["); open != std::string_view::npos; open = line.find("[[", open + 2)) {
      const std::size_t close = line.find("]]", open + 2);
      if (close == std::string_view::npos) return;
      if (!Verbatim(begin + open, begin + open + 2) || !Verbatim(begin + close, begin + close + 2)) continue;
      const std::size_t middle = line.substr(open + 2, close - open - 2).find(separator);
      Blank(begin + open, begin + (middle == std::string_view::npos ? open + 2 : open + 2 + middle + separator.size()));
      Blank(begin + close, begin + close + 2);
      open = close;
    }
  }

  NormalizedText& n_;
};

}  // namespace kgx
