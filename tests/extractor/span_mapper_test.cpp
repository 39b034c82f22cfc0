// SpanMapper: normalized spans back to the original text, offsets and lines, and the windows and
// cuts that keep evidence short, in Japanese and English.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/reader.h"
#include "extractor/segmenter.h"
#include "extractor/span_mapper.h"

namespace {

// A document read, normalized and split into lines, as the extractor has it.
struct Mapped {
  kgx::SourceText source;
  kgx::NormalizedText normalized;
  std::vector<kgx::LineView> lines;

  explicit Mapped(const std::string& text) {
    std::vector<kgx::Warning> warnings;
    source = kgx::CleanSource("snippet.txt", text, warnings);
    normalized = kgx::Normalize(source.text);
    lines = kgx::SplitLines(normalized.text);
  }
  // The normalized span of the first `part` of the normalized text.
  std::pair<std::size_t, std::size_t> Span(const std::string& part) const {
    const std::size_t at = normalized.text.find(part);
    REQUIRE(at != std::string::npos);
    return {at, at + part.size()};
  }
};

}  // namespace

TEST_CASE("a normalized span maps back to the text as written, full-width forms too", "[span_mapper]") {
  const Mapped doc("# メモ\nＡＷＳ Ｌａｍｂｄａ は速い\nAWS Lambda is fast\n");
  const kgx::SpanMapper map(doc.source, doc.normalized, doc.lines);
  const auto [b, e] = doc.Span("Lambda");  // the first, written in full width
  const kgx::SpanMapper::Placed placed = map.Place(b, e);
  CHECK(placed.text == "Ｌａｍｂｄａ");
  CHECK(doc.source.text.substr(placed.file_begin, placed.file_end - placed.file_begin) == "Ｌａｍｂｄａ");
  CHECK(map.OriginalView(b, e) == "Ｌａｍｂｄａ");
  CHECK(map.LineOf(b) == 2);
  const auto [eb, ee] = doc.Span("fast");
  CHECK(map.Place(eb, ee).text == "fast");
  CHECK(map.LineOf(eb) == 3);
  CHECK(map.LineOf(0) == 1);
}

TEST_CASE("a line that fits is its own window, trimmed and uncut", "[span_mapper]") {
  const Mapped doc("  Lambda の p99 は 2.3 秒  \n");
  const kgx::SpanMapper map(doc.source, doc.normalized, doc.lines);
  const auto [b, e] = doc.Span("2.3");
  CHECK(map.OriginalWindow(1, b, e, 240) == "Lambda の p99 は 2.3 秒");
}

TEST_CASE("a long line's window is centred on the span and cut on characters", "[span_mapper]") {
  const std::string ja(300, 'a');
  const Mapped doc(ja + " あいうえお Amazon S3 かきくけこ " + ja + "\n");
  const kgx::SpanMapper map(doc.source, doc.normalized, doc.lines);
  const auto [b, e] = doc.Span("Amazon S3");
  const std::string window = map.OriginalWindow(1, b, e, 40);
  CHECK(window.find("Amazon S3") != std::string::npos);
  CHECK(window.rfind("…", 0) == 0);                           // cut before
  CHECK(window.substr(window.size() - 3) == "…");             // and after
  CHECK(window.size() <= 40 + 2 * std::string("…").size());  // about the limit
  // English: a span at the line's start keeps the start, cut only after
  const Mapped en("Amazon S3 " + ja + "\n");
  const kgx::SpanMapper en_map(en.source, en.normalized, en.lines);
  const auto [eb, ee] = en.Span("Amazon S3");
  CHECK(en_map.OriginalWindow(1, eb, ee, 20) == "Amazon S3 " + std::string(10, 'a') + "…");
}

TEST_CASE("text is cut after whole characters only", "[span_mapper]") {
  CHECK(kgx::CutText("あいうえお", 7) == "あい…");  // a third character would need 9 bytes
  CHECK(kgx::CutText("あいうえお", 15) == "あいうえお");
  CHECK(kgx::CutText("Amazon S3", 6) == "Amazon…");
  CHECK(kgx::CutText("", 0).empty());
}
