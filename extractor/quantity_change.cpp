// The change readers of quantity_change.h: から … に/へ, arrows, English "from A to B", plural labels.
#include "extractor/quantity_change.h"

#include <string>

#include "extractor/quantity_arrow.h"
#include "extractor/quantity_text.h"
#include "extractor/text_util.h"

namespace kgx::quantity_detail {

bool ChangeFollows(std::string_view line, std::size_t at) {
  if (ArrowEnd(line, at) != std::string_view::npos) return true;
  const std::size_t kara = SkipSpaces(line, at);
  if (line.substr(kara, kRangeKara.size()) != kRangeKara) return false;
  std::size_t pos = SkipSpaces(line, kara + kRangeKara.size());
  if (pos >= line.size() || !IsDigit(line[pos])) return false;
  while (pos < line.size() && (IsDigit(line[pos]) || line[pos] == ',' || line[pos] == '.')) ++pos;
  const std::string_view rest = line.substr(SkipSpaces(line, pos));
  return rest.starts_with("に") || rest.starts_with("へ");
}

bool IsEnglishPlural(const LexEntry& entry, const UnitDef& def) {
  // one or two letters more than the unit, or no plural of it (told before the text is copied)
  if (entry.text.size() != def.unit.size() + 1 && entry.text.size() != def.unit.size() + 2) return false;
  const std::string lower = AsciiLowerCopy(entry.text);
  const std::string_view text = lower, unit = def.unit;
  if (text.size() == unit.size() + 1 && text.back() == 's' && text.starts_with(unit)) return true;  // nodes
  // queries, inquiries: a y after a consonant turns into ies
  if (unit.size() >= 2 && unit.back() == 'y' && text.size() == unit.size() + 2 && text.ends_with("ies") &&
      text.substr(0, unit.size() - 1) == unit.substr(0, unit.size() - 1)) {
    return true;
  }
  // processes, boxes, batches: es after s, x, ch and sh
  const bool sibilant = unit.ends_with('s') || unit.ends_with('x') || unit.ends_with("ch") || unit.ends_with("sh");
  return sibilant && text.size() == unit.size() + 2 && text.ends_with("es") && text.starts_with(unit);
}

bool ChangeFromBefore(std::string_view line, std::size_t begin) {
  const std::size_t end = SkipSpacesBack(line, begin);
  if (end == begin || end < 4 || AsciiLowerCopy(line.substr(end - 4, 4)) != "from") return false;
  if (end > 4 && IsLetter(line[end - 5])) return false;
  std::size_t word_end = SkipSpacesBack(line, end - 4);
  std::size_t word = word_end;
  while (word > 0 && IsLetter(line[word - 1])) --word;
  const std::string before = AsciiLowerCopy(line.substr(word, word_end - word));
  for (std::string_view span : {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "anywhere", "anything"}) {
    if (before == span) return false;
  }
  return true;
}

std::size_t EnglishToEnd(std::string_view line, std::size_t at) {
  const std::size_t pos = SkipSpaces(line, at);
  const bool to = pos > at && pos + 3 < line.size() && AsciiLower(line[pos]) == 't' && AsciiLower(line[pos + 1]) == 'o' &&
                  line[pos + 2] == ' ';
  return to ? SkipSpaces(line, pos + 3) : std::string_view::npos;
}

}  // namespace kgx::quantity_detail
