// Regression tests for what hostile input broke (issue 8): every input the fuzzers found, replayed
// through the fuzz targets' own checks (tests/fuzz/regressions/<target>/), and one test per fix,
// named after what broke.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_checks.h"

namespace fs = std::filesystem;

namespace {

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replays every file of tests/fuzz/regressions/<target>/ through `check`.
template <typename Check>
void Replay(const std::string& target, Check check) {
  const fs::path dir = fs::path(KGX_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / target;
  if (!fs::is_directory(dir)) return;
  for (const auto& entry : fs::directory_iterator(dir)) {
    INFO(entry.path().string());
    CHECK(check(ReadBytes(entry.path())) == "");
  }
}

kgx::DocumentResult ExtractText(const std::string& text) {
  std::vector<kgx::Warning> warnings;
  return kgx::Extractor(kgx::fuzz::ShippedRules()).Extract(kgx::CleanSource("long.txt", text, warnings));
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::size_t MentionsOf(const kgx::DocumentResult& r, const std::string& id) {
  return static_cast<std::size_t>(std::count_if(r.mentions.begin(), r.mentions.end(),
                                                [&](const kgx::Mention& m) { return m.entity == id; }));
}

}  // namespace

TEST_CASE("every input the fuzzers found still passes its target's checks", "[hostile][fuzz]") {
  Replay("normalizer", kgx::fuzz::CheckNormalizer);
  Replay("quantity", kgx::fuzz::CheckQuantities);
  Replay("rules", kgx::fuzz::CheckRules);
  Replay("segmenter", kgx::fuzz::CheckSegmenter);
  Replay("extract", [](std::string_view bytes) { return kgx::fuzz::CheckExtract(bytes, true); });
}

TEST_CASE("the fuzz checks hold on the shipped samples", "[hostile][fuzz]") {
  for (const auto& entry : fs::directory_iterator(fs::path(KGX_SOURCE_DIR) / "samples")) {
    INFO(entry.path().string());
    const std::string bytes = ReadBytes(entry.path());
    CHECK(kgx::fuzz::CheckNormalizer(bytes) == "");
    CHECK(kgx::fuzz::CheckQuantities(bytes) == "");
    CHECK(kgx::fuzz::CheckSegmenter(bytes) == "");
    CHECK(kgx::fuzz::CheckExtract(bytes, true) == "");
  }
}

// Found by rules_fuzz: a NUL byte inside an alias reached Vectorscan, whose error had no location.
TEST_CASE("a NUL byte in a rule file is an error at its line and column", "[hostile][rules]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const std::string text = std::string("[gazetteer person]\nJane Doe\n\0\0Chris Wanstrath\nA \0B\n", 51);
  const auto blocks = kgx::ParseRuleText(text, "people.rules", diagnostics);
  REQUIRE(diagnostics.size() == 1);  // once per file
  CHECK(diagnostics[0].ToString() == "people.rules:3:1: error: NUL byte in rule text");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].lines.size() == 1);  // the lines with NUL bytes are dropped
  CHECK(kgx::fuzz::CheckRules(text) == "");
}

// Found by extract_fuzz (the shard contract): "Lyft" gave way to the discovered "Xcustomer Lyft"
// but stayed in the document's entities, a graph node without mentions that `kgx merge` of the
// JSON Lines output did not rebuild, so PageRank and the entity list differed.
TEST_CASE("an entity whose only mention gives way to a longer discovered name is not listed", "[hostile][extractor]") {
  const std::string text = "ARC680 - Journey to Microservices\nXcustomer Lyft の事例セッション。Envoy を作った会社の話\n";
  const kgx::DocumentResult r = ExtractText(text);
  CHECK(MentionsOf(r, "company/xcustomer-lyft") == 1);
  for (const kgx::Entity& e : r.entities) {
    INFO(e.id);
    CHECK(MentionsOf(r, e.id) > 0);
  }
  CHECK(kgx::fuzz::CheckExtract(text, true) == "");
}

// Found by the 100 MB line: per candidate, contexts ran their patterns over the whole line and
// compared the candidate with every other candidate of the line (quadratic).
TEST_CASE("a long line of context-dependent aliases is scanned in linear time", "[hostile][gazetteer]") {
  std::string line = "AWS re:Invent:";
  for (int i = 0; i < 100000; ++i) line += " Lambda と S3";
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText(line + "\n");
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  CHECK(MentionsOf(r, "aws_service/aws-lambda") == 100000);
  CHECK(MentionsOf(r, "aws_service/amazon-s3") == 100000);
}

