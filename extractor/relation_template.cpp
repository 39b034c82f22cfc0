// Placeholders of relation patterns and what they need of a line (see relation_template.h).
#include "extractor/relation_template.h"

#include "extractor/regex_syntax.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

// "company|aws_service" -> its bits; 0 when a name is unknown.
TypeMask ParseTypes(std::string_view types) {
  TypeMask mask = 0;
  std::size_t start = 0;
  while (start <= types.size()) {
    std::size_t bar = types.find('|', start);
    if (bar == std::string_view::npos) bar = types.size();
    const std::string_view name = TrimAscii(types.substr(start, bar - start));
    if (name == "any" || name == "entity") {
      mask |= kAnyType;
    } else if (const auto type = ParseEntityType(name)) {
      mask |= TypeBit(*type);
    } else {
      return 0;
    }
    start = bar + 1;
  }
  return mask;
}

void Classify(Placeholder& p) {
  if (p.inner.front() == '=') {
    p.role = Placeholder::Role::kDefine;
    p.define = p.inner.substr(1);
    return;
  }
  const std::size_t colon = p.inner.find(':');
  const std::string_view role = colon == std::string_view::npos ? std::string_view() : p.inner.substr(0, colon);
  p.types = ParseTypes(colon == std::string_view::npos ? p.inner : p.inner.substr(colon + 1));
  if (p.types == 0) return;  // kInvalid
  if (role.empty()) p.role = Placeholder::Role::kMention;
  else if (role == "subject") p.role = Placeholder::Role::kSubject;
  else if (role == "object") p.role = Placeholder::Role::kObject;
  else if (role == "objects") p.role = Placeholder::Role::kObjects;
  else if (role == "each") p.role = Placeholder::Role::kEach;
}

// True when the token after `at` lets the element before it match zero times.
bool MayRepeatZero(const std::vector<RegexToken>& tokens, std::size_t at) {
  return at + 1 < tokens.size() && tokens[at + 1].piece == RegexPiece::kRepeat && tokens[at + 1].min == 0;
}

}  // namespace

Placeholder PlaceholderAt(std::string_view text, std::size_t begin, std::size_t end) {
  Placeholder p;
  p.begin = begin;
  p.end = end;
  p.inner = text.substr(begin + 1, end - begin - 2);
  Classify(p);
  return p;
}

std::vector<Placeholder> FindPlaceholders(std::string_view text) {
  std::vector<Placeholder> found;
  for (const RegexToken& t : ReadRegexTokens(text, /*placeholders=*/true)) {
    if (t.piece == RegexPiece::kPlaceholder) found.push_back(PlaceholderAt(text, t.begin, t.end));
  }
  return found;
}

MentionNeeds NeedsOf(std::string_view text) {
  // One open group of the pattern: the placeholders it holds for sure, and whether it branches.
  struct Group {
    std::vector<TypeMask> required;
    bool alternation = false;
  };
  std::vector<Group> groups(1);  // groups[0]: the whole pattern
  TypeMask object_types = 0;
  const std::vector<RegexToken> tokens = ReadRegexTokens(text, /*placeholders=*/true);
  for (std::size_t at = 0; at < tokens.size(); ++at) {
    const RegexToken& t = tokens[at];
    switch (t.piece) {
      case RegexPiece::kGroupOpen: groups.emplace_back(); break;
      case RegexPiece::kBar: groups.back().alternation = true; break;
      case RegexPiece::kGroupClose: {
        if (groups.size() == 1) break;
        Group closed = std::move(groups.back());
        groups.pop_back();
        if (!closed.alternation && !MayRepeatZero(tokens, at)) {
          groups.back().required.insert(groups.back().required.end(), closed.required.begin(), closed.required.end());
        }
        break;
      }
      case RegexPiece::kPlaceholder: {
        const Placeholder p = PlaceholderAt(text, t.begin, t.end);
        using Role = Placeholder::Role;
        if (p.role == Role::kObject || p.role == Role::kObjects || p.role == Role::kEach) object_types |= p.types;
        const bool counts = p.role != Role::kDefine && p.role != Role::kInvalid && p.role != Role::kEach;
        if (counts && !MayRepeatZero(tokens, at)) groups.back().required.push_back(p.types);
        break;
      }
      default: break;  // what else the pattern holds needs no mention
    }
  }
  MentionNeeds needs;
  if (!groups.front().alternation) needs.each_of = std::move(groups.front().required);
  needs.count = needs.each_of.size();
  // A hand-written (?P<objects>…) holds whatever mentions are in it.
  needs.object_types = object_types != 0 ? object_types : kAnyType;
  return needs;
}

}  // namespace kgx
