// Org-mode markup read as Markdown (see org_markup.h). Each line is classified first (heading,
// keyword, block or drawer mark, comment, planning line); blocks and drawers are then paired with
// their ends, and every mark is written over with blanks, '#' or '`' in the text and its folded copy.
#include "extractor/org_markup.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extractor/line_walk.h"
#include "extractor/markup_writer.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::size_t kMarkdownLevels = 6;
// How far into its first line a mode line ("# -*- mode: org -*-") is looked for.
constexpr std::size_t kModeLineWindow = 200;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The keyword of a "#+KEY:" or "#+KEY" line (lower case), "" when `trimmed` is none.
std::string KeywordOf(std::string_view trimmed) {
  if (!trimmed.starts_with("#+")) return "";
  std::size_t end = 2;
  while (end < trimmed.size() && !IsBlank(trimmed[end]) && trimmed[end] != ':') ++end;
  return AsciiLowerCopy(trimmed.substr(2, end - 2));
}

bool IsOpeningKeyword(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kOpening = {"title", "startup", "options", "author", "date", "filetags"};
  const std::string key = KeywordOf(line);
  if (key.empty() || line.size() <= 2 + key.size() || line[2 + key.size()] != ':') return false;
  return std::find(kOpening.begin(), kOpening.end(), key) != kOpening.end();
}

// "-*- mode: org -*-" or "-*- org -*-" within the line's first bytes.
bool IsOrgModeLine(std::string_view line) {
  if (line.substr(0, kModeLineWindow).find("-*-") == std::string_view::npos) return false;  // a Markdown title
  const std::string head = AsciiLowerCopy(line.substr(0, kModeLineWindow));
  const std::size_t open = head.find("-*-");
  if (open == std::string::npos) return false;
  const std::size_t close = head.find("-*-", open + 3);
  if (close == std::string::npos) return false;
  const std::string_view inside = TrimAscii(std::string_view(head).substr(open + 3, close - open - 3));
  if (inside == "org") return true;
  const std::size_t mode = inside.find("mode:");
  if (mode == std::string_view::npos || (mode > 0 && !IsBlank(inside[mode - 1]) && inside[mode - 1] != ';')) return false;
  const std::string_view value = TrimAscii(inside.substr(mode + 5));
  return value.starts_with("org") && (value.size() == 3 || value[3] == ';' || IsBlank(value[3]));
}

enum class LineKind { kText, kHeading, kKeyword, kBlockBegin, kBlockEnd, kDrawerBegin, kDrawerEnd, kComment, kPlanning };

struct OrgLine {
  std::size_t begin = 0, end = 0;  // the line's bytes in the normalized text, without '\r'
  std::size_t trimmed = 0;         // where its text starts after blanks
  LineKind kind = LineKind::kText;
  std::size_t stars = 0;           // a heading's level
  std::string name;                // a block's name (src, quote, …), lower case
};

// A planning line: "SCHEDULED: <2025-06-16 Mon>", "CLOCK: [2025-06-16 Mon 10:00]--[…]".
bool IsPlanning(std::string_view trimmed) {
  for (const std::string_view word : {"SCHEDULED:", "DEADLINE:", "CLOSED:", "CLOCK:"}) {
    if (!trimmed.starts_with(word)) continue;
    const std::string_view rest = TrimAscii(trimmed.substr(word.size()));
    return !rest.empty() && (rest.front() == '<' || rest.front() == '[');
  }
  return false;
}

