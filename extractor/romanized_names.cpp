// Pairs of a Japanese and a romanized person name (see romanized_names.h). Reads a few
// characters after a person's name; no pattern engine.
#include "extractor/romanized_names.h"

#include <string>

#include "extractor/text_util.h"

namespace kgx {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLatin(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

std::size_t SkipBlanks(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  return at;
}

// Reads two romanized Japanese words from `at` up to ')': returns the span without blanks.
std::optional<NameSpan> ReadRomanized(std::string_view s, std::size_t at) {
  const std::size_t begin = at;
  std::size_t end = at;
  for (int word = 0; word < 2; ++word) {
    if (word == 1) {
      const std::size_t next = SkipBlanks(s, end);
      if (next == end) return std::nullopt;
      at = next;
    }
    if (at >= s.size() || !IsUpper(s[at])) return std::nullopt;
    std::size_t e = at;
    while (e < s.size() && IsLatin(s[e])) ++e;
    if (e - at < 2 || !IsRomanizedJapaneseWord(s.substr(at, e - at))) return std::nullopt;
    end = e;
  }
  const std::size_t close = SkipBlanks(s, end);
  if (close >= s.size() || s[close] != ')') return std::nullopt;
  return NameSpan{begin, end};
}

// Reads a kanji name from `at` up to ')': two to seven kanji, at most one blank between them.
std::optional<NameSpan> ReadKanji(std::string_view s, std::size_t at) {
  std::size_t pos = at, end = at, kanji = 0;
  bool blank = false;
  while (pos < s.size()) {
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(s, pos, length);
    if (IsNameKanji(cp)) {
      ++kanji;
      pos += length;
      end = pos;
    } else if ((cp == U' ' || cp == U'\u3000') && !blank && kanji > 0) {
      blank = true;
      pos += length;
    } else {
      break;
    }
  }
  const std::size_t close = SkipBlanks(s, end);
  if (kanji < 2 || kanji > 7 || close >= s.size() || s[close] != ')') return std::nullopt;
  return NameSpan{at, end};
}

// Reads kanji backwards from `end`: returns where the run starts (`count` kanji), at most `most`.
std::size_t KanjiRunBefore(std::string_view s, std::size_t end, std::size_t most, std::size_t& count) {
  count = 0;
  std::size_t at = end;
  while (count < most + 1 && at >= 3) {  // kanji of the BMP are three bytes
    std::size_t length = 0;
    if (!IsNameKanji(DecodeUtf8(s, at - 3, length)) || length != 3) break;
    at -= 3;
    ++count;
  }
  return at;
}

}  // namespace

std::vector<NameSpan> KanjiNamesWithRomanized(std::string_view text) {
  std::vector<NameSpan> found;
  for (std::size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    if (!ReadRomanized(text, SkipBlanks(text, open + 1))) continue;
    std::size_t end = open;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t given = 0, family = 0;
    const std::size_t given_begin = KanjiRunBefore(text, end, 3, given);
    if (given == 0 || given > 3 || given_begin == 0 || text[given_begin - 1] != ' ') continue;
    const std::size_t begin = KanjiRunBefore(text, given_begin - 1, 4, family);
    if (family == 0 || family > 4) continue;
    found.push_back({begin, end});
  }
  return found;
}

bool IsRomanizedJapaneseWord(std::string_view word) {
  std::string w(word);
  for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const std::size_t n = w.size();
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return k < n ? w[k] : '\0'; };
  while (i < n) {
    const char c = w[i];
    if (IsVowel(c)) {
      ++i;
      continue;
    }
    // syllabic n (Kenji, Shun), a long o written oh (Ohno, Satoh), a doubled consonant (Hattori)
    if (c == 'n' && !IsVowel(at(i + 1)) && at(i + 1) != 'y') {
      ++i;
      continue;
    }
    if (c == 'h' && i > 0 && w[i - 1] == 'o' && !IsVowel(at(i + 1)) && at(i + 1) != 'y') {
      ++i;
      continue;
    }
    if (c == at(i + 1) && std::string_view("kstpgdbcmz").find(c) != std::string_view::npos) {
      ++i;
      continue;
    }
    if ((c == 's' || c == 'c') && at(i + 1) == 'h') {
      i += 2;
    } else if (c == 't' && at(i + 1) == 's') {
      i += 2;
    } else if (std::string_view("kgsztdnhbpmyrwfj").find(c) != std::string_view::npos) {
      ++i;
      if (at(i) == 'y' && std::string_view("kgnhbpmr").find(c) != std::string_view::npos) ++i;
    } else {
      return false;
    }
    if (!IsVowel(at(i))) return false;
    ++i;
  }
  return n > 0;
}

std::optional<NameSpan> RomanizedPartner(std::string_view text, std::size_t name_begin, std::size_t name_end) {
  if (name_end <= name_begin || name_end > text.size()) return std::nullopt;
  const std::string_view name = text.substr(name_begin, name_end - name_begin);
  const bool latin = IsLatin(name.front());
  const std::size_t after_name = SkipBlanks(text, name_end);
  std::size_t at = SkipBlanks(text, after_name + HonorificAt(text, after_name));  // "山田 太郎さん (Taro Yamada)"
  if (at >= text.size() || text[at] != '(') return std::nullopt;
  at = SkipBlanks(text, at + 1);
  if (!latin) return ReadRomanized(text, at);
  // A romanized name: each of its words must read as Japanese.
  std::size_t w = 0;
  while (w < name.size()) {
    std::size_t e = w;
    while (e < name.size() && IsLatin(name[e])) ++e;
    if (e == w || !IsRomanizedJapaneseWord(name.substr(w, e - w))) return std::nullopt;
    w = e;
    while (w < name.size() && (name[w] == ' ' || name[w] == '-')) ++w;
  }
  return ReadKanji(text, at);
}

}  // namespace kgx
