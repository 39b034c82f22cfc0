// Attendee tables (see attendee_table.h): the header row tells the columns, then every row up to the
// table's end is read cell by cell. No pattern engine; lines that open with no '|' cost one byte test.
#include "extractor/attendee_table.h"

#include <algorithm>
#include <optional>

#include "extractor/table_cells.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

// The cells of table row `line`, as spans of the line (between its bars).
std::vector<CellSpan> Cells(std::string_view line) {
  std::vector<CellSpan> cells;
  std::optional<CellSpan> cell = FirstTableCell(line);
  while (cell) {
    if (cell->end >= line.size()) {  // the text after the last bar is no cell unless it holds something
      if (!TrimAscii(line.substr(cell->begin)).empty()) cells.push_back(*cell);
      break;
    }
    cells.push_back(*cell);
    cell = TableCellAt(line, cell->end + 1);
  }
  return cells;
}

// `text` without blanks and Markdown's bold around it.
std::string_view Bare(std::string_view text) {
  text = TrimAscii(text);
  while (text.size() >= 4 && (text.starts_with("**") || text.starts_with("__")) && text.ends_with(text.substr(0, 2))) {
    text = TrimAscii(text.substr(2, text.size() - 4));
  }
  return text;
}

bool IsOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  const std::string folded = AsciiLowerCopy(text);
  for (const std::string_view word : words) {
    if (folded == word) return true;
  }
  return false;
}

// Whether header row `line` may hold a person's column: one of its words is in it (a cheap test before
// the cells are read).
bool MayNamePeople(std::string_view line) {
  for (const std::string_view word : {std::string_view("名前"), std::string_view("氏名"), std::string_view("参加者"),
                                      std::string_view("登壇者"), std::string_view("発表者"), std::string_view("ame"),
                                      std::string_view("AME"), std::string_view("ttendee"), std::string_view("TTENDEE"),
                                      std::string_view("peaker"), std::string_view("PEAKER"), std::string_view("articipant"),
                                      std::string_view("ARTICIPANT")}) {
    if (line.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool IsPersonHeader(std::string_view cell) {
  return IsOneOf(Bare(cell), {"名前", "氏名", "お名前", "参加者", "登壇者", "発表者", "name", "attendee", "attendees", "speaker",
                               "participant"});
}

bool IsCompanyHeader(std::string_view cell) {
  return IsOneOf(Bare(cell), {"所属", "所属企業", "所属会社", "会社", "会社名", "企業", "企業名", "company", "affiliation",
                               "organization", "organisation", "org"});
}

// A row of dashes and colons under the header: "|---|:--:|".
bool IsRule(std::string_view line) {
  bool dash = false;
  for (const char c : line) {
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash;
}

bool IsKana(char32_t cp) { return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC; }

// Whether `text` reads as a Japanese name: kanji, one blank, kanji or kana ("山田 太郎", "伊藤 さくら"), or
// three to six kanji without a blank ("山田太郎"; two may be a family name alone, or a word: "監視").
bool IsJapaneseName(std::string_view text) {
  std::size_t before = 0, after = 0, blanks = 0;
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    const char32_t cp = DecodeUtf8(text, at, length);
    if (cp == ' ') {
      if (++blanks > 1 || before == 0) return false;
    } else if (blanks == 0 ? IsNameKanji(cp) : IsNameKanji(cp) || IsKana(cp)) {
      ++(blanks == 0 ? before : after);
    } else {
      return false;
    }
  }
  return blanks == 1 ? before <= 4 && after >= 1 && after <= 4 : before >= 3 && before <= 6;
}

// Whether `text` is two or three capitalised Latin words ("Jane Doe", "Mary Ann Smith"; accented letters
// after the first too).
bool IsLatinName(std::string_view text) {
  std::size_t words = 0;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, end - at);
    if (word.size() < 2 || word[0] < 'A' || word[0] > 'Z') return false;
    for (const char c : word.substr(1)) {
      const auto u = static_cast<unsigned char>(c);
      if (!((c >= 'a' && c <= 'z') || c == '\'' || c == '-' || u >= 0x80)) return false;
    }
    ++words;
    at = end + 1;
  }
  return words >= 2 && words <= 3;
}

// The person named by a cell [begin, end) of `line`, an honorific left out; nothing when it is no name.
std::optional<TableName> PersonIn(std::string_view line, CellSpan cell) {
  std::string_view text = Bare(line.substr(cell.begin, cell.end - cell.begin));
  text = TrimAscii(text.substr(0, text.size() - HonorificEnding(text)));
  if (text.empty() || !(IsJapaneseName(text) || IsLatinName(text))) return std::nullopt;
  const auto begin = static_cast<std::size_t>(text.data() - line.data());
  return TableName{0, begin, begin + text.size(), EntityType::kPerson};
}

// The company named by a cell, without 株式会社 or (株) around it; nothing for a cell that says there is none.
std::optional<TableName> CompanyIn(std::string_view line, CellSpan cell) {
  std::string_view text = Bare(line.substr(cell.begin, cell.end - cell.begin));
  for (const std::string_view form : {std::string_view("株式会社"), std::string_view("(株)")}) {
    if (text.starts_with(form)) text = TrimAscii(text.substr(form.size()));
    if (text.ends_with(form)) text = TrimAscii(text.substr(0, text.size() - form.size()));
  }
  if (text.empty() || text.size() > 60 || text.find('|') != std::string_view::npos ||
      IsOneOf(text, {"-", "—", "なし", "無し", "未定", "個人", "フリー", "フリーランス", "n/a", "na", "none", "independent",
                     "freelance", "self-employed", "tbd"})) {
    return std::nullopt;
  }
  const auto begin = static_cast<std::size_t>(text.data() - line.data());
  return TableName{0, begin, begin + text.size(), EntityType::kCompany};
}

}  // namespace

