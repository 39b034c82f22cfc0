// LineStartGate (see line_start_gate.h): the first and last characters of the patterns' matches
// (PatternStart) as bit sets, asked of a line's first character after white space and its last
// before white space.
#include "extractor/line_start_gate.h"

#include <algorithm>

#include "extractor/pattern_start.h"
#include "extractor/regex_syntax.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

using Ranges = CodePointRanges;

bool IsSpaceByte(unsigned char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

void Fill(const Ranges& all, std::bitset<128>& ascii, std::vector<std::pair<char32_t, char32_t>>& wide) {
  for (const auto& [lo, hi] : all) {
    for (char32_t c = lo; c <= std::min<char32_t>(hi, 0x7F); ++c) ascii.set(c);
    if (hi >= 0x80) wide.emplace_back(std::max<char32_t>(lo, 0x80), hi);
  }
}

// The characters that make `pattern` match when written `^\s*C`, C a class or one character.
Ranges DecidingCharacters(std::string_view pattern) {
  constexpr std::string_view kLead = "^\\s*";
  if (!pattern.starts_with(kLead)) return {};
  const std::string_view rest = pattern.substr(kLead.size());
  PatternStart start;
  if (rest.empty() || rest.back() == '*' || rest.back() == '+' || rest.back() == '?' || rest.back() == '}' ||
      !ReadPatternStart(rest, start) || start.blank || start.required.size() != 1 || start.required[0] != start.first) {
    return {};
  }
  return start.first;
}

// The characters that make `pattern` match when written `C\s*$`, C one class or character (one
// token: no anchor, group or repeat before the end).
Ranges DecidingEndCharacters(std::string_view pattern) {
  constexpr std::string_view kTail = "\\s*$";
  if (!pattern.ends_with(kTail)) return {};
  const std::string_view rest = pattern.substr(0, pattern.size() - kTail.size());
  const std::vector<RegexToken> tokens = ReadRegexTokens(rest);
  if (tokens.size() != 1 || (tokens[0].piece != RegexPiece::kClass && tokens[0].piece != RegexPiece::kLiteral)) return {};
  PatternStart start;
  if (!ReadPatternStart(rest, start) || start.blank) return {};
  return start.first;
}

}  // namespace

LineStartGate LineStartGate::Derive(const std::vector<std::string>& patterns) {
  LineStartGate gate;
  // The characters that alone decide a line, at its start or at its end, from every pattern.
  const auto fill_deciding = [&](Ranges (*deciding)(std::string_view), auto& set) {
    Ranges all_deciding;
    for (const std::string& pattern : patterns) {
      const Ranges d = deciding(pattern);
      all_deciding.insert(all_deciding.end(), d.begin(), d.end());
    }
    Tidy(all_deciding);
    Fill(all_deciding, set.ascii, set.wide);
    set.IndexBmp();
  };
  fill_deciding(DecidingCharacters, gate.decides_);
  fill_deciding(DecidingEndCharacters, gate.decides_at_end_);
  Ranges all;
  std::vector<std::pair<Ranges, Ranges>> ended;  // what they end with, what they start with
  for (const std::string& pattern : patterns) {
    PatternStart start;
    if (!ReadPatternStart(pattern, start) || start.blank) return gate;
    Tidy(start.last);
    if (!AnchoredAt(pattern, RegexEdge::kEnd) || start.last == NonSpaces()) {
      all.insert(all.end(), start.first.begin(), start.first.end());
      continue;
    }
    auto same = std::find_if(ended.begin(), ended.end(), [&](const auto& e) { return e.first == start.last; });
    if (same == ended.end()) same = ended.insert(ended.end(), {start.last, {}});
    same->second.insert(same->second.end(), start.first.begin(), start.first.end());
  }
  Ranges starts = all;
  Tidy(all);
  gate.all_ = false;
  Fill(all, gate.allowed_.ascii, gate.allowed_.wide);
  gate.allowed_.IndexBmp();
  for (auto& [last, first] : ended) starts.insert(starts.end(), first.begin(), first.end());
  Tidy(starts);
  Fill(starts, gate.starts_.ascii, gate.starts_.wide);
  gate.starts_.IndexBmp();
  gate.first_bytes_ = FirstBytes(gate.starts_);
  for (auto& [last, first] : ended) {
    Tidy(first);
    Ended& e = gate.ended_.emplace_back();
    Fill(first, e.first.ascii, e.first.wide);
    e.first.IndexBmp();
    Fill(last, e.last.ascii, e.last.wide);
    e.last.IndexBmp();
  }
  return gate;
}

