// Deletion-neighbourhood index for near-miss alias matching (see near_miss.h).
#include "extractor/near_miss.h"

#include <algorithm>
#include <vector>

#include "extractor/latin_word.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

bool IsLatinWord(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); });
}

constexpr std::size_t kMaxWord = 64;
constexpr std::uint64_t kBase = 0x100000001B3ULL;

std::uint64_t Mix(std::uint64_t h, std::size_t length) {
  h += length * 0x9E3779B97F4A7C15ULL;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 29;
  return h;
}

// Calls `fn(hash)` for `s` itself and for `s` with each position left out once.
template <typename Fn>
void ForEachVariantHash(std::string_view s, Fn&& fn) {
  const std::size_t n = s.size();
  std::uint64_t small[3 * (kMaxWord + 2)];
  std::vector<std::uint64_t> large;
  std::uint64_t* buffer = small;
  if (n > kMaxWord) {
    large.resize(3 * (n + 2));
    buffer = large.data();
  }
  std::uint64_t* prefix = buffer;
  std::uint64_t* suffix = buffer + (n + 2);
  std::uint64_t* power = buffer + 2 * (n + 2);
  prefix[0] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(s[i]);
    power[i + 1] = power[i] * kBase;
  }
  suffix[n] = 0;
  for (std::size_t i = n; i-- > 0;) suffix[i] = static_cast<unsigned char>(s[i]) * power[n - 1 - i] + suffix[i + 1];
  fn(Mix(prefix[n], n));
  for (std::size_t k = 0; k < n; ++k) fn(Mix(prefix[k] * power[n - 1 - k] + suffix[k + 1], n - 1));
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
  const auto slot = static_cast<std::uint32_t>(aliases_.size());
  aliases_.emplace_back(folded_alias, alias_index);
  min_length_ = aliases_.size() == 1 ? folded_alias.size() : std::min(min_length_, folded_alias.size());
  max_length_ = std::max(max_length_, folded_alias.size());
  ForEachVariantHash(folded_alias, [&](std::uint64_t hash) {
    auto& slots = by_variant_[hash];
    if (slots.empty() || slots.back() != slot) slots.push_back(slot);
  });
  return true;
}

void NearMissIndex::FindInText(std::string_view folded,
                               const std::function<void(std::size_t, std::size_t, std::size_t)>& found) const {
  if (aliases_.empty()) return;
  const auto is_word_byte = [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::vector<std::uint32_t> slots;
  std::size_t i = 0;
  while (i < folded.size()) {
    if (!is_word_byte(folded[i])) { ++i; continue; }
    std::size_t end = i;
    while (end < folded.size() && is_word_byte(folded[end])) ++end;
    const std::string_view word = folded.substr(i, end - i);
    // A near miss is at most one letter shorter or longer than some alias.
    // An ASCII run inside an accented word ("Aurorä", "Ñetflix") is no word of its own.
    if (word.size() + 1 >= min_length_ && word.size() <= max_length_ + 1 && word.size() <= kMaxWord &&
        IsLatinWord(word) && !(i > 0 && IsWordCharBefore(folded, i)) &&
        !(end < folded.size() && IsWordCharAt(folded, end))) {
      slots.clear();
      ForEachVariantHash(word, [&](std::uint64_t hash) {
        auto it = by_variant_.find(hash);
        if (it != by_variant_.end()) slots.insert(slots.end(), it->second.begin(), it->second.end());
      });
      std::sort(slots.begin(), slots.end());
      slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
      for (const std::uint32_t slot : slots) {
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
