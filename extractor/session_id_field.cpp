// Session ID fields of a pasted session catalog, their labels from the rules: see session_id_field.h.
#include "extractor/session_id_field.h"

#include "extractor/text_util.h"

namespace kgx {

namespace {

// True when `text` starts with `label` (lower case), ASCII letters compared without case.
bool StartsWithLabel(std::string_view text, std::string_view label) {
  if (text.size() < label.size()) return false;
  for (std::size_t k = 0; k < label.size(); ++k) {
    if (AsciiLower(text[k]) != label[k]) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Why `label` cannot be a field's label, or empty when it can.
std::string LabelProblem(std::string_view label) {
  if (label.find(':') != std::string_view::npos || label.find("：") != std::string_view::npos) {
    return "holds a colon (the colon follows the label in a note: write the label alone)";
  }
  bool letter = false;
  for (const char c : label) letter |= IsAsciiLetter(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  if (!letter) return "has no letter";
  return "";
}

}  // namespace

bool SessionIdField::AddLabels(const RuleBlock& block, std::vector<RuleDiagnostic>& diagnostics) {
  bool ok = true;
  for (const RuleLine& line : block.lines) {
    const std::string problem = LabelProblem(line.text);
    if (!problem.empty()) {
      diagnostics.push_back({line.where, "session_id label '" + line.text + "' " + problem, true});
      ok = false;
      continue;
    }
    std::string label = AsciiLowerCopy(line.text);
    const auto first = static_cast<unsigned char>(label[0]);
    first_bytes_[first] = true;
    if (first >= 'a' && first <= 'z') first_bytes_[first - 'a' + 'A'] = true;
    labels_.push_back(std::move(label));
  }
  if (!labels_.empty()) first_bytes_[' '] = first_bytes_['\t'] = true;
  return ok;
}

std::optional<std::pair<std::size_t, std::size_t>> SessionIdField::Code(std::string_view line) const {
  const std::string_view text = TrimAscii(line);
  if (text.empty() || !first_bytes_[static_cast<unsigned char>(text[0])]) return std::nullopt;
  // the first label followed by a colon ("Session No." and "Session No" may both be labels)
  std::size_t pos = std::string_view::npos;
  for (const std::string& label : labels_) {
    if (!StartsWithLabel(text, label)) continue;
    std::size_t after = label.size();
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && text[after] == ':') {
      pos = after + 1;
      break;
    }
  }
  if (pos == std::string_view::npos) return std::nullopt;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t begin = pos;
  bool letter = false, digit = false;
  while (pos < text.size() && (IsAsciiLetter(static_cast<unsigned char>(text[pos])) || IsDigit(text[pos]) || text[pos] == '-')) {
    letter |= IsAsciiLetter(static_cast<unsigned char>(text[pos]));
    digit |= IsDigit(text[pos]);
    ++pos;
  }
  const std::size_t length = pos - begin;
  if (pos != text.size() || !letter || !digit || length < 3 || length > 16 || text[begin] == '-') return std::nullopt;
  return std::pair{static_cast<std::size_t>(text.data() - line.data()) + begin, length};
}

}  // namespace kgx
