// Session ID fields of a pasted session catalog: see session_id_field.h.
#include "extractor/session_id_field.h"

#include <array>

#include "extractor/text_util.h"

namespace kgx {

namespace {

// The labels, lower-case: an event site's English and Japanese catalogs ("Session ID", "セッションID").
constexpr std::array<std::string_view, 6> kLabels = {"session id", "session code", "session number",
                                                     "セッションid", "セッションコード", "セッション番号"};

// True when `text` starts with `label`, ASCII letters compared without case.
bool StartsWithLabel(std::string_view text, std::string_view label) {
  if (text.size() < label.size()) return false;
  for (std::size_t k = 0; k < label.size(); ++k) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != label[k]) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> SessionIdCode(std::string_view line) {
  const std::string_view text = TrimAscii(line);
  // every label opens with "S", "s" or セ's first byte: most lines are told by that byte
  if (text.empty() || (text[0] != 'S' && text[0] != 's' && static_cast<unsigned char>(text[0]) != 0xE3)) return std::nullopt;
  std::size_t pos = std::string_view::npos;
  for (const std::string_view label : kLabels) {
    if (StartsWithLabel(text, label)) {
      pos = label.size();
      break;
    }
  }
  if (pos == std::string_view::npos) return std::nullopt;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || text[pos] != ':') return std::nullopt;
  ++pos;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t begin = pos;
  bool letter = false, digit = false;
  while (pos < text.size() && (IsLetter(text[pos]) || IsDigit(text[pos]) || text[pos] == '-')) {
    letter |= IsLetter(text[pos]);
    digit |= IsDigit(text[pos]);
    ++pos;
  }
  const std::size_t length = pos - begin;
  if (pos != text.size() || !letter || !digit || length < 3 || length > 16 || text[begin] == '-') return std::nullopt;
  return std::pair{static_cast<std::size_t>(text.data() - line.data()) + begin, length};
}

}  // namespace kgx
