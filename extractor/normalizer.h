// Normalizer: the text that rules match against. NFKC (full-width ＡＷＳ/２５０ become AWS/250,
// half-width kana become full-width), unified dashes and tildes, and a parallel Latin-case-folded
// copy; plus a map from every normalized byte offset back to the source bytes.
// Pipeline: Reader -> **Normalizer** -> Segmenter -> RuleEngine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

// Maps byte offsets of a normalized text back to its source. Stored sparsely: only the
// segments that normalization changed are kept; everything between them maps one to one. Once
// indexed, a lookup searches only the segments that start in its block of 64 normalized bytes.
class OffsetMap {
 public:
  struct Segment {
    std::size_t norm_begin, norm_end;  // [begin, end) in the normalized text
    std::size_t src_begin, src_end;    // what it came from in the source
  };

  // Appends a changed segment; segments must be added in increasing order.
  void AddChange(const Segment& segment) { segments_.push_back(segment); }
  // Drops the segments from the `count`-th on (what a line given up on had added).
  void DropFrom(std::size_t count) { segments_.resize(count); }
  // Indexes the segments by blocks of 64 normalized bytes of a text of `text_size` bytes; call
  // once every change is added (a change added later makes lookups search all segments again).
  void Index(std::size_t text_size);

  // Returns the source offset where the normalized byte `norm` starts (for a span's begin).
  std::size_t ToSourceBegin(std::size_t norm) const;
  // Returns the source offset where the normalized span ending at `norm_end` ends.
  std::size_t ToSourceEnd(std::size_t norm_end) const;

  const std::vector<Segment>& segments() const { return segments_; }

 private:
  // The segments [first, last) in which the last one starting before (or at) `norm` is found:
  // segments before block_first_[k] start before k * 64, so at or before `norm`; the one at
  // block_first_[k + 1] starts at (k + 1) * 64 or later, after `norm`.
  void Candidates(std::size_t norm, std::size_t& first, std::size_t& last) const {
    first = 0;
    last = segments_.size();
    if (indexed_count_ != last || block_first_.empty()) return;
    const std::size_t k = norm >> kBlockBits;
    if (k + 1 >= block_first_.size()) {
      first = block_first_.back();
      return;
    }
    first = block_first_[k];
    last = block_first_[k + 1];
  }

  static constexpr unsigned kBlockBits = 6;  // blocks of 64 normalized bytes

  std::vector<Segment> segments_;
  // block_first_[k]: the first segment starting at k * 64 or later, for k up to the text's last
  // block + 1; valid while segments_ holds indexed_count_ segments.
  std::vector<std::uint32_t> block_first_;
  std::size_t indexed_count_ = 0;
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

// Normalize without its shortcuts: every line goes through ICU's quick check and, where that
// fails, its normalizer. The same result, slower; for tests of the shortcuts.
NormalizedText NormalizeWithoutShortcuts(std::string_view source);

// Normalizes a short text such as a rule alias or a query name the same way and returns the
// folded form (what gazetteer literals are compared with).
std::string NormalizeForMatching(std::string_view text);

// Returns `text` with Latin letters lower-cased where the byte length stays the same (ASCII,
// Latin-1 and Latin Extended-A); other characters are kept.
std::string FoldLatinCase(std::string_view text);

}  // namespace kgx
