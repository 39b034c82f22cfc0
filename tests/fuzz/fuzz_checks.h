// The invariants the fuzz targets check, one function per target, shared by the libFuzzer
// binaries (tests/fuzz/*_fuzz.cpp) and by the Catch2 replay of tests/fuzz/regressions/, so every
// finding stays a regression test in the ordinary (and the sanitizer) test run.
// Each Check* returns "" when every invariant holds, else a description of the first violation.
#pragma once

#include <array>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "exporters/exporter.h"
#include "exporters/jsonl_reader.h"
#include "extractor/extractor.h"
#include "extractor/normalizer.h"
#include "extractor/org_markup.h"
#include "extractor/quantity_parser.h"
#include "extractor/reader.h"
#include "extractor/rule_file.h"
#include "extractor/rule_set.h"
#include "extractor/segmenter.h"
#include "extractor/text_util.h"
#include "extractor/wiki_markup.h"
#include "graph/graph_builder.h"

namespace kgx::fuzz {

// Returns the shipped rules ($KGX_RULES or the source tree's rules/), loaded once. Aborts when
// they do not load: a fuzz run without them would test nothing.
inline const RuleSet& ShippedRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    const char* env = std::getenv("KGX_RULES");
    const std::string dir = env && *env ? env : KGX_SOURCE_DIR "/rules";
    std::vector<RuleDiagnostic> diagnostics;
    auto loaded = RuleSet::Load({dir}, diagnostics);
    if (!loaded) {
      for (const RuleDiagnostic& d : diagnostics) std::cerr << d.ToString() << '\n';
      std::cerr << "fuzz: cannot load the rules of " << dir << '\n';
      std::abort();
    }
    return loaded;
  }();
  return *rules;
}

namespace detail {

inline bool IsBoundary(std::string_view text, std::size_t at) {
  return at == text.size() || (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80);
}

// Returns "" when [begin, end) is a well-formed slice of `text` on character boundaries.
inline std::string CheckSlice(std::string_view what, std::string_view text, std::size_t begin, std::size_t end) {
  std::ostringstream out;
  if (begin > end || end > text.size()) {
    out << what << ": span [" << begin << ", " << end << ") outside text of " << text.size() << " bytes";
    return out.str();
  }
  if (!IsBoundary(text, begin) || !IsBoundary(text, end)) {
    out << what << ": span [" << begin << ", " << end << ") cuts a UTF-8 character";
    return out.str();
  }
  if (!IsValidUtf8(text.substr(begin, end - begin))) {
    out << what << ": span [" << begin << ", " << end << ") is not valid UTF-8";
    return out.str();
  }
  return "";
}

inline std::string CheckUtf8(std::string_view what, std::string_view text) {
  return IsValidUtf8(text) ? "" : std::string(what) + ": not valid UTF-8";
}

// Collects an exporter's files in memory.
class MemorySink final : public FileSink {
 public:
  std::ostream& Begin(const std::string& relative_path) override {
    files_.emplace_back(relative_path, std::make_unique<std::ostringstream>());
    return *files_.back().second;
  }
  std::string Text(std::size_t i) const { return files_[i].second->str(); }
  const std::string& Name(std::size_t i) const { return files_[i].first; }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::pair<std::string, std::unique_ptr<std::ostringstream>>> files_;
};

// Returns the JSON Lines export of `results` (the merge's format).
inline std::string JsonLinesOf(const std::vector<DocumentResult>& results) {
  GraphBuilder builder;
  for (const DocumentResult& r : results) builder.Add(r);
  const KnowledgeGraph graph = builder.Finish();
  MemorySink sink;
  FindExporter("jsonl")->Write(graph, sink);
  return sink.size() ? sink.Text(0) : "";
}

}  // namespace detail

#define KGX_FUZZ_REQUIRE(cond, message)       \
  do {                                        \
    if (!(cond)) {                            \
      std::ostringstream kgx_fuzz_out;        \
      kgx_fuzz_out << message;                \
      return kgx_fuzz_out.str();              \
    }                                         \
  } while (0)

#define KGX_FUZZ_TRY(expr)                      \
  do {                                          \
    if (std::string kgx_fuzz_e = (expr); !kgx_fuzz_e.empty()) return kgx_fuzz_e; \
  } while (0)