TEST_CASE("context rules still see only the other, non-overlapping candidates of the line", "[hostile][gazetteer]") {
  // `lambda` (lower case) counts only with an AWS name nearby on the same line.
  CHECK(MentionsOf(ExtractText("DAT303 - x\n- lambda で処理\n"), "aws_service/aws-lambda") == 0);
  CHECK(MentionsOf(ExtractText("DAT303 - x\n- lambda で S3 を処理\n"), "aws_service/aws-lambda") == 1);
  CHECK(MentionsOf(ExtractText("DAT303 - x\n- S3\n- lambda で処理\n"), "aws_service/aws-lambda") == 0);
}

// Found by the 100 MB line: every mention copied its whole line before cutting it to 240 bytes,
// and the document's and first section's titles were the whole line.
TEST_CASE("evidence and titles from a huge line are cut without copying the line", "[hostile][extractor]") {
  std::string line = "Amazon Aurora";
  while (line.size() < (8u << 20)) line += " lorem ipsum Amazon Aurora dolor 日本語の文";
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText(line);
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  CHECK(MentionsOf(r, "aws_service/amazon-aurora") > 100000);
  for (const kgx::Mention& m : r.mentions) {
    REQUIRE(m.context.size() <= 240 + 2 * 3);  // a window of the line, "…" at each cut
    REQUIRE(kgx::IsValidUtf8(m.context));
    REQUIRE(m.context.find("Aurora") != std::string::npos);  // around its own match
  }
  CHECK(r.title.size() <= 4096 + 3);
  CHECK(r.title.ends_with("…"));
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].title == r.title);
}

// Found by the 100 MB line: each discovered name was checked against every listed name, and each
// quantity against every mention of its line (quadratic).
TEST_CASE("discovered names and quantities on a long line are resolved in linear time", "[hostile][extractor]") {
  std::string line;
  for (int i = 0; i < 30000; ++i) line += "Jeff Lawson 氏は Amazon Aurora で 5倍 速い。";
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText("DAT303 - Talk\n" + line + "\n");
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  CHECK(MentionsOf(r, "aws_service/amazon-aurora") == 30000);
  CHECK(r.quantities.size() == 30000);
  for (const kgx::Quantity& q : r.quantities) REQUIRE(q.measures == "aws_service/amazon-aurora");
}

TEST_CASE("a quantity measures the nearest entity of its line, the first on a tie", "[hostile][extractor]") {
  const auto measures = [](const std::string& text) {
    const kgx::DocumentResult r = ExtractText("DAT303 - Talk\n" + text + "\n");
    return r.quantities.size() == 1 ? r.quantities[0].measures : "?";
  };
  CHECK(measures("Amazon S3 は 10倍 速い Amazon Aurora") == "aws_service/amazon-s3");
  CHECK(measures("Amazon S3 だと Amazon Aurora が10倍") == "aws_service/amazon-aurora");
  CHECK(measures("10倍 速い Amazon Aurora と Amazon S3") == "aws_service/amazon-aurora");
  CHECK(measures("Amazon S3 x 10倍 x Amazon Aurora") == "aws_service/amazon-s3");
  CHECK(measures("10倍 だけ") == "");
}

// Found by the 100 MB line: a relation's veto (@unless) searched the whole line for the phrase's
// punctuation, once per candidate and mark: minutes for a line of 100 MB without a 。.
TEST_CASE("relation vetoes on a huge line look only at the phrase around the mention", "[hostile][relations]") {
  std::string line;
  std::size_t sentences = 0;
  while (line.size() < (32u << 20)) {
    if (line.size() % (64u << 10) < 16) {
      line += " Amazon Aurora を使っている ";
      ++sentences;
    }
    line += "lorem ipsum dolor amet ";
  }
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText("DAT303 - Talk\n" + line + "\n- Amazon Aurora を使っていない\n");
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  std::size_t uses = 0;
  for (const kgx::Relation& rel : r.relations) uses += rel.predicate == "uses" && rel.object == "aws_service/amazon-aurora" && rel.line == 2;
  CHECK(uses == sentences);
  for (const kgx::Relation& rel : r.relations) CHECK(rel.line != 3);  // the negated line is still vetoed
}

