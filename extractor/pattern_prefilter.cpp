// Literal prefilter for RE2 patterns (see pattern_prefilter.h).
#include "extractor/pattern_prefilter.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extractor/text_util.h"
#include "extractor/vectorscan_scratch.h"

namespace kgx {

namespace {

void FreeDatabase(hs_database_t* db) {
  if (db) hs_free_database(db);
}

// Returns true when `atom` holds a letter with case outside ASCII: Vectorscan's caseless mode
// folds ASCII only, so such an atom could be missed in a line that spells it in upper case.
bool HasNonAsciiCase(std::string_view atom) {
  for (std::size_t i = 0; i < atom.size();) {
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(atom, i, length);
    i += length;
    if (cp < 0x80) continue;
    const auto c = static_cast<UChar32>(cp);
    if (u_toupper(c) != c || u_tolower(c) != c) return true;
  }
  return false;
}

// Where Vectorscan's reports go: the atom ids of its literals, appended to `found`.
struct Collector {
  const std::vector<int>* atom_of = nullptr;  // Vectorscan id -> atom id
  std::vector<int>* found = nullptr;
};

int CollectAtom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  const auto& collector = *static_cast<const Collector*>(context);
  collector.found->push_back((*collector.atom_of)[id]);
  return 0;
}

// The atoms of one byte (`/` in `org/repo`, `-`): a line holds one when memchr finds it, in
// either case for a letter. Vectorscan's literal matcher slows down by a third for each of them,
// as a single byte leaves it nothing to filter candidate places with.
class ByteAtoms {
 public:
  static constexpr std::size_t kMost = 16;  // a memchr each per line (two for a letter)

  // Takes `atom` (one byte) as atom `id`; returns false when it is full.
  bool Add(char atom, int id) {
    if (atoms_.size() == kMost) return false;
    atoms_.push_back({AsciiLowerCase(atom), AsciiUpperCase(atom), id});
    return true;
  }

  // Appends to `found` the ids of the atoms `line` holds.
  void Find(std::string_view line, std::vector<int>& found) const {
    const auto holds = [&](char c) { return std::memchr(line.data(), c, line.size()) != nullptr; };
    for (const Atom& atom : atoms_) {
      if (holds(atom.lower) || (atom.upper != atom.lower && holds(atom.upper))) found.push_back(atom.id);
    }
  }

 private:
  static char AsciiLowerCase(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static char AsciiUpperCase(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

  struct Atom {
    char lower, upper;
    int id;
  };
  std::vector<Atom> atoms_;
};

// Returns true when `atom` is one three-byte UTF-8 sequence (a kana, a kanji, an arrow).
bool IsThreeByteCharacter(const std::string& atom) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(atom[i]); };
  return atom.size() == 3 && (byte(0) & 0xF0) == 0xE0 && (byte(1) & 0xC0) == 0x80 && (byte(2) & 0xC0) == 0x80;
}

// The atoms that are one three-byte character (particles: の, に, を; 社): a line holds one where
// its three bytes stand. Found by one pass over the line's lead bytes, for a fraction of what
// Vectorscan spends on them: in Japanese text nearly every character is a near miss for its
// literal matcher.
class CharacterAtoms {
 public:
  static constexpr std::size_t kMost = 64;  // one bit each while a line is searched

  // Takes `atom` (IsThreeByteCharacter) as atom `id`; returns false when it is full.
  bool Add(std::string_view atom, int id) {
    if (atoms_.size() == kMost) return false;
    if (index_.empty()) index_.assign(std::size_t{1} << 16, 0);
    const auto* bytes = reinterpret_cast<const unsigned char*>(atom.data());
    index_[Slot(bytes)] = static_cast<unsigned char>(atoms_.size() + 1);
    atoms_.push_back({{bytes[0], bytes[1], bytes[2]}, id});
    return true;
  }

  // Appends to `found` the ids of the atoms `line` holds.
  void Find(std::string_view line, std::vector<int>& found) const {
    if (atoms_.empty() || line.size() < 3) return;
    const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
    const std::size_t last = line.size() - 2;  // the places a character may start: [0, last)
    std::uint64_t held = 0;                    // bit k: atoms_[k]
    std::size_t i = 0;
#ifdef __SSE2__
    // Sixteen bytes at a time: most are ASCII or continuation bytes, never the start of one.
    const __m128i high_nibble = _mm_set1_epi8(static_cast<char>(0xF0));
    const __m128i three_byte_lead = _mm_set1_epi8(static_cast<char>(0xE0));
    for (; i + 16 <= last; i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      auto leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(block, high_nibble), three_byte_lead)));
      for (; leads != 0; leads &= leads - 1) held |= Check(bytes + i + static_cast<unsigned>(__builtin_ctz(leads)));
    }