// Reader + normalizer: cleaned text is valid UTF-8 and maps back to the file's bytes; the
// normalized text's offset map sends every character (and so every span) to a well-formed slice
// of the original text, monotonically, and keeps every newline.
inline std::string CheckNormalizer(std::string_view bytes) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource("fuzz.txt", bytes, warnings);
  const std::string& src = source.text;
  KGX_FUZZ_TRY(detail::CheckUtf8("cleaned text", src));
  KGX_FUZZ_REQUIRE(source.FileOffset(src.size()) == bytes.size(),
                   "FileOffset(end) = " << source.FileOffset(src.size()) << ", file has " << bytes.size());
  std::size_t previous_file = 0;
  for (std::size_t i = 0, length = 0; i < src.size(); i += length) {  // character boundaries
    const char32_t cp = DecodeUtf8(src, i, length);
    const std::size_t f = source.FileOffset(i);
    KGX_FUZZ_REQUIRE((i == 0 || f > previous_file) && f < bytes.size(), "FileOffset(" << i << ") = " << f << " not monotonic or past the end");
    previous_file = f;
    if (cp != 0xFFFD) {
      KGX_FUZZ_REQUIRE(bytes.compare(f, length, src, i, length) == 0, "FileOffset(" << i << ") points at other bytes");
    }
  }

  const NormalizedText n = Normalize(src);
  KGX_FUZZ_TRY(detail::CheckUtf8("normalized text", n.text));
  KGX_FUZZ_TRY(detail::CheckUtf8("folded text", n.folded));
  KGX_FUZZ_REQUIRE(n.folded.size() == n.text.size(), "folded copy has another length");
  std::size_t last_norm = 0, last_src = 0;
  for (const OffsetMap::Segment& s : n.map.segments()) {
    KGX_FUZZ_REQUIRE(s.norm_begin <= s.norm_end && s.src_begin <= s.src_end && s.norm_begin >= last_norm &&
                         s.src_begin >= last_src && s.norm_end <= n.text.size() && s.src_end <= src.size(),
                     "offset map segment out of order or out of range");
    last_norm = s.norm_end;
    last_src = s.src_end;
  }
  std::size_t previous_begin = 0, previous_end = 0;
  std::size_t newlines = 0;
  for (std::size_t b = 0; b < n.text.size();) {
    std::size_t length = 0;
    DecodeUtf8(n.text, b, length);
    const std::size_t e = b + length;
    const std::size_t sb = n.map.ToSourceBegin(b);
    const std::size_t se = n.map.ToSourceEnd(e);
    // Both ends on character boundaries of valid text: the slice is valid text too.
    if (!(sb <= se && se <= src.size() && detail::IsBoundary(src, sb) && detail::IsBoundary(src, se))) {
      KGX_FUZZ_TRY(detail::CheckSlice("normalized character at " + std::to_string(b), src, sb, se));
    }
    KGX_FUZZ_REQUIRE(sb >= previous_begin && se >= previous_end, "offset map not monotonic at " << b);
    previous_begin = sb;
    previous_end = se;
    if (n.text[b] == '\n') {
      ++newlines;
      KGX_FUZZ_REQUIRE(se == sb + 1 && src[sb] == '\n', "newline at normalized " << b << " does not map to a newline");
    }
    b = e;
  }
  KGX_FUZZ_REQUIRE(n.map.ToSourceBegin(0) == 0 && n.map.ToSourceEnd(n.text.size()) == src.size(),
                   "the whole normalized text does not map to the whole source");
  KGX_FUZZ_REQUIRE(newlines == static_cast<std::size_t>(std::count(src.begin(), src.end(), '\n')),
                   "normalization changed the number of lines");
  KGX_FUZZ_TRY(detail::CheckUtf8("NormalizeForMatching", NormalizeForMatching(src)));
  return "";
}

// Quantity parser on every line: spans inside the line, on character boundaries, left to right
// and disjoint; a finite value or a finite range, and a unit.
inline std::string CheckQuantities(std::string_view bytes) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource("fuzz.txt", bytes, warnings);
  const NormalizedText n = Normalize(source.text);
  for (const LineView& line : SplitLines(n.text)) {
    std::size_t previous_end = 0;
    for (const QuantityMatch& q : ShippedRules().quantities().Find(line.text)) {
      KGX_FUZZ_TRY(detail::CheckSlice("quantity on line " + std::to_string(line.number), line.text, q.begin, q.end));
      KGX_FUZZ_REQUIRE(q.begin < q.end, "empty quantity on line " << line.number);
      KGX_FUZZ_REQUIRE(q.begin >= previous_end, "quantities overlap or are out of order on line " << line.number);
      previous_end = q.end;
      KGX_FUZZ_REQUIRE(q.value.has_value() != (q.min.has_value() && q.max.has_value()),
                       "quantity needs a value or a range on line " << line.number);
      for (const auto* v : {&q.value, &q.min, &q.max}) {
        KGX_FUZZ_REQUIRE(!v->has_value() || std::isfinite(**v), "quantity value is not finite on line " << line.number
                                                                    << ": '" << line.text.substr(q.begin, q.end - q.begin) << "'");
      }
      KGX_FUZZ_REQUIRE(!q.unit.empty(), "quantity without unit on line " << line.number);
      KGX_FUZZ_TRY(detail::CheckUtf8("unit", q.unit));
      KGX_FUZZ_TRY(detail::CheckUtf8("per", q.per));
    }
  }
  return "";
}

