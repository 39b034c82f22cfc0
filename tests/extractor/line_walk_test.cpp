// LineWalk: the lines every stage cuts a note into (CRLF, lone CR, no final newline, empty text,
// Japanese lines), and SplitLines, which numbers the same lines for the segmenter.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/line_walk.h"
#include "extractor/segmenter.h"

namespace kgx {
namespace {

std::vector<std::string> Texts(std::string_view text, std::size_t from = 0) {
  std::vector<std::string> out;
  for (const TextLine& line : LineWalk(text, from)) out.emplace_back(line.text);
  return out;
}

// "begin-end-next" of each line.
std::vector<std::string> Bounds(std::string_view text) {
  std::vector<std::string> out;
  for (const TextLine& line : LineWalk(text)) {
    out.push_back(std::to_string(line.begin) + "-" + std::to_string(line.end) + "-" + std::to_string(line.next));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST_CASE("a line walk drops the CR of CRLF and keeps a lone CR inside a line", "[line_walk]") {
  CHECK(Texts("a\r\nb\r\n") == Lines{"a", "b"});
  CHECK(Bounds("a\r\nb\r\n") == Lines{"0-1-3", "3-4-6"});
  CHECK(Texts("\r\n\r\n") == Lines{"", ""});
  // Only the CR right before the break goes: one of two stays, and one in mid-line is text.
  CHECK(Texts("a\r\r\nb") == Lines{"a\r", "b"});
  CHECK(Texts("a\rb\nc") == Lines{"a\rb", "c"});
  CHECK(Bounds("a\rb\nc") == Lines{"0-3-4", "4-5-5"});
  // A CR that ends the text is dropped as before a break (a CRLF file cut after its CR).
  CHECK(Texts("a\nb\r") == Lines{"a", "b"});
  CHECK(Bounds("\r") == Lines{"0-0-1"});
}

TEST_CASE("a line walk reads a last line without newline, and none in an empty text", "[line_walk]") {
  CHECK(Texts("").empty());
  CHECK(Texts("x") == Lines{"x"});
  CHECK(Texts("x\ny") == Lines{"x", "y"});
  // A final newline ends the last line: no empty line after it.
  CHECK(Texts("x\n") == Lines{"x"});
  CHECK(Texts("\n") == Lines{""});
  CHECK(Texts("a\n\nb") == Lines{"a", "", "b"});
  CHECK(Bounds("x\ny") == Lines{"0-1-2", "2-3-3"});
}

TEST_CASE("a line walk counts Japanese lines in bytes", "[line_walk]") {
  const std::string text = "東京で発表\r\n登壇者: 山田\n\n大阪";
  CHECK(Texts(text) == Lines{"東京で発表", "登壇者: 山田", "", "大阪"});
  // 東京で発表 is five three-byte characters; 登壇者: 山田 is 3 * 3 + 2 + 2 * 3 bytes.
  CHECK(Bounds(text) == Lines{"0-15-17", "17-34-35", "35-35-36", "36-42-42"});
}

TEST_CASE("a line walk starts at a given line and ends with the text", "[line_walk]") {
  const std::string text = "----\ncode\r\n----\n";
  CHECK(Texts(text, 5) == Lines{"code", "----"});
  CHECK(Texts(text, 11) == Lines{"----"});
  CHECK(Texts(text, text.size()).empty());
  CHECK(Texts(text, text.size() + 3).empty());
  const TextLine first = LineAt(text, 0);
  CHECK(Texts(text, first.next) == Lines{"code", "----"});
}

TEST_CASE("SplitLines numbers the lines of the walk from 1", "[line_walk][segmenter]") {
  const std::string text = "# 見出し\r\nbody\rtext\n\nlast";
  const std::vector<LineView> lines = SplitLines(text);
  REQUIRE(lines.size() == 4);
  std::size_t k = 0;
  for (const TextLine& line : LineWalk(text)) {
    INFO("line " << k + 1);
    CHECK(lines[k].number == k + 1);
    CHECK(lines[k].norm_begin == line.begin);
    CHECK(lines[k].norm_end == line.end);
    CHECK(lines[k].text == line.text);
    ++k;
  }
  CHECK(lines[0].text == "# 見出し");
  CHECK(lines[1].text == "body\rtext");
  CHECK(SplitLines("").empty());
}

}  // namespace
}  // namespace kgx
