// Literal tables of the quantity vocabulary (see quantity_lexicon.h): indexed by first and last
// byte, longest literal first, compared ASCII-case-insensitively unless a literal says `case`.
#include "extractor/quantity_lexicon.h"

#include <algorithm>

#include "extractor/text_util.h"

namespace kgx {
namespace {

bool SameByte(char a, char b, bool case_sensitive) {
  return case_sensitive ? a == b : AsciiLower(a) == AsciiLower(b);
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

int QuantityLexicon::AddUnit(UnitDef def) {
  units_.push_back(std::move(def));
  return static_cast<int>(units_.size() - 1);
}

const LexEntry* QuantityLexicon::AddEntry(LexEntry entry) {
  for (const LexEntry& e : entries_) {
    if (e.role != entry.role || e.text.size() != entry.text.size()) continue;
    const bool exact = entry.case_sensitive || e.case_sensitive;
    bool same = true;
    for (std::size_t i = 0; i < e.text.size() && same; ++i) same = SameByte(e.text[i], entry.text[i], exact);
    if (same) return &e;
  }
  entries_.push_back(std::move(entry));
  return nullptr;
}

void QuantityLexicon::Finish() {
  for (auto& per_role : forward_) for (auto& bucket : per_role) bucket.clear();
  for (auto& per_role : backward_) for (auto& bucket : per_role) bucket.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const LexEntry& e = entries_[i];
    if (e.text.empty()) continue;
    const auto role = static_cast<std::size_t>(e.role);
    const auto first = static_cast<unsigned char>(AsciiLower(e.text.front()));
    const auto last = static_cast<unsigned char>(AsciiLower(e.text.back()));
    forward_[role][first].push_back(static_cast<int>(i));
    backward_[role][last].push_back(static_cast<int>(i));
  }
  const auto longest_first = [this](int a, int b) {
    const std::size_t la = entries_[static_cast<std::size_t>(a)].text.size();
    const std::size_t lb = entries_[static_cast<std::size_t>(b)].text.size();
    return la != lb ? la > lb : a < b;
  };
  for (auto& per_role : forward_) for (auto& bucket : per_role) std::sort(bucket.begin(), bucket.end(), longest_first);
  for (auto& per_role : backward_) for (auto& bucket : per_role) std::sort(bucket.begin(), bucket.end(), longest_first);
}

const LexEntry* QuantityLexicon::FindUnitLiteral(std::string_view text) const {
  for (const LexEntry& e : entries_) {
    if (e.role == LexRole::kUnit && e.text == text) return &e;
  }
  return nullptr;
}

const std::vector<int>& QuantityLexicon::Bucket(const Index& index, LexRole role, char byte) {
  const auto key = static_cast<unsigned char>(AsciiLower(byte));
  return index[static_cast<std::size_t>(role)][key];
}

bool QuantityLexicon::StartsWithAt(std::string_view line, std::size_t pos, const LexEntry& e) {
  if (pos + e.text.size() > line.size()) return false;
  for (std::size_t i = 0; i < e.text.size(); ++i) {
    if (!SameByte(line[pos + i], e.text[i], e.case_sensitive)) return false;
  }
  const std::size_t after = pos + e.text.size();
  const auto last = static_cast<unsigned char>(e.text.back());
  return !(IsAsciiAlnum(last) && after < line.size() &&
           IsAsciiAlnum(static_cast<unsigned char>(line[after])));
}

bool QuantityLexicon::EndsWithAt(std::string_view line, std::size_t end, const LexEntry& e) {
  if (e.text.size() > end) return false;
  const std::size_t start = end - e.text.size();
  for (std::size_t i = 0; i < e.text.size(); ++i) {
    if (!SameByte(line[start + i], e.text[i], e.case_sensitive)) return false;
  }
  return !(IsAsciiLetter(e.text.front()) && start > 0 && IsAsciiLetter(line[start - 1]));
}

}  // namespace kgx