std::vector<TableName> AttendeeTableNames(const std::vector<LineView>& views, std::string_view text) {
  const auto lines = [&](std::size_t i) { return views[i].text; };
  std::vector<TableName> names;
  // Only lines that hold a '|' may be rows: the text is searched for bars (memchr), not read line by line.
  std::size_t i = 0;
  for (std::size_t bar = text.find('|'); bar != std::string_view::npos && i < views.size(); bar = text.find('|', bar)) {
    while (i + 1 < views.size() && views[i + 1].norm_begin <= bar) ++i;  // the line holding the bar
    const std::string_view line = lines(i);
    bar = views[i].norm_end;  // the next search starts on the next line
    if (!IsTableRow(line)) continue;
    if (!MayNamePeople(line)) {
      while (i + 1 < views.size() && IsTableRow(lines(i + 1))) ++i;  // a table of something else
      bar = views[i].norm_end;
      continue;
    }
    const std::vector<CellSpan> header = Cells(line);
    std::optional<std::size_t> person, company;
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string_view cell = line.substr(header[c].begin, header[c].end - header[c].begin);
      if (!person && IsPersonHeader(cell)) person = c;
      else if (!company && IsCompanyHeader(cell)) company = c;
    }
    for (; i + 1 < views.size() && IsTableRow(lines(i + 1)); ++i) {
      const std::string_view row_line = lines(i + 1);
      if (!person || !company || IsRule(row_line)) continue;
      const std::vector<CellSpan> row = Cells(row_line);
      if (*person < row.size()) {
        if (auto name = PersonIn(row_line, row[*person])) names.push_back({i + 1, name->begin, name->end, name->type});
      }
      if (*company < row.size()) {
        if (auto name = CompanyIn(row_line, row[*company])) names.push_back({i + 1, name->begin, name->end, name->type});
      }
    }
    bar = views[i].norm_end;
  }
  return names;
}

}  // namespace kgx
