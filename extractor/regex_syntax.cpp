// The reader of RE2 pattern syntax (see regex_syntax.h).
#include "extractor/regex_syntax.h"

#include <algorithm>
#include <cstring>

#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiPunct(char c) { return c > ' ' && c < 0x7F && !IsAsciiAlnum(static_cast<unsigned char>(c)); }

bool IsHex(std::string_view digits) {
  return !digits.empty() && digits.size() <= 8 && std::all_of(digits.begin(), digits.end(), [](char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

char32_t Hex(std::string_view digits) {
  char32_t value = 0;
  for (const char c : digits) value = value * 16 + static_cast<char32_t>(IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
  return value;
}

// Reads the escape at p[i] == '\\' into `t` (kLiteral, kEscape or kUnsupported); returns its end.
std::size_t ReadEscape(std::string_view p, std::size_t i, RegexToken& t) {
  t.piece = RegexPiece::kUnsupported;
  if (i + 1 >= p.size()) return p.size();
  const char e = p[i + 1];
  if (IsAsciiPunct(e)) {
    t.piece = RegexPiece::kLiteral;
    t.code = static_cast<char32_t>(e);
    t.escaped = true;
    return i + 2;
  }
  if (e == 'x' || e == 'p' || e == 'P') {
    std::size_t end = 0;
    std::string_view argument;
    if (i + 2 < p.size() && p[i + 2] == '{') {
      const std::size_t close = p.find('}', i + 3);
      if (close == kNone) return i + 2;
      argument = p.substr(i + 3, close - i - 3);
      end = close + 1;
    } else {
      end = i + (e == 'x' ? 4 : 3);  // \xHH, \pL
      if (end > p.size()) return i + 2;
      argument = p.substr(i + 2, end - i - 2);
    }
    if (e == 'x' && !IsHex(argument)) return i + 2;
    t.piece = RegexPiece::kEscape;
    t.letter = e;
    if (e == 'x') t.code = Hex(argument);
    else t.property = argument;
    return end;
  }
  if (e == '\0' || std::strchr("sSdDwWbBAznrtfva", e) == nullptr) return i + 2;  // \Q, \C, \1 and the like
  t.piece = RegexPiece::kEscape;
  t.letter = e;
  return i + 2;
}

// Reads the repeat braces at p[i] == '{' ({n}, {n,}, {n,m}) into `t`; returns their end, or 0
// when they are no repeat.
std::size_t ReadBraces(std::string_view p, std::size_t i, RegexToken& t) {
  std::size_t k = i + 1;
  const auto number = [&](int& value) {
    const std::size_t start = k;
    value = 0;
    while (k < p.size() && IsDigit(p[k])) value = std::min(value * 10 + (p[k++] - '0'), 100000);
    return k > start;
  };
  if (!number(t.min)) return 0;
  t.max = t.min;
  if (k < p.size() && p[k] == ',') {
    ++k;
    if (!number(t.max)) t.max = RegexToken::kUnbounded;
  }
  if (k >= p.size() || p[k] != '}') return 0;
  t.piece = RegexPiece::kRepeat;
  t.op = '{';
  return k + 1;
}

// Reads the group opening at p[i] == '(' into `t`; returns its end.
std::size_t ReadGroupOpen(std::string_view p, std::size_t i, RegexToken& t) {
  t.piece = RegexPiece::kGroupOpen;
  if (i + 1 >= p.size() || p[i + 1] != '?') {
    t.group = RegexGroup::kCapture;
    return i + 1;
  }
  if (p.substr(i + 2).starts_with("P<")) {
    const std::size_t close = p.find('>', i + 4);
    if (close == kNone) {
      t.group = RegexGroup::kUnsupported;
      return i + 2;
    }
    t.group = RegexGroup::kNamed;
    t.name = p.substr(i + 4, close - i - 4);
    return close + 1;
  }
  std::size_t k = i + 2;
  while (k < p.size() && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') || p[k] == '-')) ++k;
  if (k < p.size() && (p[k] == ':' || p[k] == ')')) {
    t.piece = p[k] == ':' ? RegexPiece::kGroupOpen : RegexPiece::kFlags;
    t.group = RegexGroup::kNonCapture;
    t.flags = p.substr(i + 2, k - i - 2);
    return k + 1;
  }
  t.group = RegexGroup::kUnsupported;
  return i + 2;
}

}  // namespace

std::size_t RegexClassEnd(std::string_view p, std::size_t open) {
  std::size_t i = open + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // "[]…]": the ] is a member
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i += 2;
    } else if (p.substr(i).starts_with("[:")) {  // [:alpha:]
      const std::size_t close = p.find(":]", i + 2);
      if (close == kNone) return kNone;
      i = close + 2;
    } else {
      ++i;
    }
  }
  return i < p.size() ? i : kNone;
}

std::optional<char32_t> RegexCharacter(const RegexToken& t) {
  if (t.piece == RegexPiece::kLiteral) return t.code;
  if (t.piece != RegexPiece::kEscape) return std::nullopt;
  switch (t.letter) {
    case 'x': return t.code;
    case 'n': return U'\n';
    case 't': return U'\t';
    case 'r': return U'\r';
    case 'f': return U'\f';
    case 'v': return U'\v';
    case 'a': return U'\a';
    default: return std::nullopt;
  }
}

std::vector<RegexToken> ReadRegexTokens(std::string_view p, bool placeholders) {
  std::vector<RegexToken> tokens;
  for (std::size_t i = 0; i < p.size();) {
    RegexToken t;
    t.begin = i;
    std::size_t end = i + 1;
    switch (p[i]) {
      case '\\': end = ReadEscape(p, i, t); break;
      case '[': {
        const std::size_t close = RegexClassEnd(p, i);
        if (close == kNone) {
          end = p.size();  // t stays kUnsupported
        } else {
          t.piece = RegexPiece::kClass;
          t.body = p.substr(i + 1, close - i - 1);
          end = close + 1;
        }
        break;
      }
      case '(': end = ReadGroupOpen(p, i, t); break;
      case ')': t.piece = RegexPiece::kGroupClose; break;
      case '|': t.piece = RegexPiece::kBar; break;
      case '.': t.piece = RegexPiece::kAnyCharacter; break;
      case '^': t.piece = RegexPiece::kLineStart; break;
      case '$': t.piece = RegexPiece::kLineEnd; break;
      case '?':
      case '*':
      case '+':
        t.piece = RegexPiece::kRepeat;
        t.op = p[i];
        t.min = p[i] == '+' ? 1 : 0;
        t.max = p[i] == '?' ? 1 : RegexToken::kUnbounded;
        break;
      case '{': {
        if (const std::size_t braces_end = ReadBraces(p, i, t); braces_end != 0) {
          end = braces_end;
          break;
        }
        const std::size_t close = p.find('}', i);
        if (placeholders && close != kNone && close > i + 1 && p[i + 1] != ',' && !IsDigit(p[i + 1])) {
          t.piece = RegexPiece::kPlaceholder;
          end = close + 1;
          break;
        }
        t.piece = RegexPiece::kLiteral;  // RE2 reads a brace that opens no repeat as itself
        t.code = U'{';
        break;
      }
      default: {
        std::size_t length = 0;
        t.piece = RegexPiece::kLiteral;
        t.code = DecodeUtf8(p, i, length);
        end = i + std::max<std::size_t>(length, 1);
        break;
      }
    }
    if (t.piece == RegexPiece::kRepeat && end < p.size() && p[end] == '?') {
      t.lazy = true;
      ++end;
    }
    t.end = end;
    tokens.push_back(t);
    i = end;
  }
  return tokens;
}

std::optional<RegexClass> ReadRegexClass(std::string_view body) {
  RegexClass c;
  std::size_t i = 0;
  if (!body.empty() && body[0] == '^') {
    c.negated = true;
    i = 1;
  }
  // Reads one item at body[i]: a character (with `set` 0) or a class escape; false when unsure.
  const auto item = [&](RegexClassItem& out) {
    if (body.substr(i).starts_with("[:")) return false;
    if (body[i] != '\\') {
      std::size_t length = 0;
      out.lo = out.hi = DecodeUtf8(body, i, length);
      i += std::max<std::size_t>(length, 1);
      return true;
    }
    RegexToken t;
    i = ReadEscape(body, i, t);
    if (t.piece == RegexPiece::kEscape && std::strchr("sSdDwWpP", t.letter) != nullptr) {
      out.set = t.letter;
      out.property = t.property;
      return true;
    }
    const std::optional<char32_t> character = RegexCharacter(t);
    if (!character) return false;
    out.lo = out.hi = *character;
    return true;
  };
  while (i < body.size()) {
    RegexClassItem first;
    if (!item(first)) return std::nullopt;
    if (first.set == 0 && i + 1 < body.size() && body[i] == '-') {  // a range ("-" last is a member)
      ++i;
      RegexClassItem last;
      if (!item(last) || last.set != 0 || last.lo < first.lo) return std::nullopt;
      first.hi = last.lo;
    }
    c.items.push_back(first);
  }
  return c;
}

bool IsSingleBranch(const std::vector<RegexToken>& tokens) {
  int depth = 0;
  for (const RegexToken& token : tokens) {
    if (token.piece == RegexPiece::kUnsupported) return false;
    if (token.piece == RegexPiece::kGroupOpen) ++depth;
    if (token.piece == RegexPiece::kGroupClose) --depth;
    if (token.piece == RegexPiece::kBar && depth == 0) return false;
  }
  return true;
}

bool AnchoredAt(std::string_view pattern, RegexEdge edge) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(pattern);
  if (tokens.empty()) return false;
  const RegexToken& t = edge == RegexEdge::kStart ? tokens.front() : tokens.back();
  const RegexPiece anchor = edge == RegexEdge::kStart ? RegexPiece::kLineStart : RegexPiece::kLineEnd;
  const char escape = edge == RegexEdge::kStart ? 'A' : 'z';
  if (t.piece != anchor && !(t.piece == RegexPiece::kEscape && t.letter == escape)) return false;
  return IsSingleBranch(tokens);
}

}  // namespace kgx
