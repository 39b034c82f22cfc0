// The reader of RE2 pattern syntax shared by the fast paths: tokens, class items, and one
// kUnsupported answer for what it does not follow.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/regex_syntax.h"

TEST_CASE("a class ends at its closing bracket, past escapes, a leading bracket and named classes", "[regex_syntax]") {
  constexpr auto kNone = std::string_view::npos;
  CHECK(kgx::RegexClassEnd("[abc]d", 0) == 4);
  CHECK(kgx::RegexClassEnd("x[^]a]", 1) == 5);
  CHECK(kgx::RegexClassEnd("[]a]", 0) == 3);
  CHECK(kgx::RegexClassEnd(R"([\]\\]x)", 0) == 5);
  CHECK(kgx::RegexClassEnd("[[:alpha:]_]+", 0) == 11);
  CHECK(kgx::RegexClassEnd("[、。]", 0) == 7);
  CHECK(kgx::RegexClassEnd("[abc", 0) == kNone);
  CHECK(kgx::RegexClassEnd("[[:alpha]", 0) == kNone);
}

namespace {

using kgx::RegexGroup;
using kgx::RegexPiece;
using kgx::RegexToken;

// The pieces of `pattern`, one letter each: l literal, e escape, c class, . ^ $ ( ) | as written,
// r repeat, f flag group, p placeholder, u unsupported.
std::string Pieces(std::string_view pattern, bool placeholders = false) {
  std::string out;
  for (const RegexToken& t : kgx::ReadRegexTokens(pattern, placeholders)) {
    switch (t.piece) {
      case RegexPiece::kLiteral: out += 'l'; break;
      case RegexPiece::kEscape: out += 'e'; break;
      case RegexPiece::kClass: out += 'c'; break;
      case RegexPiece::kAnyCharacter: out += '.'; break;
      case RegexPiece::kLineStart: out += '^'; break;
      case RegexPiece::kLineEnd: out += '$'; break;
      case RegexPiece::kGroupOpen: out += '('; break;
      case RegexPiece::kGroupClose: out += ')'; break;
      case RegexPiece::kBar: out += '|'; break;
      case RegexPiece::kRepeat: out += 'r'; break;
      case RegexPiece::kFlags: out += 'f'; break;
      case RegexPiece::kPlaceholder: out += 'p'; break;
      case RegexPiece::kUnsupported: out += 'u'; break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Japanese literals are one token per character, escaped punctuation a literal too", "[regex_syntax]") {
  const std::vector<RegexToken> t = kgx::ReadRegexTokens(R"(東京\.リ)");
  REQUIRE(t.size() == 4);
  CHECK(t[0].code == U'東');
  CHECK((t[0].begin == 0 && t[0].end == 3));
  CHECK(t[1].code == U'京');
  CHECK(t[2].piece == RegexPiece::kLiteral);
  CHECK(t[2].escaped);
  CHECK(t[2].code == U'.');
  CHECK(t[3].code == U'リ');
  CHECK_FALSE(t[3].escaped);
  CHECK(Pieces("]}") == "ll");  // a stray bracket or brace is itself
}

TEST_CASE("escapes are read whole with their letter and code", "[regex_syntax]") {
  const std::vector<RegexToken> t = kgx::ReadRegexTokens(R"(\s\b\x{E000}\x41\p{Han}\pL\n)");
  REQUIRE(t.size() == 7);
  CHECK(t[0].letter == 's');
  CHECK(t[1].letter == 'b');
  CHECK((t[2].letter == 'x' && t[2].code == 0xE000 && t[2].end == 12));
  CHECK(t[3].code == U'A');
  CHECK((t[4].letter == 'p' && t[4].end - t[4].begin == 7));
  CHECK(t[5].end - t[5].begin == 3);
  CHECK(kgx::RegexCharacter(t[6]) == U'\n');
  CHECK(kgx::RegexCharacter(t[2]) == U'\xE000');
  CHECK_FALSE(kgx::RegexCharacter(t[0]).has_value());
}

TEST_CASE("groups are told apart: capturing, named, non-capturing with flags, flag groups", "[regex_syntax]") {
  constexpr std::string_view kPattern = R"((a(?P<title>b(?i:c|(?:d)))(?i)e))";
  CHECK(Pieces(kPattern) == "(l(l(l|(l)))fl)");
  const std::vector<RegexToken> t = kgx::ReadRegexTokens(kPattern);
  CHECK(t[0].group == RegexGroup::kCapture);
  CHECK((t[2].group == RegexGroup::kNamed && t[2].name == "title"));
  CHECK((t[4].group == RegexGroup::kNonCapture && t[4].flags == "i"));
  CHECK((t[7].group == RegexGroup::kNonCapture && t[7].flags.empty()));
  CHECK((t[12].piece == RegexPiece::kFlags && t[12].flags == "i"));
  // RE2 has no look-around; this RE2 has no (?<name>…) either.
  CHECK(kgx::ReadRegexTokens("(?=a)")[0].group == RegexGroup::kUnsupported);
  CHECK(kgx::ReadRegexTokens("(?<n>b)")[0].group == RegexGroup::kUnsupported);
}

TEST_CASE("repeats: greedy, lazy and counted, a brace that counts nothing is a literal", "[regex_syntax]") {
  const std::vector<RegexToken> t = kgx::ReadRegexTokens("a?b*?c+d{2}e{0,3}?f{1,}");
  REQUIRE(t.size() == 12);
  CHECK((t[1].op == '?' && t[1].min == 0 && t[1].max == 1 && !t[1].lazy));
  CHECK((t[3].op == '*' && t[3].min == 0 && t[3].max == RegexToken::kUnbounded && t[3].lazy));
  CHECK((t[5].op == '+' && t[5].min == 1));
  CHECK((t[7].op == '{' && t[7].min == 2 && t[7].max == 2));
  CHECK((t[9].min == 0 && t[9].max == 3 && t[9].lazy));
  CHECK((t[11].min == 1 && t[11].max == RegexToken::kUnbounded));
  CHECK(Pieces("a{,3}") == "lllll");
  CHECK(Pieces("a{x}") == "llll");
}

TEST_CASE("placeholders are read only when asked for, never in classes or escapes", "[regex_syntax]") {
  CHECK(Pieces("{subject:company}は{object:any|技術}", true) == "plp");
  CHECK(Pieces("{subject:company}", false) == std::string(17, 'l'));
  CHECK(Pieces(R"([{a}]\{b\}{2})", true) == "clllr");
  CHECK(Pieces("{=use_verb}?", true) == "pr");
}

TEST_CASE("what the reader does not follow is unsupported", "[regex_syntax]") {
  CHECK(Pieces(R"(\Qa\E)") == "ulu");
  CHECK(Pieces(R"(a\C)") == "lu");
  CHECK(Pieces(R"((a)\1)") == "(l)u");
  CHECK(Pieces("a\\") == "lu");
  CHECK(Pieces("a[bc") == "lu");
  CHECK(Pieces(R"(\x{E000)") == "ulllll");
  CHECK(Pieces(R"(\xZZ)") == "ull");
}

TEST_CASE("a class reads as items: characters, ranges and class escapes", "[regex_syntax]") {
  const auto c = kgx::ReadRegexClass(R"(^、。a-z\s\-\x{E000}-\x{E001}\])");
  REQUIRE(c.has_value());
  CHECK(c->negated);
  REQUIRE(c->items.size() == 7);
  CHECK((c->items[0].lo == U'、' && c->items[0].hi == U'、'));
  CHECK((c->items[2].lo == U'a' && c->items[2].hi == U'z'));
  CHECK(c->items[3].set == 's');
  CHECK((c->items[4].lo == U'-' && c->items[4].hi == U'-'));
  CHECK((c->items[5].lo == 0xE000 && c->items[5].hi == 0xE001));
  CHECK((c->items[6].lo == U']' && c->items[6].hi == U']'));
  const auto dash = kgx::ReadRegexClass("a-");  // '-' last is a member
  REQUIRE(dash.has_value());
  CHECK(dash->items.size() == 2);
  CHECK_FALSE(kgx::ReadRegexClass("[:alpha:]").has_value());
  CHECK_FALSE(kgx::ReadRegexClass("z-a").has_value());
  CHECK_FALSE(kgx::ReadRegexClass(R"(a-\d)").has_value());
  CHECK_FALSE(kgx::ReadRegexClass(R"(\b)").has_value());
}

TEST_CASE("a pattern is anchored at an edge only when every match must touch it", "[regex_syntax]") {
  using kgx::AnchoredAt;
  using kgx::RegexEdge;
  // At the start: ^ or \A first, no alternative outside parentheses.
  CHECK(AnchoredAt("^#{1,3}\\s+(.+)$", RegexEdge::kStart));
  CHECK(AnchoredAt("\\A【(.+)】", RegexEdge::kStart));
  CHECK_FALSE(AnchoredAt("^(?:DAT|ARC)[0-9]{3}|", RegexEdge::kStart));  // the empty side after "|" matches anywhere
  CHECK(AnchoredAt("^(?:a|b)c", RegexEdge::kStart));
  CHECK_FALSE(AnchoredAt("^a|b", RegexEdge::kStart));
  CHECK_FALSE(AnchoredAt("a^", RegexEdge::kStart));
  CHECK_FALSE(AnchoredAt("(^a)", RegexEdge::kStart));  // errs towards false
  CHECK_FALSE(AnchoredAt("^\\Qa|b\\E", RegexEdge::kStart));  // quoting: not followed
  CHECK_FALSE(AnchoredAt("", RegexEdge::kStart));
  // At the end: $ or \z last.
  CHECK(AnchoredAt("[。．!？]\\s*$", RegexEdge::kEnd));
  CHECK(AnchoredAt("（[A-Z]{3}[0-9]{3}）\\z", RegexEdge::kEnd));
  CHECK_FALSE(AnchoredAt("a$|b", RegexEdge::kEnd));
  CHECK_FALSE(AnchoredAt("^a", RegexEdge::kEnd));
  CHECK_FALSE(AnchoredAt("a$", RegexEdge::kStart));
}