// Segmenter over every line of a document: sections in line order covering the document from
// the first one, titles and codes inside their header line.
// An input of odd length is read as an org note (fuzz.org); one of even length as a wiki note of the
// dialect its length names (fuzz.textile, fuzz.adoc, fuzz.howm, fuzz.wiki) or as plain text unless it
// opens like an org or a wiki note (Hatena is told by content only): every reading is fuzzed.
inline std::string FuzzPath(std::string_view folder, std::string_view bytes) {
  static constexpr std::array<std::string_view, 6> kEven = {"fuzz.txt", "fuzz.textile", "fuzz.adoc", "fuzz.howm", "fuzz.wiki", "fuzz.txt"};
  return std::string(folder) + std::string(bytes.size() % 2 == 1 ? "fuzz.org" : kEven[(bytes.size() / 2) % kEven.size()]);
}

inline std::string CheckSegmenter(std::string_view bytes) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource(FuzzPath("", bytes), bytes, warnings);
  NormalizedText n = Normalize(source.text);
  if (IsOrgDocument(source.path, source.text)) {
    const std::size_t size = n.text.size();
    RewriteOrgMarkup(n);
    KGX_FUZZ_REQUIRE(n.text.size() == size && n.folded.size() == size, "org markup moved bytes");
    KGX_FUZZ_TRY(detail::CheckUtf8("org text", n.text));
  } else if (const WikiDialect dialect = DetectWikiDialect(source.path, source.text); dialect != WikiDialect::kNone) {
    const std::size_t size = n.text.size();
    RewriteWikiMarkup(n, dialect);
    KGX_FUZZ_REQUIRE(n.text.size() == size && n.folded == FoldLatinCase(n.text), "wiki markup moved or unfolded bytes");
    KGX_FUZZ_TRY(detail::CheckUtf8("wiki text", n.text));
  }
  const std::vector<LineView> lines = SplitLines(n.text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineView& l = lines[i];
    KGX_FUZZ_REQUIRE(l.number == i + 1 && l.norm_begin <= l.norm_end && l.norm_end <= n.text.size() &&
                         l.text == std::string_view(n.text).substr(l.norm_begin, l.norm_end - l.norm_begin) &&
                         l.text.find('\n') == std::string_view::npos,
                     "SplitLines: bad line " << i + 1);
  }
  const Segmentation seg = ShippedRules().segmenter().Segment(lines);
  KGX_FUZZ_TRY(detail::CheckUtf8("event", seg.event));
  std::size_t previous_line = 0;
  for (const SectionSpan& s : seg.sections) {
    KGX_FUZZ_REQUIRE(s.line > previous_line && s.line <= lines.size() && s.end_line >= s.line &&
                         s.end_line <= lines.size(),
                     "section at line " << s.line << " (to " << s.end_line << ") out of order or range");
    if (previous_line) KGX_FUZZ_REQUIRE(seg.sections[&s - seg.sections.data() - 1].end_line == s.line - 1, "sections leave a gap before line " << s.line);
    previous_line = s.line;
    const LineView& header = lines[s.line - 1];
    KGX_FUZZ_TRY(detail::CheckSlice("section title", n.text, s.title_begin, s.title_end));
    KGX_FUZZ_REQUIRE(s.title_begin >= header.norm_begin && s.title_end <= header.norm_end,
                     "section title outside its header line " << s.line);
    KGX_FUZZ_TRY(detail::CheckSlice("section code", n.text, s.code_begin, s.code_end));
    // a code is on the header line, or on a field of the section's own lines under it (a session
    // catalog's "Session ID: SVS401" under the title)
    KGX_FUZZ_REQUIRE(s.code_end == s.code_begin ||
                         (s.code_begin >= header.norm_begin && s.code_end <= lines[s.end_line - 1].norm_end),
                     "section code outside its section " << s.line);
  }
  if (!seg.sections.empty()) {
    KGX_FUZZ_REQUIRE(seg.sections.back().end_line == lines.size(), "last section does not end at the last line");
  }
  return "";
}

