// Wiki markup read as Markdown (see wiki_markup.h): each line is read by its dialect's rules; a block
// opener is paired with its closer (the first line equal to it) before it is fenced or blanked, and
// every mark is written over in the text and its folded copy.
#include "extractor/wiki_markup.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "extractor/line_walk.h"
#include "extractor/markup_writer.h"
#include "extractor/text_util.h"
#include "extractor/wiki_lines.h"

namespace kgx {

namespace {

constexpr std::size_t kMarkdownLevels = 6;
constexpr std::size_t kMostListDepth = 6;
constexpr std::size_t kMinDelimiter = 4;  // AsciiDoc's "----" and its kin

// A line's length without the blanks after it.
std::size_t LengthWithoutTrail(std::string_view line) {
  const std::size_t last = line.find_last_not_of(" \t");
  return last == std::string_view::npos ? 0 : last + 1;
}

// A line made of one character repeated `least` times or more ("----", "....").
bool IsRunOf(std::string_view line, char c, std::size_t least) {
  return line.size() >= least && line.find_first_not_of(c) == std::string_view::npos;
}

// What a block's content is read as.
enum class BlockKind { kFence, kBlank, kOpen };

class Rewriter : MarkupWriter {
 public:
  Rewriter(NormalizedText& n, WikiDialect dialect) : MarkupWriter(n), dialect_(dialect) {}

  void Run() {
    for (const TextLine& current : LineWalk(n_.text)) {
      current_ = current;
      const std::string_view line = current.text;
      if (!closer_.empty()) {
        if (TrimAscii(line) == closer_) {
          Mark(block_);
          closer_.clear();
        } else if (block_ == BlockKind::kBlank) {
          Blank(current_.begin, current_.end);
        }
        continue;
      }
      switch (dialect_) {
        case WikiDialect::kTextile: Textile(line); break;
        case WikiDialect::kAsciiDoc: AsciiDoc(line); break;
        case WikiDialect::kHowm: Equals(line); break;
        case WikiDialect::kMediaWiki: MediaWiki(line); break;
        case WikiDialect::kHatena: Hatena(line); break;
        case WikiDialect::kNone: return;
      }
    }
  }

 private:
  // The current line's first `bytes` (its mark) as `level` "#" and blanks; false when not typed so.
  bool Heading(std::size_t bytes, std::size_t level) {
    if (!Verbatim(current_.begin, current_.begin + bytes)) return false;
    for (std::size_t k = 0; k < bytes; ++k) Put(current_.begin + k, k < std::min(level, kMarkdownLevels) ? '#' : ' ');
    return true;
  }
  // A list mark of `depth` signs at the line's start as a "-" item indented by depth - 1.
  bool ListItem(std::size_t depth) {
    if (depth == 0 || depth > kMostListDepth || !Verbatim(current_.begin, current_.begin + depth)) return false;
    Blank(current_.begin, current_.begin + depth - 1);
    Put(current_.begin + depth - 1, '-');
    return true;
  }
  // The current line, a block's opener or closer, as what the block's kind needs.
  void Mark(BlockKind kind) {
    const std::size_t at = current_.begin + Indent(current_.text);
    Blank(at, current_.end);
    if (kind == BlockKind::kFence && current_.end - at >= 3) {
      for (std::size_t k = at; k < at + 3; ++k) Put(k, '`');
    }
  }
  // Opens a block at the current line when a line after it reads `closer`: fenced or blanked.
  bool Open(std::string closer, BlockKind kind) {  // a copy: the closer may be the line written over
    if (!Verbatim(current_.begin, current_.end)) return false;
    if (unclosed_.count(closer) > 0 || !ClosedAfter(closer)) {
      unclosed_.emplace(closer);
      return false;
    }
    Mark(kind);
    if (kind == BlockKind::kBlank) Blank(current_.begin, current_.end);
    block_ = kind;
    closer_ = std::move(closer);
    return true;
  }
  bool ClosedAfter(std::string_view closer) const {
    for (const TextLine& after : LineWalk(n_.text, current_.next)) {
      if (TrimAscii(after.text) == closer) return true;
    }
    return false;
  }

