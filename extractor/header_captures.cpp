// Header captures in two short runs. RE2 finds groups with a backtracker that, behind a lazy
// `.*?` followed by a tail and `$`, tries the tail at every byte of the title: about 600
// instructions a byte, some 35 k for one header line. For `^H(?P<title>C.*?)T$` where T may match
// the empty string, the backtracker keeps the first way H matches that C can follow (the rest
// then always matches a line: `.*?` takes all of it, T nothing), and the title ends where T first
// matches up to the end. So `^H(?P<title>C)` gives every group but the title's end, and the
// leftmost match of `(?:T)$` after C gives that end. Any other shape takes one whole run.
#include "extractor/header_captures.h"

#include <re2/re2.h>

#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

#include "extractor/regex_syntax.h"

namespace kgx {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

struct LazyTitleSplit {
  std::string head, tail;
};

// Splits `^H(?P<title>C.*?)T$` into `^H(?P<title>C)` and `(?:T)$`, where C is one character (an
// escape such as \S, a class or '.'), the title group stands outside every group and T has no
// capturing group; nothing for any other shape (or syntax the reader does not follow, or a flag
// group changing the rest of the pattern). Whether T may be empty is checked by the caller.
std::optional<LazyTitleSplit> SplitAtLazyTitle(std::string_view p) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(p);
  if (tokens.empty() || tokens.front().piece != RegexPiece::kLineStart) return std::nullopt;
  std::size_t title = kNone;  // the token opening the title group
  int depth = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const RegexToken& t = tokens[k];
    if (t.piece == RegexPiece::kUnsupported || t.piece == RegexPiece::kFlags) return std::nullopt;
    if (t.piece == RegexPiece::kBar && depth == 0) return std::nullopt;  // not anchored at the start
    if (t.piece == RegexPiece::kGroupOpen) {
      if (depth == 0 && title == kNone && t.group == RegexGroup::kNamed && t.name == "title") title = k;
      // T, after the title group, holds no capturing group.
      if (title != kNone && k > title && t.group != RegexGroup::kNonCapture) return std::nullopt;
      ++depth;
    }
    if (t.piece == RegexPiece::kGroupClose && --depth < 0) return std::nullopt;
  }
  if (depth != 0 || title == kNone || title + 5 >= tokens.size()) return std::nullopt;
  const RegexToken& c = tokens[title + 1];
  const bool one_character =
      (c.piece == RegexPiece::kEscape && std::strchr("SsWwDd", c.letter) != nullptr) ||
      (c.piece == RegexPiece::kLiteral && c.escaped) || c.piece == RegexPiece::kClass ||
      c.piece == RegexPiece::kAnyCharacter;
  const RegexToken& any = tokens[title + 2];
  const RegexToken& lazy = tokens[title + 3];
  if (!one_character || any.piece != RegexPiece::kAnyCharacter || lazy.piece != RegexPiece::kRepeat ||
      lazy.op != '*' || !lazy.lazy || tokens[title + 4].piece != RegexPiece::kGroupClose ||
      tokens.back().piece != RegexPiece::kLineEnd) {
    return std::nullopt;
  }
  const std::string_view tail = p.substr(tokens[title + 4].end, tokens.back().begin - tokens[title + 4].end);
  return LazyTitleSplit{std::string(p.substr(0, c.end)) + ")", "(?:" + std::string(tail) + ")$"};
}

int GroupIndex(const RE2& regex, const std::string& name) {
  const auto& names = regex.NamedCapturingGroups();
  const auto it = names.find(name);
  return it == names.end() ? -1 : it->second;
}

std::string_view View(const re2::StringPiece& piece) { return {piece.data(), piece.size()}; }

}  // namespace

struct HeaderCaptures::Impl {
  std::unique_ptr<RE2> whole;
  int code = -1, title = -1;  // group indices in `whole`
  // The split form, when the pattern has its shape: `head` gives the code and the title's start.
  // Compiled once, on the first match (most header rules never match a line of a run).
  mutable std::once_flag prepared;
  mutable std::unique_ptr<RE2> head, tail;
  mutable int head_code = -1, head_title = -1;

  void Prepare() const;
};

void HeaderCaptures::Impl::Prepare() const {
  const std::optional<LazyTitleSplit> split = SplitAtLazyTitle(whole->pattern());
  if (!split || title < 0) return;
  auto head_re = std::make_unique<RE2>(split->head, RE2::Quiet);
  auto tail_re = std::make_unique<RE2>(split->tail, RE2::Quiet);
  if (!head_re->ok() || !tail_re->ok() || !RE2::FullMatch("", *tail_re)) return;
  head_code = GroupIndex(*head_re, "code");
  head_title = GroupIndex(*head_re, "title");
  if (head_title < 0 || (code >= 0) != (head_code >= 0)) return;
  head = std::move(head_re);
  tail = std::move(tail_re);
}

HeaderCaptures::HeaderCaptures(std::unique_ptr<RE2> whole) : impl_(std::make_unique<Impl>()) {
  impl_->whole = std::move(whole);
  impl_->code = GroupIndex(*impl_->whole, "code");
  impl_->title = GroupIndex(*impl_->whole, "title");
}

HeaderCaptures::~HeaderCaptures() = default;

bool HeaderCaptures::split() const {
  std::call_once(impl_->prepared, [this] { impl_->Prepare(); });
  return impl_->head != nullptr;
}

const RE2& HeaderCaptures::regex() const { return *impl_->whole; }

bool HeaderCaptures::MatchWhole(std::string_view line, std::string_view& code, std::string_view& title) const {
  const Impl& impl = *impl_;
  const int groups = impl.whole->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> found(static_cast<std::size_t>(groups));
  if (!impl.whole->Match(line, 0, line.size(), RE2::UNANCHORED, found.data(), groups)) return false;
  code = impl.code > 0 ? View(found[static_cast<std::size_t>(impl.code)]) : std::string_view();
  title = impl.title > 0 ? View(found[static_cast<std::size_t>(impl.title)]) : std::string_view();
  return true;
}

bool HeaderCaptures::Match(std::string_view line, std::string_view& code, std::string_view& title) const {
  const Impl& impl = *impl_;
  // `.*?` stops at a newline, which a line from SplitLines never holds.
  if (!split() || line.find('\n') != std::string_view::npos) return MatchWhole(line, code, title);
  const int groups = impl.head->NumberOfCapturingGroups() + 1;
  constexpr int kInline = 8;
  re2::StringPiece inline_found[kInline];
  std::vector<re2::StringPiece> more;
  re2::StringPiece* found = inline_found;
  if (groups > kInline) {
    more.resize(static_cast<std::size_t>(groups));
    found = more.data();
  }
  if (!impl.head->Match(line, 0, line.size(), RE2::ANCHOR_START, found, groups)) return false;
  const re2::StringPiece first = found[impl.head_title];  // C, the title's first character
  const std::size_t after = static_cast<std::size_t>(first.data() - line.data()) + first.size();
  re2::StringPiece rest;
  if (!impl.tail->Match(line, after, line.size(), RE2::UNANCHORED, &rest, 1)) return MatchWhole(line, code, title);
  code = impl.head_code > 0 ? View(found[impl.head_code]) : std::string_view();
  title = std::string_view(first.data(), static_cast<std::size_t>(rest.data() - first.data()));
  return true;
}

}  // namespace kgx