// Found by review of the rules fuzzer's event checks: filling "$x" with a captured text that held
// "$x" searched the result again from its start, forever.
TEST_CASE("an event name whose captured text holds its own placeholder is filled once", "[hostile][segmenter]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText("[event]\n(?i)summit\\s+(?P<x>\\S+) => AWS Summit $x\n", "events.rules", diagnostics);
  const auto segmenter = kgx::Segmenter::Compile(blocks, diagnostics);
  REQUIRE(segmenter);
  const std::string text = "Summit $x$x\n";
  const auto lines = kgx::SplitLines(text);
  CHECK(segmenter->Segment(lines).event == "AWS Summit $x$x");
  CHECK(kgx::fuzz::CheckRules("[event]\n(?P<x>\\$\\w+) => $x\n") == "");
}

// Found by a line listing 300,000 names: each relation's @unless phrase searched the line for
// punctuation, each object's marker was searched from the line's start, and every relation and
// mention copied up to 4 KB of the line: minutes and gigabytes. Now a window around the match.
TEST_CASE("a line listing a hundred thousand known names is extracted in linear time", "[hostile][relations]") {
  std::string line = "- ";
  for (int i = 0; i < 40000; ++i) line += "Kafka, Redis, Flink, ";
  line += "Zorq";
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText("DAT303 - Stack\n" + line + "\n");
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  CHECK(MentionsOf(r, "technology/kafka") == 40000);
  CHECK(MentionsOf(r, "technology/zorq") == 1);  // discovered from the list
  REQUIRE(!r.relations.empty());
  for (const kgx::Relation& relation : r.relations) REQUIRE(relation.text.size() <= 480 + 6);
  // A mention's context is the part of the line around it.
  const auto last = std::find_if(r.mentions.rbegin(), r.mentions.rend(), [](const kgx::Mention& m) { return m.entity == "technology/zorq"; });
  REQUIRE(last != r.mentions.rend());
  CHECK(last->context.find("Zorq") != std::string::npos);
  CHECK(last->context.rfind("…", 0) == 0);
}

// Found by a file of empty lines: each line of a section looked for its parent bullet by scanning
// back over every line above it (quadratic in the section's lines).
TEST_CASE("a section of many lines finds each line's parent bullet in linear time", "[hostile][relations]") {
  std::string text = "DAT303 - Talk\n- Amazon Aurora\n";
  for (int i = 0; i < 400000; ++i) text += i % 1000 == 0 ? "  - を使っている\n" : "\n";
  const auto start = std::chrono::steady_clock::now();
  const kgx::DocumentResult r = ExtractText(text);
  INFO("seconds: " << SecondsSince(start));
  CHECK(SecondsSince(start) < 60);
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].end_line == 400002);
}

// Found by the FIFO case: opening a FIFO that no one writes to blocked the whole run forever.
TEST_CASE("a FIFO that no one writes to reads as empty instead of blocking", "[hostile][reader]") {
  const fs::path dir = fs::temp_directory_path() / ("kgx-fifo-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  REQUIRE(::mkfifo((dir / "notes.txt").c_str(), 0644) == 0);
  std::vector<kgx::Warning> warnings;
  CHECK_FALSE(kgx::ReadSource((dir / "notes.txt").string(), warnings));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message == "empty file; skipped");
  fs::remove_all(dir);
}

// Found by the symlink case: a dangling link or a FIFO named like a note vanished without a word.
TEST_CASE("notes in a folder that are not regular files are named in a warning", "[hostile][reader]") {
  const fs::path dir = fs::temp_directory_path() / ("kgx-special-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "good.txt") << "x";
  fs::create_symlink("nowhere.txt", dir / "gone.txt");
  REQUIRE(::mkfifo((dir / "fifo.md").c_str(), 0644) == 0);
  std::vector<kgx::Warning> warnings;
  const auto files = kgx::ListInputFiles({dir.string()}, warnings);
  CHECK(files == std::vector<std::string>{(dir / "good.txt").string()});
  REQUIRE(warnings.size() == 2);
  std::vector<std::string> shown;
  for (const auto& w : warnings) shown.push_back(w.ToString());
  std::sort(shown.begin(), shown.end());
  CHECK(shown[0] == (dir / "fifo.md").string() + ": warning: not a regular file; skipped");
  CHECK(shown[1] == (dir / "gone.txt").string() + ": warning: broken symbolic link; skipped");
  fs::remove_all(dir);
}
