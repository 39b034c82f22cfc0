// Literal prefilter for RE2 patterns (see pattern_prefilter.h).
#include "extractor/pattern_prefilter.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "extractor/short_atoms.h"
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

}  // namespace

struct PatternPrefilter::Impl {
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

  // Compiles the prefilter over `strict`'s patterns; on any problem leaves use_prefilter false
  // (the gate still works).
  void CompilePrefilter(const std::vector<std::string>& unscanned);
  std::vector<std::string> sources;  // the patterns added, in order
  bool broken = false;               // some pattern added does not compile
  std::vector<int> all;              // every pattern: the answer when nothing can filter
};

PatternPrefilter::PatternPrefilter() : impl_(std::make_unique<Impl>()) {}
PatternPrefilter::~PatternPrefilter() = default;

std::unique_ptr<PatternPrefilter> PatternPrefilter::Build(const std::vector<std::string>& patterns, long long max_mem,
                                                          const std::vector<std::string>& unscanned) {
  auto prefilter = std::make_unique<PatternPrefilter>();
  std::string error;
  for (const std::string& pattern : patterns) prefilter->Add(pattern, error);
  prefilter->Finish(max_mem, unscanned);
  return prefilter;
}

const RE2* PatternPrefilter::Add(const std::string& pattern, std::string& error) {
  Impl& impl = *impl_;
  impl.all.push_back(static_cast<int>(impl.sources.size()));
  impl.sources.push_back(pattern);
  // The options of RE2::Quiet, which the callers used for their own copy before.
  int id = -1;
  if (impl.strict.Add(pattern, RE2::Options(RE2::Quiet), &id) != RE2::NoError) {
    impl.broken = true;
    error = RE2(pattern, RE2::Quiet).error();  // FilteredRE2 keeps no message
    return nullptr;
  }
  return &impl.strict.GetRE2(id);
}

void PatternPrefilter::Finish(long long max_mem, const std::vector<std::string>& unscanned) {
  Impl& impl = *impl_;
  if (impl.broken) return;  // a pattern that does not compile fails the fallback too
  impl.CompilePrefilter(unscanned);
  if (impl.use_prefilter) return;
  // The fallback, compiled only when it is needed: it costs more than the prefilter.
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  auto gate = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  bool gate_ok = true;
  for (const std::string& pattern : impl.sources) gate_ok &= gate->Add(pattern, nullptr) >= 0;
  if (gate_ok && gate->Compile()) impl.gate = std::move(gate);
}

void PatternPrefilter::Impl::CompilePrefilter(const std::vector<std::string>& unscanned) {
  if (sources.empty()) return;
  const RE2::Options options(RE2::Quiet);
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

std::size_t PatternPrefilter::size() const { return impl_->sources.size(); }

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