// The whole pipeline on one document: extraction (every offset inside the file, every text the
// file's own bytes), the graph, the exporters (valid UTF-8, JSON where the format is JSON), and
// the shard contract: the JSON Lines output read back and exported again gives the same bytes.
// Fuzzing writes JSON Lines and one more format chosen by the input (exporting all seven made
// each run ten times slower); `every_format` writes them all.
inline std::string CheckExtract(std::string_view bytes, bool every_format = false) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource(FuzzPath("notes/", bytes), bytes, warnings);
  const bool bytes_kept = IsValidUtf8(bytes);  // then original offsets slice the file directly
  const Extractor extractor(ShippedRules());
  const DocumentResult r = extractor.Extract(source);
  const std::size_t line_count = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
  const auto has_entity = [&](const std::string& id) {
    return std::any_of(r.entities.begin(), r.entities.end(), [&](const Entity& e) { return e.id == id; });
  };
  KGX_FUZZ_TRY(detail::CheckUtf8("title", r.title));
  KGX_FUZZ_TRY(detail::CheckUtf8("event", r.event));
  for (const Section& s : r.sections) {
    KGX_FUZZ_REQUIRE(s.line >= 1 && s.line <= s.end_line && s.end_line <= line_count, "section lines out of range");
    KGX_FUZZ_TRY(detail::CheckUtf8("section title", s.title));
    KGX_FUZZ_TRY(detail::CheckUtf8("section code", s.code));
  }
  for (const Entity& e : r.entities) {
    KGX_FUZZ_TRY(detail::CheckUtf8("entity name", e.name));
    KGX_FUZZ_TRY(detail::CheckUtf8("entity id", e.id));
    KGX_FUZZ_REQUIRE(!e.id.empty() && e.id.find('/') != std::string::npos && e.id.back() != '/', "bad entity id '" << e.id << "'");
  }
  const auto check_span = [&](std::string_view what, std::size_t line, std::size_t section, std::size_t start,
                              std::size_t end, const std::string& text) -> std::string {
    KGX_FUZZ_REQUIRE(line >= 1 && line <= line_count, what << ": line " << line << " out of range");
    KGX_FUZZ_REQUIRE(section < r.sections.size(), what << ": section index out of range");
    KGX_FUZZ_REQUIRE(start <= end && end <= bytes.size(), what << ": [" << start << ", " << end << ") outside the file");
    KGX_FUZZ_TRY(detail::CheckUtf8(what, text));
    if (bytes_kept) {
      KGX_FUZZ_REQUIRE(bytes.substr(start, end - start) == text,
                       what << ": text '" << text << "' is not the file's bytes [" << start << ", " << end << ")");
    }
    return "";
  };
  for (const Mention& m : r.mentions) {
    KGX_FUZZ_REQUIRE(has_entity(m.entity), "mention of unknown entity " << m.entity);
    KGX_FUZZ_TRY(check_span("mention", m.line, m.section, m.start, m.end, m.text));
    KGX_FUZZ_TRY(detail::CheckUtf8("mention context", m.context));
    // A window of the line: 240 bytes with "…" at each cut, around the mention.
    KGX_FUZZ_REQUIRE(m.context.size() <= 240 + 2 * 3, "mention context longer than 240 bytes");
    KGX_FUZZ_REQUIRE(m.text.size() > 100 || m.context.find(m.text) != std::string::npos,
                     "mention '" << m.text << "' not in its context '" << m.context << "'");
  }
  for (const Quantity& q : r.quantities) {
    KGX_FUZZ_TRY(check_span("quantity", q.line, q.section, q.start, q.end, q.text));
    KGX_FUZZ_REQUIRE(q.measures.empty() || has_entity(q.measures), "quantity measures unknown entity " << q.measures);
  }
  for (const Relation& rel : r.relations) {
    KGX_FUZZ_REQUIRE(has_entity(rel.object), "relation to unknown entity " << rel.object);
    KGX_FUZZ_REQUIRE(rel.line >= 1 && rel.line <= line_count && rel.section < r.sections.size(), "relation out of range");
    KGX_FUZZ_TRY(detail::CheckUtf8("relation text", rel.text));
    KGX_FUZZ_REQUIRE(rel.text.size() <= 480 + 2 * 3, "relation text longer than 480 bytes");
  }

  // Graph and exporters.
  GraphBuilder builder;
  builder.Add(r);
  const KnowledgeGraph graph = builder.Finish();
  std::string jsonl;
  const std::vector<std::string_view> names = ExporterNames();
  const std::size_t chosen = std::hash<std::string_view>()(bytes) % names.size();
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string_view name = names[k];
    if (!every_format && name != "jsonl" && k != chosen) continue;
    detail::MemorySink sink;
    FindExporter(name)->Write(graph, sink);
    for (std::size_t i = 0; i < sink.size(); ++i) {
      const std::string text = sink.Text(i);
      KGX_FUZZ_TRY(detail::CheckUtf8(std::string(name) + " output " + sink.Name(i), text));
      if (name == "jsonld") {
        KGX_FUZZ_REQUIRE(nlohmann::json::accept(text), "jsonld output is not JSON");
      }
      if (name == "jsonl") jsonl = text;
    }
  }
  std::istringstream lines_in(jsonl);
  std::string record;
  while (std::getline(lines_in, record)) {
    KGX_FUZZ_REQUIRE(nlohmann::json::accept(record), "jsonl record is not JSON: " << record.substr(0, 200));
  }

  // Determinism and the shard contract.
  KGX_FUZZ_REQUIRE(detail::JsonLinesOf({extractor.Extract(source)}) == jsonl, "a second extraction differs");
  std::istringstream back(jsonl);
  std::vector<DocumentResult> read;
  const Status status = ReadJsonLines(back, "fuzz.jsonl", read);
  KGX_FUZZ_REQUIRE(status.ok(), "own jsonl does not read back: " << status.ToString());
  KGX_FUZZ_REQUIRE(detail::JsonLinesOf(read) == jsonl, "jsonl read back and written again differs");
  return "";
}

