// A person's handle after their name (see handle_partner.h): a byte scan of the text after the name.
#include "extractor/handle_partner.h"

#include <algorithm>
#include <string>

#include "extractor/text_util.h"

namespace kgx {
namespace {

bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::optional<NameSpan> HandleAfterName(std::string_view text, std::size_t name_begin, std::size_t name_end) {
  if (name_end <= name_begin || name_end > text.size() || text[name_begin] == '@') return std::nullopt;
  std::size_t at = name_end;
  // most names go on with another character: one byte tells (さ is E3 81 95, 氏 E6 B0 8F, 様 E6 A7 98)
  if (at >= text.size()) return std::nullopt;
  const char next = text[at];
  if (next != ' ' && next != '\t' && next != '(' && next != '\xE3' && next != '\xE6') return std::nullopt;
  // an honorific may come first: "大西 拓海さん (@t_onishi)"
  at += HonorificAt(text, at);
  const std::size_t after_name = at;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  const bool parenthesised = at < text.size() && text[at] == '(';
  if (parenthesised) ++at;
  // a handle stands apart from the name: a blank or a parenthesis between them
  if (at == after_name || at >= text.size() || text[at] != '@') return std::nullopt;
  const std::size_t begin = at++;
  std::size_t end = at;
  while (end < text.size()) {
    if (IsHandleChar(text[end])) {
      ++end;
    } else if ((text[end] == '.' || text[end] == '-') && end > begin + 1 && end + 1 < text.size() &&
               IsHandleChar(text[end - 1]) && IsHandleChar(text[end + 1])) {
      ++end;
    } else {
      break;
    }
  }
  if (end == begin + 1) return std::nullopt;
  // the handle ends its word: not a mail address's or a path's start ("@acme/tools")
  if (end < text.size() && (text[end] == '@' || text[end] == '/')) return std::nullopt;
  if (parenthesised) {
    std::size_t close = end;
    while (close < text.size() && (text[close] == ' ' || text[close] == '\t')) ++close;
    if (close >= text.size() || text[close] != ')') return std::nullopt;
  }
  return NameSpan{begin, end};
}

void AddAlias(Entity& entity, std::string_view alias) {
  if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) entity.aliases.emplace_back(alias);
}

}  // namespace kgx
