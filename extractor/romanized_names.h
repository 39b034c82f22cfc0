// A person's name written twice, in Japanese and romanized, one in parentheses after the other:
// "高橋 次郎 (Jiro Takahashi)", "TAKAHASHI Jiro（高橋 次郎）", "Jiro Takahashi (高橋 次郎)". Both spans
// name one person; the Extractor makes the partner a mention of the same entity.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kgx {

struct NameSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// True when `word` reads as one romanized Japanese name (Hepburn syllables, any letter case):
// "Takahashi", "JIRO", "Kenji", "Hattori"; not "Acme", "Mobile", "Wong".
bool IsRomanizedJapaneseWord(std::string_view word);

// Finds the partner of the person named at [name_begin, name_end) of the normalized `text`: the
// name in parentheses right after it (an honorific and blanks may come first), written in the
// other script. A romanized partner is two words, each romanized Japanese; a Japanese partner is
// a kanji name of two to seven characters with at most one blank in it. A romanized name's
// partner is found only when the name itself is romanized Japanese.
std::optional<NameSpan> RomanizedPartner(std::string_view text, std::size_t name_begin, std::size_t name_end);

// Finds Japanese names written with their romanized form in parentheses right after them, without
// an honorific: "佐々木 健 (Ken Sasaki)", "山田 太郎（Taro Yamada）" (normalized: "(" and ")"). A name is
// one to four kanji, one blank, one to three kanji; the romanized form is two romanized Japanese
// words ("東京 本社 (Head Office)" is no name). Returns the Japanese names' spans, in text order.
std::vector<NameSpan> KanjiNamesWithRomanized(std::string_view text);

}  // namespace kgx
