// Placeholders of relation patterns and what they need of a line (see relation_template.h).
#include "extractor/relation_template.h"

#include <cctype>

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

// True when what follows `at` lets the element before it match zero times.
bool MayRepeatZero(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  if (text[at] == '?' || text[at] == '*') return true;
  return text.compare(at, 2, "{0") == 0 || text.compare(at, 2, "{,") == 0;
}

// What the pattern scanners care about; everything else is passed over.
enum class Token { kPlaceholder, kGroupOpen, kGroupClose, kBar };

// Calls on_token(token, begin, end) for each placeholder (its braces included), '(' , ')' and
// '|' of a pattern template, outside escapes and character classes. The braces of "\x{E000}",
// "\p{Han}", "\P{Han}" and of repeats ("{2}", "{0,30}") are no placeholders.
template <typename OnToken>
void LexPattern(std::string_view text, OnToken&& on_token) {
  bool in_class = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 2 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'p' || text[i + 1] == 'P') && text[i + 2] == '{') {
        const std::size_t close = text.find('}', i + 3);
        i = close == std::string_view::npos ? text.size() : close;
      } else {
        ++i;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    switch (c) {
      case '[':
        in_class = true;
        if (text.compare(i + 1, 1, "]") == 0) ++i;            // "[]…]": the ] is a member
        else if (text.compare(i + 1, 2, "^]") == 0) i += 2;  // "[^]…]" likewise
        break;
      case '(': on_token(Token::kGroupOpen, i, i + 1); break;
      case ')': on_token(Token::kGroupClose, i, i + 1); break;
      case '|': on_token(Token::kBar, i, i + 1); break;
      case '{': {
        const std::size_t close = text.find('}', i);
        if (close == std::string_view::npos) break;
        const char first = close > i + 1 ? text[i + 1] : '}';
        if (first == '}' || first == ',' || std::isdigit(static_cast<unsigned char>(first))) break;  // a repeat
        on_token(Token::kPlaceholder, i, close + 1);
        i = close;
        break;
      }
      default: break;
    }
  }
}

}  // namespace

std::vector<Placeholder> FindPlaceholders(std::string_view text) {
  std::vector<Placeholder> found;
  LexPattern(text, [&](Token token, std::size_t begin, std::size_t end) {
    if (token != Token::kPlaceholder) return;
    Placeholder p;
    p.begin = begin;
    p.end = end;
    p.inner = text.substr(begin + 1, end - begin - 2);
    Classify(p);
    found.push_back(p);
  });
  return found;
}

bool MentionNeeds::SatisfiedBy(std::size_t mentions, TypeMask types_present) const {
  if (mentions < count || (object_types & types_present) == 0) return false;
  for (const TypeMask need : each_of) {
    if ((need & types_present) == 0) return false;
  }
  return true;
}

MentionNeeds NeedsOf(std::string_view text) {
  // One open group of the pattern: the placeholders it holds for sure, and whether it branches.
  struct Group {
    std::vector<TypeMask> required;
    bool alternation = false;
  };
  std::vector<Group> groups(1);  // groups[0]: the whole pattern
  TypeMask object_types = 0;
  LexPattern(text, [&](Token token, std::size_t begin, std::size_t end) {
    switch (token) {
      case Token::kGroupOpen: groups.emplace_back(); break;
      case Token::kBar: groups.back().alternation = true; break;
      case Token::kGroupClose: {
        if (groups.size() == 1) break;
        Group closed = std::move(groups.back());
        groups.pop_back();
        if (!closed.alternation && !MayRepeatZero(text, end)) {
          groups.back().required.insert(groups.back().required.end(), closed.required.begin(), closed.required.end());
        }
        break;
      }
      case Token::kPlaceholder: {
        Placeholder p;
        p.inner = text.substr(begin + 1, end - begin - 2);
        Classify(p);
        using Role = Placeholder::Role;
        if (p.role == Role::kObject || p.role == Role::kObjects || p.role == Role::kEach) object_types |= p.types;
        const bool counts = p.role != Role::kDefine && p.role != Role::kInvalid && p.role != Role::kEach;
        if (counts && !MayRepeatZero(text, end)) groups.back().required.push_back(p.types);
        break;
      }
    }
  });
  MentionNeeds needs;
  if (!groups.front().alternation) needs.each_of = std::move(groups.front().required);
  needs.count = needs.each_of.size();
  // A hand-written (?P<objects>…) holds whatever mentions are in it.
  needs.object_types = object_types != 0 ? object_types : kAnyType;
  return needs;
}

}  // namespace kgx
