// One reader of RE2 pattern syntax for the fast paths that reason about patterns as written
// (PatternElements, NeedsOf and FindPlaceholders, LineStartGate, HeaderCaptures, the anchoring
// checks of the Segmenter and Discovery): the pattern as a flat list of tokens, and a class as a list of items. What the
// reader does not follow it answers kUnsupported, and a caller that meets that takes no shortcut.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kgx {

// Returns the offset of the ']' that closes the class opened by the '[' at `open`, or npos. A ']'
// first in the class ("[]a]", "[^]a]") is a member; escapes and "[:alpha:]" are passed whole.
std::size_t RegexClassEnd(std::string_view pattern, std::size_t open);

enum class RegexPiece {
  kLiteral,       // one character, `code`: as written, or an escaped punctuation (`escaped`)
  kEscape,        // \s \S \d \D \w \W \b \B \A \z \n \t \r \f \v \a \x… \p… \P…: `letter` (\x… gives `code`)
  kClass,         // […]: `body` between the brackets (ReadRegexClass reads it)
  kAnyCharacter,  // .
  kLineStart,     // ^
  kLineEnd,       // $
  kGroupOpen,     // `group`; (?flags:…) gives `flags`, (?P<name>…) `name`
  kGroupClose,    // )
  kBar,           // |
  kRepeat,        // ? * + {n} {n,} {n,m}, maybe lazy: `op` ('{' for braces), `min`, `max`, `lazy`
  kFlags,         // (?i) and the like: `flags` for the rest of the enclosing group
  kPlaceholder,   // a kgx placeholder `{…}` (no repeat), when the reader is asked for them
  kUnsupported,   // anything else: \Q, \C, back references, a trailing '\', an unclosed class
};

enum class RegexGroup { kCapture, kNamed, kNonCapture, kUnsupported /* (?=…, (?<…, … */ };

struct RegexToken {
  static constexpr int kUnbounded = -1;
  RegexPiece piece = RegexPiece::kUnsupported;
  std::size_t begin = 0, end = 0;  // offsets in the pattern
  char32_t code = 0;               // kLiteral; kEscape \x…
  bool escaped = false;            // kLiteral written as '\' and a punctuation character
  char letter = 0;                 // kEscape
  std::string_view property;       // kEscape \p… and \P…: the name ("Han" of \p{Han}, "L" of \pL)
  std::string_view body;           // kClass
  RegexGroup group = RegexGroup::kCapture;
  std::string_view flags;  // kGroupOpen of kNonCapture ("" for (?:…), "i" for (?i:…)), kFlags
  std::string_view name;   // kGroupOpen of kNamed
  char op = 0;             // kRepeat: '?', '*', '+' or '{'
  int min = 0, max = 0;    // kRepeat: max kUnbounded for *, + and {n,}
  bool lazy = false;       // kRepeat
};

// Reads `pattern` into tokens. `placeholders`: a brace that opens no repeat and is followed by
// neither ',' nor '}' starts a kgx placeholder running to the next '}' (RE2 reads it as a literal).
std::vector<RegexToken> ReadRegexTokens(std::string_view pattern, bool placeholders = false);

// The one character a kLiteral or a kEscape stands for (\n, \x{E000}), or nothing (\s, \b, \p{Han}).
std::optional<char32_t> RegexCharacter(const RegexToken& token);

// One item of a class: the characters lo..hi (one character, a range, an escaped one), or a
// class escape (`set` one of s S d D w W p P; lo, hi unset).
struct RegexClassItem {
  char32_t lo = 0, hi = 0;
  char set = 0;
  std::string_view property;  // set p or P: the property's name
};

struct RegexClass {
  bool negated = false;
  std::vector<RegexClassItem> items;
};

// Reads the body of a class (between its brackets); nothing when it holds what the reader does not
// follow ([:alpha:], an escape other than punctuation, \x…, \n \t \r \f \v \a and class escapes,
// a range ending in a class escape or running backwards).
std::optional<RegexClass> ReadRegexClass(std::string_view body);

// True when every token is one the reader follows and no '|' stands outside parentheses: the
// pattern is a single branch (a define that may stand ungrouped, an anchored pattern).
bool IsSingleBranch(const std::vector<RegexToken>& tokens);

// The edge of the text a pattern may be anchored at: its start (^, \A) or its end ($, \z).
enum class RegexEdge { kStart, kEnd };

// Returns true when every match of `pattern` touches `edge`: it opens (closes) with the anchor and
// has no '|' outside parentheses. Errs towards false: a pattern with anything the reader does not
// follow (\Q…\E quoting, look-arounds) is anchored nowhere.
bool AnchoredAt(std::string_view pattern, RegexEdge edge);

}  // namespace kgx