// ":PROPERTIES:", ":LOGBOOK:", any ":NAME:" alone on its line (not ":END:").
bool IsDrawerBegin(std::string_view trimmed) {
  if (trimmed.size() < 3 || trimmed.front() != ':' || trimmed.back() != ':' || trimmed == ":END:" || trimmed == ":end:") return false;
  return std::all_of(trimmed.begin() + 1, trimmed.end() - 1, [](char c) {
    return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

class Rewriter : MarkupWriter {
 public:
  explicit Rewriter(NormalizedText& n) : MarkupWriter(n) {}

  void Run() {
    Classify();
    std::map<std::string, std::vector<std::size_t>> block_ends;  // name -> lines closing such a block
    std::vector<std::size_t> drawer_ends, headings;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == LineKind::kBlockEnd) block_ends[lines_[i].name].push_back(i);
      if (lines_[i].kind == LineKind::kDrawerEnd) drawer_ends.push_back(i);
      if (lines_[i].kind == LineKind::kHeading) headings.push_back(i);
    }
    // The first of `ends` after line i, if it comes before the next heading (which ends any block).
    const auto close_of = [&](const std::vector<std::size_t>& ends, std::size_t i) -> std::size_t {
      const auto end = std::upper_bound(ends.begin(), ends.end(), i);
      if (end == ends.end()) return 0;
      const auto heading = std::upper_bound(headings.begin(), headings.end(), i);
      return heading != headings.end() && *heading < *end ? 0 : *end;
    };
    bool heading_seen = false, title_given = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const OrgLine& line = lines_[i];
      switch (line.kind) {
        case LineKind::kBlockBegin:
        case LineKind::kDrawerBegin: {
          const std::size_t close = line.kind == LineKind::kBlockBegin
                                        ? close_of(block_ends[line.name], i)
                                        : close_of(drawer_ends, i);
          if (close == 0) {  // unclosed: no block, a line of metadata
            Blank(line.begin, line.end);
            break;
          }
          if (line.kind == LineKind::kDrawerBegin) {
            // Metadata (properties, clock entries) the note hides: blank, so that the speaker line
            // under a heading's drawer is still the heading's next line.
            for (std::size_t k = i; k <= close; ++k) Blank(lines_[k].begin, lines_[k].end);
          } else {
            Fence(line);
            Fence(lines_[close]);
          }
          i = close;  // what a block holds is left as written
          break;
        }
        case LineKind::kHeading:
          heading_seen = true;
          Heading(line);
          Links(line.begin, line.end);
          break;
        case LineKind::kKeyword:
          if (!heading_seen && !title_given && Title(line)) {
            title_given = true;
          } else {
            Blank(line.begin, line.end);
          }
          break;
        case LineKind::kBlockEnd:
        case LineKind::kDrawerEnd:
        case LineKind::kComment:
        case LineKind::kPlanning:
          Blank(line.begin, line.end);
          break;
        case LineKind::kText:
          Links(line.begin, line.end);
          break;
      }
    }
  }

 private:
  // "```" over the mark, blanks after it: a Markdown fence (every mark has three bytes or more).
  void Fence(const OrgLine& line) {
    Blank(line.trimmed, line.end);
    for (std::size_t at = line.trimmed; at < line.trimmed + 3; ++at) Put(at, '`');
  }

  void Classify() {
    for (const TextLine& text_line : LineWalk(n_.text)) {
      OrgLine line;
      line.begin = text_line.begin;
      line.end = text_line.end;
      line.trimmed = line.begin + Indent(text_line.text);
      Kind(line);
      if (line.kind == LineKind::kKeyword) TodoWords(Text(line.trimmed, line.end));
      lines_.push_back(std::move(line));
    }
  }

  void Kind(OrgLine& line) {
    const std::string_view whole = Text(line.begin, line.end);
    const std::string_view trimmed = Text(line.trimmed, line.end);
    std::size_t stars = 0;
    while (stars < whole.size() && whole[stars] == '*') ++stars;
    if (stars > 0 && stars < whole.size() && whole[stars] == ' ' && Verbatim(line.begin, line.begin + stars + 1)) {
      line.kind = LineKind::kHeading;
      line.stars = stars;
      return;
    }
    if (trimmed.empty()) return;
    if (trimmed.front() == '#' && !Verbatim(line.trimmed, line.trimmed + std::min<std::size_t>(2, trimmed.size()))) return;
    if (trimmed == "#" || trimmed.starts_with("# ") || trimmed.starts_with("#\t")) {
      line.kind = LineKind::kComment;
      return;
    }
    if (trimmed.starts_with("#+")) {
      const std::string key = KeywordOf(trimmed);
      if (key.starts_with("begin_") && key.size() > 6) {
        line.kind = LineKind::kBlockBegin;
        line.name = key.substr(6);
      } else if (key.starts_with("end_") && key.size() > 4 && key.size() + 2 == TrimAscii(trimmed).size()) {
        line.kind = LineKind::kBlockEnd;
        line.name = key.substr(4);
      } else {
        line.kind = LineKind::kKeyword;
      }
      return;
    }
    const std::string_view mark = TrimAscii(trimmed);
    if (mark.front() == ':' && Verbatim(line.trimmed, line.trimmed + mark.size())) {
      if (mark == ":END:" || mark == ":end:") line.kind = LineKind::kDrawerEnd;
      else if (IsDrawerBegin(mark)) line.kind = LineKind::kDrawerBegin;
      return;
    }
    if (IsPlanning(trimmed)) line.kind = LineKind::kPlanning;
  }

  // The words a "#+TODO:" (SEQ_TODO, TYP_TODO) line declares: "TODO(t) NEXT | DONE(d!)".
  void TodoWords(std::string_view trimmed) {
    const std::string key = KeywordOf(trimmed);
    if (key != "todo" && key != "seq_todo" && key != "typ_todo") return;
    std::string_view rest = trimmed.substr(2 + key.size());
    if (rest.starts_with(":")) rest.remove_prefix(1);
    while (!rest.empty()) {
      const std::size_t start = rest.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      const std::size_t stop = std::min(rest.find_first_of(" \t"), rest.size());
      std::string_view word = rest.substr(0, stop);
      word = word.substr(0, std::min(word.find('('), word.size()));
      if (!word.empty() && word != "|") todo_words_.emplace(word);
      rest.remove_prefix(stop);
    }
  }

  // "** TODO [#A] Title [2/5] :tag:" as "## " and its title alone.
  void Heading(const OrgLine& line) {
    for (std::size_t k = 0; k < line.stars; ++k) Put(line.begin + k, k < kMarkdownLevels ? '#' : ' ');
    std::size_t at = line.begin + line.stars + 1;
    const auto skip_blanks = [&] {
      while (at < line.end && IsBlank(n_.text[at])) ++at;
    };
    skip_blanks();
    std::size_t word_end = at;
    while (word_end < line.end && !IsBlank(n_.text[word_end])) ++word_end;
    if (todo_words_.count(std::string(Text(at, word_end))) > 0) {
      Blank(at, word_end);
      at = word_end;
      skip_blanks();
    }
    const std::string_view rest = Text(at, line.end);
    if (rest.size() >= 4 && rest.starts_with("[#") && rest[3] == ']' && IsAsciiAlnum(static_cast<unsigned char>(rest[2]))) {
      Blank(at, at + 4);
    }
    // Tags: the last word, ":a:b:", after a blank.
    std::size_t end = line.end;
    while (end > at && IsBlank(n_.text[end - 1])) --end;
    std::size_t tags = end;
    while (tags > at && !IsBlank(n_.text[tags - 1])) --tags;
    const std::string_view last = Text(tags, end);
    if (tags > line.begin + line.stars && last.size() >= 3 && last.front() == ':' && last.back() == ':' &&
        last.find("::") == std::string_view::npos) {
      Blank(tags, end);
    }
    Cookies(at, end);
  }

  // Statistics cookies "[2/5]", "[40%]", "[/]": progress, not title.
  void Cookies(std::size_t begin, std::size_t end) {
    for (std::size_t open = begin; open < end; ++open) {
      if (n_.text[open] != '[') continue;
      std::size_t k = open + 1;
      while (k < end && IsDigit(n_.text[k])) ++k;
      if (k < end && n_.text[k] == '/') {
        ++k;
        while (k < end && IsDigit(n_.text[k])) ++k;
      } else if (k < end && n_.text[k] == '%') {
        ++k;
      } else {
        continue;
      }
      if (k < end && n_.text[k] == ']') Blank(open, k + 1);
    }
  }

  // "#+TITLE: Name" as "#       Name"; false when the keyword is no title or names nothing.
  bool Title(const OrgLine& line) {
    const std::string_view trimmed = Text(line.trimmed, line.end);
    if (KeywordOf(trimmed) != "title" || trimmed.size() <= 8 || trimmed[7] != ':') return false;
    if (TrimAscii(trimmed.substr(8)).empty()) return false;
    Blank(line.trimmed + 1, line.trimmed + 8);
    return true;
  }

  // "[[url][text]]" as its text, "[[target]]" as its target.
  void Links(std::size_t begin, std::size_t end) { DoubleBracketLinks(begin, end, "]["); }

  std::vector<OrgLine> lines_;
  std::set<std::string, std::less<>> todo_words_{"TODO", "DONE"};
};

}  // namespace

bool IsOrgDocument(std::string_view path, std::string_view source) {
  if (path.size() >= 4 && AsciiLowerCopy(path.substr(path.size() - 4)) == ".org") return true;
  const std::size_t first = source.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  const char c = source[first];
  if (c != '#' && c != '-') return false;  // most notes start otherwise
  std::string_view line = source.substr(first);
  line = line.substr(0, std::min(line.find('\n'), line.size()));
  return IsOpeningKeyword(line) || IsOrgModeLine(line);
}

void RewriteOrgMarkup(NormalizedText& normalized) { Rewriter(normalized).Run(); }

}  // namespace kgx
