// One-byte and one-character atoms found without Vectorscan (see short_atoms.h).
#include "extractor/short_atoms.h"

#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extractor/text_util.h"

namespace kgx {

namespace {

// The low 16 bits of the code point the three bytes at `at` spell (all of it for valid UTF-8).
std::size_t Slot(const unsigned char* at) {
  return static_cast<std::size_t>((at[0] & 0x0F) << 12 | (at[1] & 0x3F) << 6 | (at[2] & 0x3F));
}

}  // namespace

bool ByteAtoms::Add(char atom, int id) {
  if (atoms_.size() == kMost) return false;
  atoms_.push_back({AsciiLower(atom), AsciiUpper(atom), id});
  return true;
}

void ByteAtoms::Find(std::string_view line, std::vector<int>& found) const {
  const auto holds = [&](char c) { return std::memchr(line.data(), c, line.size()) != nullptr; };
  for (const Atom& atom : atoms_) {
    if (holds(atom.lower) || (atom.upper != atom.lower && holds(atom.upper))) found.push_back(atom.id);
  }
}

bool IsThreeByteCharacter(const std::string& atom) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(atom[i]); };
  return atom.size() == 3 && (byte(0) & 0xF0) == 0xE0 && (byte(1) & 0xC0) == 0x80 && (byte(2) & 0xC0) == 0x80;
}

bool CharacterAtoms::Add(std::string_view atom, int id) {
  if (atoms_.size() == kMost) return false;
  if (index_.empty()) index_.assign(std::size_t{1} << 16, 0);
  const auto* bytes = reinterpret_cast<const unsigned char*>(atom.data());
  unsigned char& entry = index_[Slot(bytes)];
  if (entry != 0) return false;  // an overlong form of another atom's character
  entry = static_cast<unsigned char>(atoms_.size() + 1);
  atoms_.push_back({{bytes[0], bytes[1], bytes[2]}, id});
  return true;
}

void CharacterAtoms::Find(std::string_view line, std::vector<int>& found) const {
  if (atoms_.empty() || line.size() < 3) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t last = line.size() - 2;  // the places a character may start: [0, last)
  std::uint64_t held = 0;                    // bit k: atoms_[k]
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time: most are ASCII or continuation bytes, never the start of an atom.
  const __m128i high_nibble = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i three_byte_lead = _mm_set1_epi8(static_cast<char>(0xE0));
  for (; i + 16 <= last; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    auto leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(block, high_nibble), three_byte_lead)));
    for (; leads != 0; leads &= leads - 1) held |= Check(bytes + i + static_cast<unsigned>(std::countr_zero(leads)));
  }
#endif
  for (; i < last; ++i) {
    if ((bytes[i] & 0xF0) == 0xE0) held |= Check(bytes + i);
  }
  for (; held != 0; held &= held - 1) found.push_back(atoms_[static_cast<std::size_t>(std::countr_zero(held))].id);
}

std::uint64_t CharacterAtoms::Check(const unsigned char* at) const {
  const unsigned entry = index_[Slot(at)];
  if (entry == 0) return 0;
  const Atom& atom = atoms_[entry - 1];
  const bool same = atom.bytes[0] == at[0] && atom.bytes[1] == at[1] && atom.bytes[2] == at[2];
  return same ? std::uint64_t{1} << (entry - 1) : 0;
}

}  // namespace kgx
