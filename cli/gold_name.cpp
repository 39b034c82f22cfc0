// score.py's norm() (see gold_name.h). NFKC and Latin case come from the extractor's
// normalizer; what it does differently from Python is undone or completed here.
#include "cli/gold_name.h"

#include <algorithm>
#include <iterator>

#include "extractor/normalizer.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

// Returns the code point Python's NFKC leaves for the dashes that kgx's normalizer turns into
// ASCII '-' or '~' (which norm() would then drop or keep differently), or 0 for the others.
char32_t KeptDash(char32_t cp) {
  switch (cp) {
    case 0x2010: case 0x2011: return 0x2010;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2053: case 0x2212: case 0x301C: return cp;
    case 0x207B: case 0x208B: return 0x2212;
    case 0xFE31: case 0xFE58: return 0x2014;
    case 0xFE32: return 0x2013;
    default: return 0;
  }
}

// Returns NFKC of `text` with ASCII and Latin letters lower-cased and the dashes kept as NFKC
// leaves them: the runs between dashes are normalized apart (a dash is a normalization boundary).
std::u32string NfkcKeepingDashes(std::string_view text) {
  std::u32string out;
  std::string run;
  const auto flush = [&] {
    const std::string folded = run.empty() ? std::string() : NormalizeForMatching(run);
    for (std::size_t i = 0, length = 0; i < folded.size(); i += length) out += DecodeUtf8(folded, i, length);
    run.clear();
  };
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const char32_t cp = DecodeUtf8(text, i, length);
    if (const char32_t dash = KeptDash(cp)) {
      flush();
      out += dash;
    } else {
      run.append(text.substr(i, length));
    }
  }
  flush();
  return out;
}

// Case pairs that Python's casefold() folds and FoldLatinCase does not: code points in
// [first, last] (with `alternate`, every second one from `first`) fold to cp + delta.
struct FoldRange {
  char32_t first, last;
  int delta;
  bool alternate;
};
constexpr FoldRange kFoldRanges[] = {
    {0x023A, 0x023A, 10795, false}, {0x023E, 0x023E, 10792, false},  // Latin Ⱥ Ⱦ
    {0x0345, 0x0345, 116, false},                                     // combining iota -> ι
    {0x0370, 0x0372, 1, true},      {0x0376, 0x0376, 1, false},       // Greek
    {0x037F, 0x037F, 116, false},   {0x0386, 0x0386, 38, false},
    {0x0388, 0x038A, 37, false},    {0x038C, 0x038C, 64, false},
    {0x038E, 0x038F, 63, false},    {0x0391, 0x03A1, 32, false},
    {0x03A3, 0x03AB, 32, false},    {0x03C2, 0x03C2, 1, false},       // final sigma -> σ
    {0x03CF, 0x03CF, 8, false},     {0x03D8, 0x03EE, 1, true},
    {0x03F7, 0x03F7, 1, false},     {0x03FA, 0x03FA, 1, false},
    {0x03FD, 0x03FF, -130, false},
    {0x0400, 0x040F, 80, false},    {0x0410, 0x042F, 32, false},      // Cyrillic
    {0x0460, 0x0480, 1, true},      {0x048A, 0x04BE, 1, true},
    {0x04C0, 0x04C0, 15, false},    {0x04C1, 0x04CD, 1, true},
    {0x04D0, 0x052E, 1, true},
    {0x0531, 0x0556, 48, false},                                      // Armenian
    {0x10A0, 0x10C5, 7264, false},  {0x10C7, 0x10C7, 7264, false},    // Georgian
    {0x10CD, 0x10CD, 7264, false},  {0x1C90, 0x1CBA, -3008, false},
    {0x1CBD, 0x1CBF, -3008, false},
    {0x13F8, 0x13FD, -8, false},    {0xAB70, 0xABBF, -38864, false},  // Cherokee folds to capitals
    {0x1E00, 0x1E94, 1, true},      {0x1EA0, 0x1EFE, 1, true},        // Latin Extended Additional
};

// Full case foldings that expand to several code points.
struct FoldExpansion {
  char32_t cp;
  const char32_t* folded;
};
constexpr FoldExpansion kFoldExpansions[] = {
    {0x00DF, U"ss"},       {0x1E9E, U"ss"},       {0x0130, U"i\u0307"},  {0x01F0, U"j\u030C"},
    {0x0390, U"\u03B9\u0308\u0301"},              {0x03B0, U"\u03C5\u0308\u0301"},
    {0x1E96, U"h\u0331"},  {0x1E97, U"t\u0308"},  {0x1E98, U"w\u030A"},  {0x1E99, U"y\u030A"},
};

// Completes FoldLatinCase to Python's casefold() for Latin, Greek, Cyrillic, Armenian, Georgian
// and Cherokee (checked against Python on every code point). Not folded, unlike Python: Greek
// Extended (polytonic), Coptic, Glagolitic, Latin Extended-C/D, Cyrillic Extended-B/C, Ⅎ, Ↄ and
// historic scripts; names in them compare as written. (ICU's NFKC may also know characters that
// the Python at hand does not, such as Cyrillic Extended-D in Unicode 15.)
std::u32string CompleteCaseFold(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (const char32_t cp : text) {
    const auto expansion = std::find_if(std::begin(kFoldExpansions), std::end(kFoldExpansions),
                                        [cp](const FoldExpansion& e) { return e.cp == cp; });
    if (expansion != std::end(kFoldExpansions)) {
      out += expansion->folded;
      continue;
    }
    char32_t folded = cp;
    for (const FoldRange& range : kFoldRanges) {
      if (cp < range.first || cp > range.last) continue;
      if (!range.alternate || (cp - range.first) % 2 == 0) folded = static_cast<char32_t>(int(cp) + range.delta);
      break;
    }
    out += folded;
  }
  return out;
}

// Returns true for the characters Python's str.isspace() and the regex \s accept.
bool IsPythonSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Returns true for the characters of norm()'s class [\s\-_.,'’:/()].
bool IsNameSeparator(char32_t cp) {
  return IsPythonSpace(cp) || cp == U'-' || cp == U'_' || cp == U'.' || cp == U',' || cp == U'\'' ||
         cp == 0x2019 || cp == U':' || cp == U'/' || cp == U'(' || cp == U')';
}

// Removes a leading "amazon" or "aws" followed by blanks or hyphens: ^(amazon|aws)[\s\-]+.
void DropVendorPrefix(std::u32string& s) {
  for (const std::u32string_view prefix : {std::u32string_view(U"amazon"), std::u32string_view(U"aws")}) {
    if (!s.starts_with(prefix)) continue;
    std::size_t end = prefix.size();
    while (end < s.size() && (IsPythonSpace(s[end]) || s[end] == U'-')) ++end;
    if (end > prefix.size()) s.erase(0, end);
    return;
  }
}

}  // namespace

std::string NormalizeGoldName(std::string_view name) {
  std::u32string s = CompleteCaseFold(NfkcKeepingDashes(name));
  std::size_t begin = 0, end = s.size();
  while (begin < end && IsPythonSpace(s[begin])) ++begin;
  while (end > begin && IsPythonSpace(s[end - 1])) --end;
  s = s.substr(begin, end - begin);
  DropVendorPrefix(s);
  std::string out;
  for (const char32_t cp : s) {
    if (!IsNameSeparator(cp)) AppendUtf8(cp, out);
  }
  return out;
}

}  // namespace kgx
