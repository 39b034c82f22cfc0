// Literal tables of the quantity vocabulary (see quantity_lexicon.h): indexed by first and last
// character, longest literal first, compared ASCII-case-insensitively unless a literal says `case`.
#include "extractor/quantity_lexicon.h"

#include <algorithm>

#include "extractor/quantity_number.h"
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

void QuantityLexicon::MarkWordStart(std::string_view text) {
  // Both ASCII cases of the first two bytes; any second byte when the literal has one byte only.
  for (const char first : {AsciiLower(text[0]), AsciiUpper(text[0])}) {
    const unsigned high = static_cast<unsigned char>(first) << 8;
    if (text.size() == 1) {
      for (unsigned low = 0; low < 256; ++low) word_starts_.set(high | low);
      continue;
    }
    word_starts_.set(high | static_cast<unsigned char>(AsciiLower(text[1])));
    word_starts_.set(high | static_cast<unsigned char>(AsciiUpper(text[1])));
  }
}

void QuantityLexicon::Finish() {
  word_starts_.reset();
  forward_ = Index();
  backward_ = Index();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const LexEntry& e = entries_[i];
    if (e.text.empty()) continue;
    const auto role = static_cast<std::size_t>(e.role);
    forward_[role].Add(FirstKey(e.text)).push_back(static_cast<int>(i));
    if (e.role == LexRole::kWord || e.role == LexRole::kPrefixUnit) MarkWordStart(e.text);
    backward_[role].Add(LastKey(e.text)).push_back(static_cast<int>(i));
  }
  quantity_starts_ = word_starts_ | KanjiNumberLeads();
  for (unsigned digit = '0'; digit <= '9'; ++digit) {
    for (unsigned next = 0; next < 256; ++next) quantity_starts_.set(digit << 8 | next);
  }
  for (unsigned first = 0; first < 256; ++first) {
    bool any = false;
    for (unsigned next = 0; next < 256 && !any; ++next) any = quantity_starts_[first << 8 | next];
    may_lead_[first] = any && (first & 0xC0) != 0x80;
  }
  const auto longest_first = [this](int a, int b) {
    const std::size_t la = entries_[static_cast<std::size_t>(a)].text.size();
    const std::size_t lb = entries_[static_cast<std::size_t>(b)].text.size();
    return la != lb ? la > lb : a < b;
  };
  const auto sort_bucket = [&](std::vector<int>& bucket) { std::sort(bucket.begin(), bucket.end(), longest_first); };
  for (auto& per_role : forward_) per_role.ForEachBucket(sort_bucket);
  for (auto& per_role : backward_) per_role.ForEachBucket(sort_bucket);
}

std::size_t QuantityLexicon::NextPossibleStart(std::string_view line, std::size_t pos) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  while (pos < size) {
    const unsigned second = pos + 1 < size ? bytes[pos + 1] : 0u;
    if (quantity_starts_[bytes[pos] << 8 | second]) return pos;
    ++pos;
    // Continuation bytes and bytes that begin nothing (most ASCII letters, spaces, punctuation)
    // are passed at one lookup each; only a possible first byte needs the two-byte test.
    while (pos < size && !may_lead_[bytes[pos]]) ++pos;
  }
  return size;
}

std::size_t QuantityLexicon::NextPossibleStartByChar(std::string_view line, std::size_t pos) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  while (pos < size) {
    const unsigned second = pos + 1 < size ? bytes[pos + 1] : 0u;
    if (quantity_starts_[bytes[pos] << 8 | second]) return pos;
    ++pos;
    while (pos < size && (bytes[pos] & 0xC0) == 0x80) ++pos;  // a continuation byte starts nothing
  }
  return size;
}

const LexEntry* QuantityLexicon::FindUnitLiteral(std::string_view text) const {
  for (const LexEntry& e : entries_) {
    if (e.role == LexRole::kUnit && e.text == text) return &e;
  }
  return nullptr;
}

char32_t QuantityLexicon::FirstKey(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(text, 0, length);
  return cp < 0x80 ? static_cast<char32_t>(AsciiLower(static_cast<char>(cp))) : cp;
}

char32_t QuantityLexicon::LastKey(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(text, start, length);
  return cp < 0x80 ? static_cast<char32_t>(AsciiLower(static_cast<char>(cp))) : cp;
}

std::vector<int>& QuantityLexicon::Keyed::Add(char32_t key) {
  if (key < ascii.size()) return ascii[key];
  others_filter.set(key % others_filter.size());
  return others[key];
}

const std::vector<int>& QuantityLexicon::Keyed::Find(char32_t key) const {
  static const std::vector<int> kNone;
  if (key < ascii.size()) return ascii[key];
  if (!others_filter[key % others_filter.size()]) return kNone;
  const auto it = others.find(key);
  return it == others.end() ? kNone : it->second;
}

const std::vector<int>& QuantityLexicon::Bucket(const Index& index, LexRole role, char32_t key) {
  return index[static_cast<std::size_t>(role)].Find(key);
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
