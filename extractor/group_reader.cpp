// Groups of a relation match read from its markers and small RE2s (see group_reader.h). Why the
// reads agree with RE2's: it takes the first path, in the pattern's order of preference, that
// matches the whole match. Where the markers' places in the match are forced, so are the texts
// the pieces between them match, and the first path over the whole is the first path over each
// piece: a piece's own RE2, run anchored on its text (in the line, so ^ and \b see the same
// neighbours), gives the same groups.
#include "extractor/group_reader.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractor/regex_syntax.h"
#include "extractor/relation_template.h"

namespace kgx {

namespace {

using Role = Placeholder::Role;

// A mention placeholder of a pattern, where the syntax reader found it.
struct Spot {
  Placeholder placeholder;
  std::size_t token = 0;  // its index among the pattern's tokens
  int depth = 0;          // the groups around it
  bool repeated = false;  // followed by ?, * or a repeat
};

// Returns pattern[from, to), nothing when a placeholder stands in it (the caller splits at mentions).
std::optional<std::string> Piece(std::string_view pattern, const std::vector<RegexToken>& tokens, std::size_t from,
                                 std::size_t to) {
  for (const RegexToken& token : tokens) {
    if (token.piece == RegexPiece::kPlaceholder && token.begin >= from && token.end <= to) return std::nullopt;
  }
  return std::string(pattern.substr(from, to - from));
}

// Returns true when a negated class's body names U+E001 (alone or as a range's end): the class
// then never matches it.
bool NamesClose(std::string_view body) {
  return body.find("\\x{E001}") != std::string_view::npos || body.find("\\x{e001}") != std::string_view::npos;
}

// Returns true for the \p properties known to hold no private-use character.
bool PropertyWithoutPrivateUse(std::string_view name) {
  return name == "Han" || name == "Hiragana" || name == "Katakana" || name == "Latin" || name == "L" || name == "N";
}

// Returns true when no text `regex` (RE2 syntax) matches may hold U+E001, the last character of
// every marker: it then never holds a whole marker. What the syntax reader does not follow, `.`,
// \S, \W, \D, \P and flags count as holding it.
bool NeverMatchesClose(std::string_view regex) {
  for (const RegexToken& token : ReadRegexTokens(regex)) {
    switch (token.piece) {
      case RegexPiece::kLiteral:
        if (token.code == 0xE001) return false;
        break;
      case RegexPiece::kEscape:
        if (token.letter == 'x' && token.code == 0xE001) return false;
        if (token.letter == 'p' && !PropertyWithoutPrivateUse(token.property)) return false;
        if (token.letter == 'S' || token.letter == 'W' || token.letter == 'D' || token.letter == 'P') return false;
        break;
      case RegexPiece::kClass: {
        if (!token.body.empty() && token.body.front() == '^') {
          if (!NamesClose(token.body)) return false;
          break;
        }
        const auto items = ReadRegexClass(token.body);
        if (!items) return false;
        for (const RegexClassItem& item : items->items) {
          if (item.set == 'p' && !PropertyWithoutPrivateUse(item.property)) return false;
          if (item.set == 'S' || item.set == 'W' || item.set == 'D' || item.set == 'P') return false;
          if (item.set == 0 && item.lo <= 0xE001 && 0xE001 <= item.hi) return false;
        }
        break;
      }
      case RegexPiece::kGroupOpen:
        if (token.group == RegexGroup::kUnsupported) return false;
        break;
      case RegexPiece::kGroupClose:
      case RegexPiece::kBar:
      case RegexPiece::kRepeat:
      case RegexPiece::kLineStart:
      case RegexPiece::kLineEnd:
        break;
      default:  // ., (?flags), a placeholder, what the reader does not follow
        return false;
    }
  }
  return true;
}

// Returns the mention index of the marker at text[at] (U+E000, letter, digits, U+E001).
int MentionOf(std::string_view text, std::size_t at) {
  int value = 0;
  for (std::size_t i = at + kMarkerOpen.size() + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

GroupReader::GroupReader() = default;
GroupReader::~GroupReader() = default;

std::unique_ptr<GroupReader> GroupReader::For(std::string_view pattern, const std::string& separator) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(pattern, true);
  std::vector<Spot> spots;
  std::size_t role_at = std::string_view::npos;  // where (?P<role>…) opens
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const RegexToken& token = tokens[i];
    switch (token.piece) {
      case RegexPiece::kUnsupported: return nullptr;
      case RegexPiece::kFlags:
      case RegexPiece::kBar:
        if (depth == 0) return nullptr;  // splitting the pattern would change what they govern
        break;
      case RegexPiece::kGroupOpen:
        if (token.group == RegexGroup::kNamed) {
          if (token.name != "role" || role_at != std::string_view::npos) return nullptr;  // a hand-written object or subject
          role_at = token.begin;
        }
        ++depth;
        break;
      case RegexPiece::kGroupClose: --depth; break;
      case RegexPiece::kPlaceholder: {
        const Placeholder placeholder = PlaceholderAt(pattern, token.begin, token.end);
        const bool repeated = i + 1 < tokens.size() && tokens[i + 1].piece == RegexPiece::kRepeat;
        spots.push_back({placeholder, i, depth, repeated});
        break;
      }
      default: break;
    }
  }
  auto reader = std::unique_ptr<GroupReader>(new GroupReader());
  const auto fixed = [](const Spot& s) {
    const Role role = s.placeholder.role;
    return s.depth == 0 && !s.repeated && (role == Role::kMention || role == Role::kSubject || role == Role::kObject);
  };
  if (!spots.empty() && std::all_of(spots.begin(), spots.end(), fixed)) {
    reader->markers_ = static_cast<int>(spots.size());
    for (std::size_t k = 0; k < spots.size(); ++k) {
      if (spots[k].placeholder.role == Role::kSubject) reader->subject_ = static_cast<int>(k);
      if (spots[k].placeholder.role == Role::kObject) reader->object_ = static_cast<int>(k);
    }
    if (reader->object_ < 0) return nullptr;
    if (role_at == std::string_view::npos) return reader;
    // The role's piece: between the placeholders before and after it.
    std::size_t k = 0;
    while (k < spots.size() && spots[k].placeholder.begin < role_at) ++k;
    const std::size_t from = k == 0 ? 0 : spots[k - 1].placeholder.end;
    const std::size_t to = k == spots.size() ? pattern.size() : spots[k].placeholder.begin;
    const auto piece = Piece(pattern, tokens, from, to);
    if (!piece) return nullptr;
    reader->role_ = std::make_unique<RE2>(*piece, RE2::Quiet);
    const auto& names = reader->role_->NamedCapturingGroups();
    const auto it = names.find("role");
    if (!reader->role_->ok() || it == names.end()) return nullptr;
    reader->role_segment_ = static_cast<int>(k);
    reader->role_group_ = it->second;
    return reader;
  }
  // {objects:…}, maybe then (?:…{TYPES})?, and nothing before them that may hold a marker.
  if (spots.empty() || spots.size() > 2 || role_at != std::string_view::npos) return nullptr;
  const Spot& list = spots[0];
  const bool one = list.placeholder.role == Role::kObject;  // a list of one marker
  if ((!one && list.placeholder.role != Role::kObjects) || list.depth != 0 || list.repeated) return nullptr;
  std::optional<std::string> gap;  // the optional group's text before its marker
  std::size_t rest_from = list.placeholder.end;
  if (spots.size() == 2) {
    const Spot& last = spots[1];
    if (last.placeholder.role != Role::kMention || last.depth != 1 || last.repeated) return nullptr;
    const std::size_t open = list.token + 1, close = last.token + 1, repeat = last.token + 2;
    if (repeat >= tokens.size() || tokens[open].piece != RegexPiece::kGroupOpen || tokens[open].group != RegexGroup::kNonCapture ||
        !tokens[open].flags.empty() || tokens[close].piece != RegexPiece::kGroupClose || tokens[repeat].piece != RegexPiece::kRepeat ||
        tokens[repeat].op != '?' || tokens[repeat].lazy) {
      return nullptr;
    }
    gap = Piece(pattern, tokens, tokens[open].end, last.placeholder.begin);
    if (!gap || !NeverMatchesClose(*gap)) return nullptr;
    rest_from = tokens[repeat].end;
  } else if (one) {
    return nullptr;  // one marker alone: its layout is known, or RE2 is asked
  }
  const auto before = Piece(pattern, tokens, 0, list.placeholder.begin);
  const auto rest = Piece(pattern, tokens, rest_from, pattern.size());
  const std::string between = "\\s*" + separator + "\\s*";
  if (!before || !rest || !NeverMatchesClose(*before)) return nullptr;
  if (!one && (separator.empty() || !NeverMatchesClose(between))) return nullptr;
  reader->shape_ = Shape::kList;
  reader->object_ = one ? 0 : -1;
  if (!one) reader->separator_ = std::make_unique<RE2>(between, RE2::Quiet);
  if (gap) reader->gap_ = std::make_unique<RE2>(*gap, RE2::Quiet);
  reader->rest_ = std::make_unique<RE2>(*rest, RE2::Quiet);
  if ((reader->separator_ && !reader->separator_->ok()) || (reader->gap_ && !reader->gap_->ok()) || !reader->rest_->ok()) return nullptr;
  return reader;
}

std::optional<GroupRead> GroupReader::Read(std::string_view text, const std::vector<MarkerSpan>& markers, std::size_t begin,
                                           std::size_t end, bool with_role) const {
  // The markers of the match, which must hold them whole.
  auto first = std::lower_bound(markers.begin(), markers.end(), begin, [](const MarkerSpan& m, std::size_t at) { return m.begin < at; });
  if (first != markers.begin() && std::prev(first)->end > begin) return std::nullopt;
  auto stop = first;
  while (stop != markers.end() && stop->begin < end) ++stop;
  if (stop != first && std::prev(stop)->end > end) return std::nullopt;
  const auto count = static_cast<int>(stop - first);
  const auto marker = [&](int k) { return first[k]; };
  const auto range = [&](std::size_t from, std::size_t to) { return text.substr(from, to - from); };
  GroupRead read;
  if (shape_ == Shape::kList) {
    // Nothing before the list holds a marker: it begins with the first. RE2 prefers the longest
    // list, then the optional marker taken; the first of these whose rest matches is its path.
    if (count == 0) return std::nullopt;
    if (object_ == 0) return GroupRead{range(marker(0).begin, marker(0).end)};  // {object:…}: the first marker
    const auto matches = [&](const RE2& regex, std::size_t from, std::size_t to) {
      return regex.Match(text, from, to, RE2::ANCHOR_BOTH, nullptr, 0);
    };
    int longest = 0;  // the list may run on to this marker
    while (longest + 1 < count && matches(*separator_, marker(longest).end, marker(longest + 1).begin)) ++longest;
    for (int ends = longest; ends >= 0; --ends) {
      const bool taken = gap_ && ends + 1 < count && matches(*gap_, marker(ends).end, marker(ends + 1).begin) &&
                         matches(*rest_, marker(ends + 1).end, end);
      if (taken || matches(*rest_, marker(ends).end, end)) {
        read.object = range(marker(0).begin, marker(ends).end);
        return read;
      }
    }
    return std::nullopt;
  }
  if (count != markers_) return std::nullopt;
  read.object = range(marker(object_).begin, marker(object_).end);
  if (subject_ >= 0) read.subject = MentionOf(text, marker(subject_).begin);
  if (role_) {
    read.role_pending = true;
    read.role_from = role_segment_ == 0 ? begin : marker(role_segment_ - 1).end;
    read.role_to = role_segment_ == markers_ ? end : marker(role_segment_).begin;
    if (with_role && !ReadRole(text, read)) return std::nullopt;
  }
  return read;
}

bool GroupReader::ReadRole(std::string_view text, GroupRead& read) const {
  if (!read.role_pending) return true;
  std::vector<re2::StringPiece> parts(static_cast<std::size_t>(role_group_) + 1);
  if (!role_->Match(text, read.role_from, read.role_to, RE2::ANCHOR_BOTH, parts.data(), role_group_ + 1)) return false;
  read.role = std::string_view(parts[static_cast<std::size_t>(role_group_)].data(), parts[static_cast<std::size_t>(role_group_)].size());
  read.has_role = read.role.data() != nullptr;
  read.role_pending = false;
  return true;
}

}  // namespace kgx
