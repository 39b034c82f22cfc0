// Header captures in two short runs. RE2 finds groups with a backtracker that, behind a lazy
// `.*?` followed by a tail and `$`, tries the tail at every byte of the title: about 600
// instructions a byte, some 35 k for one header line. For `^H(?P<title>C.*?)T$` where T may match
// the empty string, the backtracker keeps the first way H matches that C can follow (the rest
// then always matches a line: `.*?` takes all of it, T nothing), and the title ends where T first
// matches up to the end. So `^H(?P<title>C)` gives every group but the title's end, and the
// leftmost match of `(?:T)$` after C gives that end. Any other shape takes one whole run.
#include "extractor/header_captures.h"

#include <re2/re2.h>

#include <cctype>
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

// Walks `p` outside escapes and classes, calling `at(i, depth)` on each '(' , ')' and '|'
// (depth before the character); returns false when the walk cannot be trusted or `at` says so.
template <typename At>
bool WalkGroups(std::string_view p, At&& at) {
  int depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size() || p[i + 1] == 'Q' || p[i + 1] == 'C') return false;  // quoting, any byte
      ++i;
    } else if (c == '[') {
      i = RegexClassEnd(p, i);
      if (i == kNone) return false;
    } else if (c == '(' || c == ')' || c == '|') {
      if (c == '(') {
        // A bare flag group, (?i) or (?s-m), changes the rest of the pattern: no split.
        std::size_t k = i + 1;
        if (k < p.size() && p[k] == '?') {
          ++k;
          while (k < p.size() && (std::isalpha(static_cast<unsigned char>(p[k])) || p[k] == '-') && p[k] != 'P') ++k;
          if (k < p.size() && p[k] == ')') return false;
        }
      }
      if (!at(i, depth)) return false;
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) return false;
    }
  }
  return depth == 0;
}

// Splits `^H(?P<title>C.*?)T$` into `^H(?P<title>C)` and `(?:T)$`, where C is one character (an
// escape such as \S, a class or '.'), the title group stands outside every group and T has no
// capturing group; nothing for any other shape. Whether T may be empty is checked by the caller.
std::optional<LazyTitleSplit> SplitAtLazyTitle(std::string_view p) {
  constexpr std::string_view kOpen = "(?P<title>";
  if (!p.starts_with('^')) return std::nullopt;
  std::size_t title_at = kNone;
  const bool walked = WalkGroups(p, [&](std::size_t i, int depth) {
    if (p[i] == '|' && depth == 0) return false;  // not anchored at the start
    if (p[i] == '(' && depth == 0 && title_at == kNone && p.substr(i).starts_with(kOpen)) title_at = i;
    return true;
  });
  if (!walked || title_at == kNone) return std::nullopt;
  const std::size_t c = title_at + kOpen.size();
  std::size_t c_end = kNone;
  if (c + 1 < p.size() && p[c] == '\\') {
    const unsigned char e = static_cast<unsigned char>(p[c + 1]);
    if (std::strchr("SsWwDd", e) != nullptr || (e < 0x80 && std::ispunct(e))) c_end = c + 2;
  } else if (c < p.size() && p[c] == '[') {
    const std::size_t close = RegexClassEnd(p, c);
    if (close != kNone) c_end = close + 1;
  } else if (c < p.size() && p[c] == '.') {
    c_end = c + 1;
  }
  if (c_end == kNone || p.substr(c_end, 4) != ".*?)") return std::nullopt;
  std::string_view tail = p.substr(c_end + 4);
  // The tail ends with a '$' that no backslash escapes.
  std::size_t backslashes = 0;
  while (backslashes + 1 < tail.size() && tail[tail.size() - 2 - backslashes] == '\\') ++backslashes;
  if (!tail.ends_with('$') || backslashes % 2 != 0) return std::nullopt;
  tail.remove_suffix(1);
  const bool plain_tail = WalkGroups(tail, [&](std::size_t i, int) {
    return tail[i] != '(' || (i + 1 < tail.size() && tail[i + 1] == '?' && !tail.substr(i).starts_with("(?P"));
  });
  if (!plain_tail) return std::nullopt;
  return LazyTitleSplit{std::string(p.substr(0, c_end)) + ")", "(?:" + std::string(tail) + ")$"};
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