  // "h2. Title", "bq. quote", "p. text", "* a", "## b", "<pre>", "{code:yaml}", "{toc}".
  void Textile(std::string_view line) {
    if (const std::size_t mark = TextileHeadingMark(line); mark > 0) {
      Heading(mark, static_cast<std::size_t>(line[1] - '0'));
      return;
    }
    const std::size_t list = std::min(line.find_first_not_of("*#"), line.size());
    if (list > 0 && list < line.size() && line[list] == ' ') {
      ListItem(list);
      return;
    }
    for (const std::string_view block : {"bq. ", "p. ", "bc. ", "pre. "}) {
      if (!line.starts_with(block) || !Verbatim(current_.begin, current_.begin + block.size())) continue;
      Blank(current_.begin, current_.begin + block.size());
      if (block == "bq. ") Put(current_.begin, '>');
      return;
    }
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.starts_with("||") && trimmed.ends_with("||")) {
      HeaderRow(line);
      return;
    }
    if (trimmed.starts_with("<pre") && trimmed.ends_with(">")) {
      Open("</pre>", BlockKind::kFence);
    } else if (trimmed.starts_with("{code") || trimmed.starts_with("{noformat")) {
      if (trimmed.ends_with("}")) Open(trimmed.starts_with("{code") ? "{code}" : "{noformat}", BlockKind::kFence);
    } else if (IsMacro(trimmed) && Verbatim(current_.begin, current_.end)) {
      Blank(current_.begin, current_.end);
    }
  }
  // A Confluence table's header row, "||セッション||登壇者||会社||", as a Markdown one, "|セッション |登壇者 |会社 |":
  // the first bar of each pair is a blank, so that the header's cells line up with the rows' ("|a|b|c|").
  void HeaderRow(std::string_view line) {
    for (std::size_t bar = line.find("||"); bar != std::string_view::npos; bar = line.find("||", bar + 2)) {
      BlankIfVerbatim(current_.begin + bar, current_.begin + bar + 1);
    }
  }
  // A Confluence macro alone on its line: "{toc}", "{info}", "{panel:title=構成}".
  static bool IsMacro(std::string_view trimmed) {
    return trimmed.size() >= 3 && trimmed.front() == '{' && trimmed.back() == '}' &&
           IsAsciiLetter(static_cast<unsigned char>(trimmed[1])) && trimmed.find('{', 1) == std::string_view::npos;
  }

  // "== Title" as "## Title" (AsciiDoc, howm).
  bool Equals(std::string_view line) {
    const std::size_t level = EqualsHeadingLevel(line);
    return level > 0 && Heading(level, level);
  }

  void AsciiDoc(std::string_view line) {
    if (Equals(line)) return;
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.empty()) return;
    if (IsAsciiDocAttribute(line) || (line.starts_with("//") && !line.starts_with("///")) ||
        (line.front() == '[' && trimmed.back() == ']')) {
      BlankIfVerbatim(current_.begin, current_.end);
      return;
    }
    if (line.size() == trimmed.size()) {
      const char c = line.front();
      if ((c == '-' || c == '.' || c == '+') && IsRunOf(line, c, kMinDelimiter)) {
        Open(std::string(line), BlockKind::kFence);
        return;
      }
      if (c == '/' && IsRunOf(line, c, kMinDelimiter)) {
        Open(std::string(line), BlockKind::kBlank);
        return;
      }
      if (((c == '=' || c == '*' || c == '_') && IsRunOf(line, c, kMinDelimiter)) || line == "--") {
        Open(std::string(line), BlockKind::kOpen);
        return;
      }
      if (line == "|===" && Verbatim(current_.begin, current_.end)) {
        Blank(current_.begin, current_.end);
        return;
      }
    }
    const char c = line.front();
    if (c == '*' || c == '.') {
      const std::size_t depth = std::min(line.find_first_not_of(c), line.size());
      if (depth < line.size() && line[depth] == ' ') ListItem(depth);
    }
  }

