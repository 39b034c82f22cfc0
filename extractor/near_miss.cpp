// Deletion-neighbourhood index for near-miss alias matching (see near_miss.h).
#include "extractor/near_miss.h"

#include <algorithm>
#include <set>

#include "extractor/text_util.h"

namespace kgx {

namespace {

bool IsLatinWord(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); });
}

}  // namespace

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // one insertion into a
}

bool NearMissIndex::Add(const std::string& folded_alias, std::size_t alias_index) {
  if (folded_alias.size() < kMinLength || !IsLatinWord(folded_alias)) return false;
  const std::size_t slot = aliases_.size();
  aliases_.emplace_back(folded_alias, alias_index);
  by_variant_[folded_alias].push_back(slot);
  for (std::size_t i = 0; i < folded_alias.size(); ++i) {
    std::string variant = folded_alias;
    variant.erase(i, 1);
    auto& slots = by_variant_[variant];
    if (slots.empty() || slots.back() != slot) slots.push_back(slot);
  }
  return true;
}

void NearMissIndex::FindInText(std::string_view folded,
                               const std::function<void(std::size_t, std::size_t, std::size_t)>& found) const {
  if (aliases_.empty()) return;
  std::size_t i = 0;
  while (i < folded.size()) {
    if (!IsAsciiAlnum(static_cast<unsigned char>(folded[i])) && folded[i] != '_') { ++i; continue; }
    std::size_t end = i;
    while (end < folded.size() && (IsAsciiAlnum(static_cast<unsigned char>(folded[end])) || folded[end] == '_')) ++end;
    const std::string_view word = folded.substr(i, end - i);
    if (word.size() + 1 >= kMinLength && word.size() <= 64 && IsLatinWord(word)) {
      std::set<std::size_t> slots;
      const auto probe = [&](const std::string& key) {
        auto it = by_variant_.find(key);
        if (it != by_variant_.end()) slots.insert(it->second.begin(), it->second.end());
      };
      std::string key(word);
      probe(key);
      for (std::size_t k = 0; k < word.size(); ++k) {
        std::string variant = key;
        variant.erase(k, 1);
        probe(variant);
      }
      for (std::size_t slot : slots) {
        const auto& [alias, alias_index] = aliases_[slot];
        if (alias != word && WithinOneEdit(alias, word)) {
          found(i, end, alias_index);
          break;
        }
      }
    }
    i = end;
  }
}

}  // namespace kgx