// The bytes UTF-8 begins the characters of `set` with; every byte that begins no whole character
// too when the set holds U+FFFD, which such a byte decodes to.
std::bitset<256> LineStartGate::FirstBytes(const Characters& set) {
  std::bitset<256> bytes;
  for (std::size_t c = 0; c < 0x80; ++c) bytes[c] = set.ascii.test(c);
  const auto lead = [](char32_t cp) {
    std::string text;
    AppendUtf8(cp, text);
    return static_cast<unsigned char>(text[0]);
  };
  bool replacement = false;
  for (const auto& [lo, hi] : set.wide) {
    for (unsigned b = lead(lo); b <= lead(std::min<char32_t>(hi, 0x10FFFF)); ++b) bytes.set(b);
    replacement |= lo <= 0xFFFD && 0xFFFD <= hi;
  }
  if (replacement) {
    for (unsigned b = 0x80; b < 0x100; ++b) bytes.set(b);
  }
  return bytes;
}

void LineStartGate::Characters::IndexBmp() {
  bmp.assign(0x10000 / 64, 0);
  for (const auto& [lo, hi] : wide) {
    for (char32_t c = lo; c <= hi && c < 0x10000; ++c) bmp[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
}

namespace {

// The offset of the first character of `line` after white space (its size when there is none).
std::size_t FirstCharacter(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsSpaceByte(static_cast<unsigned char>(line[i]))) ++i;
  return i;
}

}  // namespace

bool LineStartGate::Characters::Has(char32_t cp) const {
  if (cp < 0x80) return ascii.test(cp);
  if (cp < 0x10000 && !bmp.empty()) return ((bmp[cp >> 6] >> (cp & 63)) & 1) != 0;
  const auto it = std::upper_bound(wide.begin(), wide.end(), cp,
                                   [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  return it != wide.begin() && cp <= std::prev(it)->second;
}

bool LineStartGate::Characters::Contains(std::string_view line, std::size_t at) const {
  if (at == line.size()) return false;
  const auto b = static_cast<unsigned char>(line[at]);
  if (b < 0x80) return ascii.test(b);
  std::size_t length = 0;
  return Has(DecodeUtf8(line, at, length));
}

namespace {

// The character at `at`: ASCII as it is, anything else decoded.
char32_t CharacterAt(std::string_view line, std::size_t at) {
  const auto b = static_cast<unsigned char>(line[at]);
  if (b < 0x80) return b;
  std::size_t length = 0;
  return DecodeUtf8(line, at, length);
}

// The last character of `line` before white space, in `cp`; false when there is none or its last
// byte ends no whole character (or it is a replacement character): such a byte is not told apart.
bool LastCharacter(std::string_view line, char32_t& cp) {
  std::size_t end = line.size();
  while (end > 0 && IsSpaceByte(static_cast<unsigned char>(line[end - 1]))) --end;
  if (end == 0) return false;
  const std::size_t last = end - 1;
  if (static_cast<unsigned char>(line[last]) < 0x80) {
    cp = static_cast<unsigned char>(line[last]);
    return true;
  }
  std::size_t at = last;
  while (at > 0 && last - at < 3 && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) --at;
  std::size_t length = 0;
  cp = DecodeUtf8(line, at, length);
  return at + length == end && cp != 0xFFFD;
}

}  // namespace

// White space alone was turned away by MayMatch: no pattern matches only that (else there would
// be no condition).
bool LineStartGate::MayMatchAt(std::string_view line, std::size_t at) const {
  if (ended_.empty()) return allowed_.Contains(line, at);
  const char32_t first = CharacterAt(line, at);  // decoded once for every set below
  if (!starts_.Has(first)) return false;
  if (allowed_.Has(first)) return true;
  char32_t last = 0;
  const bool whole = LastCharacter(line, last);
  for (const Ended& e : ended_) {
    if (e.first.Has(first) && (!whole || e.last.Has(last))) return true;
  }
  return false;
}

bool LineStartGate::Decides(std::string_view line) const { return decides_.Contains(line, FirstCharacter(line)); }

bool LineStartGate::DecidesAtEnd(std::string_view line) const {
  char32_t last = 0;
  return LastCharacter(line, last) && decides_at_end_.Has(last);
}

}  // namespace kgx