  void MediaWiki(std::string_view line) {
    if (const std::size_t level = MediaWikiHeadingLevel(line); level > 0) {
      const std::size_t close = current_.begin + LengthWithoutTrail(line) - level;
      if (Indent(line) == 0 && Verbatim(close, close + level) && Heading(level, level)) Blank(close, close + level);
      WikiText(current_.begin, current_.end);
      return;
    }
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.empty()) return;
    const char c = line.front();
    if (c == '*' || c == '#') {
      ListItem(std::min(line.find_first_not_of("*#"), line.size()));
    } else if ((c == ':' || c == ';') && Verbatim(current_.begin, current_.begin + 1)) {
      Blank(current_.begin, current_.begin + std::min(line.find_first_not_of(":;"), line.size()));
    } else if ((trimmed.starts_with("{{") && trimmed.ends_with("}}")) ||
               (trimmed.size() > 4 && trimmed.starts_with("__") && trimmed.ends_with("__"))) {
      BlankIfVerbatim(current_.begin, current_.end);
      return;
    } else if (trimmed.starts_with("<") && trimmed.ends_with(">")) {
      for (const std::string_view tag : {"pre", "syntaxhighlight", "source"}) {
        if (trimmed.substr(1, tag.size()) != tag || trimmed.size() < tag.size() + 2) continue;
        const char after = trimmed[tag.size() + 1];
        if (after == '>' || after == ' ') {
          Open("</" + std::string(tag) + ">", BlockKind::kFence);
          return;
        }
      }
    }
    WikiText(current_.begin, current_.end);
  }
  // '''bold''' and ''italic'' quotes blank; "[[Page|text]]" as its text, "[[Page]]" as Page.
  void WikiText(std::size_t begin, std::size_t end) {
    const std::string_view line = Text(begin, end);
    for (std::size_t at = line.find("''"); at != std::string_view::npos; at = line.find("''", at)) {
      std::size_t stop = at;
      while (stop < line.size() && line[stop] == '\'') ++stop;
      BlankIfVerbatim(begin + at, begin + stop);
      at = stop;
    }
    DoubleBracketLinks(begin, end, "|");
  }

  // "**Sub" as "# Sub", "*t*Title" as "#  Title", "*Title" as " Title"; "-a", "--b", ">>", ">|yaml|".
  void Hatena(std::string_view line) {
    if (const std::size_t stars = HatenaHeadingMark(line); stars > 0) {
      std::size_t mark = stars;
      if (stars == 1 && line.find('*', 1) != std::string_view::npos) mark = line.find('*', 1) + 1;  // a label
      if (mark >= 2) {
        Heading(mark, std::max<std::size_t>(stars, 2) - 1);
      } else if (Verbatim(current_.begin, current_.begin + 1)) {
        Blank(current_.begin, current_.begin + 1);
      }
      return;
    }
    if (IsHatenaListItem(line)) {
      ListItem(std::min(line.find_first_not_of(line.front()), line.size()));
      return;
    }
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed == ">>" || trimmed == "<<" || trimmed == "[:contents]" || IsRunOf(trimmed, '=', kMinDelimiter)) {
      BlankIfVerbatim(current_.begin, current_.end);
    } else if (trimmed.size() >= 3 && trimmed.starts_with(">|") && trimmed.ends_with("|")) {
      Open("||<", BlockKind::kFence);
    }
  }

  WikiDialect dialect_;
  TextLine current_;                             // the current line
  std::string closer_;                           // the line that closes the open block, "" when none
  BlockKind block_ = BlockKind::kOpen;
  std::set<std::string, std::less<>> unclosed_;  // closers no line after reads
};

}  // namespace

void RewriteWikiMarkup(NormalizedText& normalized, WikiDialect dialect) { Rewriter(normalized, dialect).Run(); }

}  // namespace kgx