#endif
    for (; i < last; ++i) {
      if ((bytes[i] & 0xF0) == 0xE0) held |= Check(bytes + i);
    }
    for (; held != 0; held &= held - 1) found.push_back(atoms_[static_cast<std::size_t>(__builtin_ctzll(held))].id);
  }

 private:
  struct Atom {
    unsigned char bytes[3];
    int id;
  };

  // The low 16 bits of the code point the three bytes spell (when they are valid UTF-8).
  static std::size_t Slot(const unsigned char* at) {
    return static_cast<std::size_t>((at[0] & 0x0F) << 12 | (at[1] & 0x3F) << 6 | (at[2] & 0x3F));
  }

  // Returns the bit of the atom whose three bytes start at `at`, or 0.
  std::uint64_t Check(const unsigned char* at) const {
    const unsigned entry = index_[Slot(at)];
    if (entry == 0) return 0;
    const Atom& atom = atoms_[entry - 1];
    const bool same = atom.bytes[0] == at[0] && atom.bytes[1] == at[1] && atom.bytes[2] == at[2];
    return same ? std::uint64_t{1} << (entry - 1) : 0;
  }

  std::vector<unsigned char> index_;  // by Slot: 1 + the index in atoms_, 0 for none
  std::vector<Atom> atoms_;
};

}  // namespace

struct PatternPrefilter::Impl {
  std::size_t patterns = 0;
  std::unique_ptr<RE2::Set> gate;  // used when the prefilter is not available
  // `strict` takes atoms of two bytes or more from every pattern; the patterns it cannot filter
  // get single-byte atoms from `loose` (`/` in `org/repo`). One Vectorscan database holds the
  // atoms of both: strict atoms first, then loose ones.
  re2::FilteredRE2 strict{2}, loose{1};
  std::vector<int> loose_patterns;  // loose id -> pattern index
  std::vector<int> always;          // patterns neither can filter
  std::size_t strict_atoms = 0;     // atoms below this id belong to `strict`
  std::unique_ptr<hs_database_t, void (*)(hs_database_t*)> atoms{nullptr, FreeDatabase};
  std::vector<int> scanned_atom;  // Vectorscan id -> atom id
  CharacterAtoms characters;      // the atoms of one character, found without Vectorscan
  ByteAtoms bytes;                // the atoms of one byte, likewise
  std::vector<int> assumed;       // the atoms taken as present (Build's `unscanned`), ascending
  bool use_prefilter = false;
  std::uint64_t serial = NewVectorscanSerial();

  // Compiles the prefilter; on any problem leaves use_prefilter false (the gate still works).
  void CompilePrefilter(const std::vector<std::string>& sources, const std::vector<std::string>& unscanned);
  std::vector<int> all;     // every pattern: the answer when nothing can filter
};

PatternPrefilter::PatternPrefilter() : impl_(std::make_unique<Impl>()) {}
PatternPrefilter::~PatternPrefilter() = default;

std::unique_ptr<PatternPrefilter> PatternPrefilter::Build(const std::vector<std::string>& patterns, long long max_mem,
                                                          const std::vector<std::string>& unscanned) {
  auto prefilter = std::unique_ptr<PatternPrefilter>(new PatternPrefilter());
  Impl& impl = *prefilter->impl_;
  impl.patterns = patterns.size();
  for (std::size_t i = 0; i < patterns.size(); ++i) impl.all.push_back(static_cast<int>(i));
  impl.CompilePrefilter(patterns, unscanned);
  if (impl.use_prefilter) return prefilter;
  // The fallback, compiled only when it is needed: it costs more than the prefilter.
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  auto gate = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  bool gate_ok = true;
  for (const std::string& pattern : patterns) gate_ok &= gate->Add(pattern, nullptr) >= 0;
  if (gate_ok && gate->Compile()) impl.gate = std::move(gate);
  return prefilter;
}

