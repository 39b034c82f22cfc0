// Normalizer: the text that rules match against. NFKC (full-width ＡＷＳ/２５０ become AWS/250,
// half-width kana become full-width), unified dashes and tildes, and a parallel Latin-case-folded
// copy; plus a map from every normalized byte offset back to the source bytes.
// Pipeline: Reader -> **Normalizer** -> Segmenter -> RuleEngine.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

// Maps byte offsets of a normalized text back to its source. Stored sparsely: only the
// segments that normalization changed are kept; everything between them maps one to one.
class OffsetMap {
 public:
  struct Segment {
    std::size_t norm_begin, norm_end;  // [begin, end) in the normalized text
    std::size_t src_begin, src_end;    // what it came from in the source
  };

  // Appends a changed segment; segments must be added in increasing order.
  void AddChange(const Segment& segment) { segments_.push_back(segment); }

  // Returns the source offset where the normalized byte `norm` starts (for a span's begin).
  std::size_t ToSourceBegin(std::size_t norm) const;
  // Returns the source offset where the normalized span ending at `norm_end` ends.
  std::size_t ToSourceEnd(std::size_t norm_end) const;

  const std::vector<Segment>& segments() const { return segments_; }

 private:
  std::vector<Segment> segments_;
};

struct NormalizedText {
  std::string text;    // NFKC, dashes and tildes unified, case kept
  std::string folded;  // `text` with Latin letters lower-cased; same length, same offsets
  OffsetMap map;       // normalized offsets -> source offsets
};

// Normalizes valid UTF-8 `source` (the Reader guarantees validity). Newlines map one to one,
// so line structure is preserved. Never fails: if ICU reports an error the text is passed through
// unchanged (offsets stay exact).
NormalizedText Normalize(std::string_view source);

// Normalizes a short text such as a rule alias or a query name the same way and returns the
// folded form (what gazetteer literals are compared with).
std::string NormalizeForMatching(std::string_view text);

// Returns `text` with Latin letters lower-cased where the byte length stays the same (ASCII,
// Latin-1 and Latin Extended-A); other characters are kept.
std::string FoldLatinCase(std::string_view text);

}  // namespace kgx