// Rule loader: any text gives blocks and located diagnostics, never a crash; a rule set that
// compiles extracts from a snippet and from the rule text itself.
inline std::string CheckRules(std::string_view bytes) {
  const std::string file = "fuzz.rules";
  const std::size_t line_count = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
  std::vector<RuleDiagnostic> diagnostics;
  const std::vector<RuleBlock> blocks = ParseRuleText(bytes, file, diagnostics);
  for (const RuleBlock& block : blocks) {
    KGX_FUZZ_REQUIRE(block.where.file == file && block.where.line >= 1 && block.where.line <= line_count &&
                         block.where.column >= 1,
                     "block header without a location");
    for (const RuleLine& line : block.lines) {
      KGX_FUZZ_REQUIRE(line.where.line > block.where.line && line.where.line <= line_count && line.where.column >= 1,
                       "rule line without a location");
      KGX_FUZZ_REQUIRE(!line.text.empty(), "empty rule line kept");
    }
  }
  const std::unique_ptr<RuleSet> rules = RuleSet::FromBlocks(blocks, diagnostics);
  bool has_error = false;
  for (const RuleDiagnostic& d : diagnostics) {
    has_error |= d.is_error;
    KGX_FUZZ_REQUIRE(d.where.file == file, "diagnostic without the file: " << d.ToString());
    KGX_FUZZ_REQUIRE(d.where.line <= line_count, "diagnostic past the last line: " << d.ToString());
    KGX_FUZZ_REQUIRE(d.where.line == 0 || d.where.column >= 1, "diagnostic without a column: " << d.ToString());
    KGX_FUZZ_TRY(detail::CheckUtf8("diagnostic", d.ToString()));
  }
  KGX_FUZZ_REQUIRE(has_error == !rules, (has_error ? "rules with errors were returned" : "rules refused without an error"));
  if (!rules) return "";
  const Extractor extractor(*rules);
  std::vector<Warning> warnings;
  for (std::string_view text : {std::string_view("DAT303 - Deep Dive on Amazon Aurora\n- Aurora は 1日5500億イベント\n"
                                                 "Keynote Day2 - Werner Vogels\nNetflixの中の人, CEO の Andy Jassy\n"),
                                bytes}) {
    const DocumentResult r = extractor.Extract(CleanSource("fuzz.txt", text, warnings));
    for (const Mention& m : r.mentions) KGX_FUZZ_REQUIRE(m.start <= m.end && m.end <= text.size(), "mention outside the document");
  }
  return "";
}

#undef KGX_FUZZ_TRY
#undef KGX_FUZZ_REQUIRE

// Runs `check` on libFuzzer's input and aborts with the message on a violation.
template <typename Check>
int RunCheck(Check check, const std::uint8_t* data, std::size_t size) {
  const std::string problem = check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::cerr << "invariant violated: " << problem << '\n';
    std::abort();
  }
  return 0;
}

}  // namespace kgx::fuzz