void PatternPrefilter::Impl::CompilePrefilter(const std::vector<std::string>& sources,
                                              const std::vector<std::string>& unscanned) {
  if (sources.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& source : sources) {
    int id = -1;
    if (strict.Add(source, options, &id) != RE2::NoError) return;
  }
  std::vector<std::string> strict_texts, loose_texts;
  strict.Compile(&strict_texts);
  std::vector<int> unfiltered;
  strict.AllPotentials({}, &unfiltered);
  for (const int pattern : unfiltered) {
    int id = -1;
    if (loose.Add(sources[static_cast<std::size_t>(pattern)], options, &id) != RE2::NoError) return;
    loose_patterns.push_back(pattern);
  }
  if (!loose_patterns.empty()) {
    loose.Compile(&loose_texts);
    std::vector<int> still;
    loose.AllPotentials({}, &still);
    for (const int id : still) always.push_back(loose_patterns[static_cast<std::size_t>(id)]);
  }
  strict_atoms = strict_texts.size();
  std::vector<std::string> texts = strict_texts;
  texts.insert(texts.end(), loose_texts.begin(), loose_texts.end());
  // A pass over the line's lead bytes pays for itself only when it takes many atoms from Vectorscan.
  constexpr std::ptrdiff_t kFewestCharacterAtoms = 8;
  const bool find_characters = std::count_if(texts.begin(), texts.end(), IsThreeByteCharacter) >= kFewestCharacterAtoms;
  std::vector<std::string> scanned;
  for (std::size_t id = 0; id < texts.size(); ++id) {
    const std::string& atom = texts[id];
    const auto holds = [&](const std::string& part) { return atom.find(part) != std::string::npos; };
    if (std::any_of(unscanned.begin(), unscanned.end(), holds)) {
      assumed.push_back(static_cast<int>(id));
      continue;
    }
    if (atom.empty() || HasNonAsciiCase(atom)) return;
    if (find_characters && IsThreeByteCharacter(atom) && characters.Add(atom, static_cast<int>(id))) continue;
    if (atom.size() == 1 && static_cast<unsigned char>(atom[0]) < 0x80 && bytes.Add(atom[0], static_cast<int>(id))) continue;
    scanned.push_back(atom);
    scanned_atom.push_back(static_cast<int>(id));
  }
  if (!scanned.empty()) {
    // Not HS_FLAG_SINGLEMATCH: Vectorscan's bookkeeping for it costs more than the repeated
    // reports of common atoms, which Candidates drops itself.
    std::string error;
    int failed = -1;
    hs_database_t* db = CompileLiteralDatabase(scanned, HS_FLAG_CASELESS, error, failed);
    if (db == nullptr) return;
    atoms.reset(db);
  }
  use_prefilter = true;
}

std::size_t PatternPrefilter::size() const { return impl_->patterns; }

const std::vector<int>& PatternPrefilter::Candidates(std::string_view line) const {
  const Impl& impl = *impl_;
  // Per thread: the atoms of the line, the answer when it is worked out here, and the answers
  // remembered for the atom sets seen before. Lines repeat the same few atoms (particles,
  // markers, common verbs) and FilteredRE2's propagation costs more than the scan; the key
  // starts with the prefilter's serial, so prefilters never answer for each other.
  struct Scratch {
    std::vector<int> atoms, hits;
    std::string key;
    std::unordered_map<std::string, std::vector<int>> remembered;
  };
  static thread_local Scratch local;
  if (!impl.use_prefilter) {
    if (!impl.gate) return impl.all;
    local.hits.clear();
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    if (!impl.gate->Match(line, &local.hits, &error) && error.kind != RE2::Set::kNoError) return impl.all;
    std::sort(local.hits.begin(), local.hits.end());
    return local.hits;
  }
  local.atoms.clear();
  if (impl.atoms) {
    hs_scratch_t* scratch = VectorscanScratchFor(impl.atoms.get(), impl.serial);
    Collector collector{&impl.scanned_atom, &local.atoms};
    if (scratch == nullptr || hs_scan(impl.atoms.get(), line.data(), static_cast<unsigned>(line.size()), 0, scratch,
                                      CollectAtom, &collector) != HS_SUCCESS) {
      return impl.all;
    }
  }
  impl.characters.Find(line, local.atoms);
  impl.bytes.Find(line, local.atoms);
  if (local.atoms.empty() && impl.assumed.empty()) return impl.always;
  std::sort(local.atoms.begin(), local.atoms.end());
  local.atoms.erase(std::unique(local.atoms.begin(), local.atoms.end()), local.atoms.end());
  local.key.assign(reinterpret_cast<const char*>(&impl.serial), sizeof impl.serial);
  local.key.append(reinterpret_cast<const char*>(local.atoms.data()), local.atoms.size() * sizeof(int));
  if (const auto it = local.remembered.find(local.key); it != local.remembered.end()) return it->second;
  // Worked out once per set of atoms found, with those assumed.
  local.atoms.insert(local.atoms.end(), impl.assumed.begin(), impl.assumed.end());
  std::sort(local.atoms.begin(), local.atoms.end());

  std::vector<int> hits = impl.always;
  const auto split = std::lower_bound(local.atoms.begin(), local.atoms.end(), static_cast<int>(impl.strict_atoms));
  std::vector<int> potentials;
  if (split != local.atoms.begin()) {
    impl.strict.AllPotentials(std::vector<int>(local.atoms.begin(), split), &potentials);
    hits.insert(hits.end(), potentials.begin(), potentials.end());
  }
  if (split != local.atoms.end()) {
    std::vector<int> loose_atoms(split, local.atoms.end());
    for (int& atom : loose_atoms) atom -= static_cast<int>(impl.strict_atoms);
    impl.loose.AllPotentials(loose_atoms, &potentials);
    for (const int id : potentials) hits.push_back(impl.loose_patterns[static_cast<std::size_t>(id)]);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  constexpr std::size_t kRememberedSets = 1 << 16;
  if (local.remembered.size() >= kRememberedSets) local.remembered.clear();
  return local.remembered.emplace(local.key, std::move(hits)).first->second;
}

}  // namespace kgx
