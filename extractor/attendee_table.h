// An attendee table in notes: a Markdown table whose header names a column of people and a column of
// their companies ("| 名前 | 所属 |", "| Name | Company |"). Each row's cell under the first is a person and
// the cell under the second a company, names the other rules cannot find (no honorific, no 株式会社 needed).
// The Extractor adds them as discovered names; a role column lets relations.rules read role_at on the row.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extractor/segmenter.h"
#include "extractor/types.h"

namespace kgx {

struct TableName {
  std::size_t line = 0;   // index into the lines given
  std::size_t begin = 0;  // byte offsets in that line
  std::size_t end = 0;
  EntityType type = EntityType::kPerson;
};

// The people and companies of the attendee tables among `lines` (one note's lines, in order, as spans of
// `text`: LineView::norm_begin and norm_end are offsets in it).
// A person's cell must read as a name: a Japanese name (kanji, a blank and kanji or kana: "山田 太郎", or three
// to six kanji: "山田太郎"; an honorific after it is left out) or two or three capitalised Latin words ("Jane
// Doe"). A company's cell is taken whole, without 株式会社 or (株) around it, unless it says there is none
// ("-", "なし", "N/A", "フリーランス", "Independent").
std::vector<TableName> AttendeeTableNames(const std::vector<LineView>& lines, std::string_view text);

}  // namespace kgx
