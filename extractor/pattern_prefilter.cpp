// Literal prefilter for RE2 patterns (see pattern_prefilter.h).
#include "extractor/pattern_prefilter.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "extractor/atom_set_memo.h"
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

// Per thread: the atoms of the line at hand, and the answers remembered for the atom sets seen
// before. Lines repeat the same few atoms (particles, markers, common verbs) and FilteredRE2's
// propagation costs more than the scan; the memo is keyed by the prefilter's serial too, so
// prefilters never answer for each other.
struct Scratch {
  std::vector<int> atoms, hits;
  AtomSetMemo remembered;
  // A group's answers by the set of its own atoms: a line's new set of atoms is mostly old sets of
  // each group's atoms.
  AtomSetMemo by_group;
};

Scratch& LocalScratch() {
  static thread_local Scratch local;
  return local;
}

// Returns `ids` sorted, each once.
void SortUnique(std::vector<int>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

struct PatternPrefilter::Impl {
  // A pattern as added: the caller's id, and where FilteredRE2 keeps it.
  struct Added {
    int id = 0;
    std::string source;
    int strict = -1;  // group * kGroupSize + index in the group; -1 when it does not compile
    bool withdrawn = false;
  };
  // RE2's PrefilterTree stops triggering on an atom that more than 8 nodes of one tree rely on
  // when each has another atom (its ">8 parents" pruning): a common particle (が, に) then gates
  // nothing, and adding patterns weakens the filters of those already there. So the patterns go
  // into FilteredRE2s of at most this many, with one numbering of the atoms of all.
  static constexpr int kGroupSize = 8;
  // Where a global atom stands in one group's numbering.
  struct Place {
    int group, atom;
    bool assumed = false;  // the atom is among `assumed`
    bool operator<(const Place& other) const { return group < other.group; }
  };
  std::vector<Added> added;
  std::vector<int> id_of_strict;   // strict index -> caller id; -1 when withdrawn
  std::vector<int> all;            // the ids of every pattern: the answer when nothing can filter
  std::unique_ptr<RE2::Set> gate;  // used when the prefilter is not available
  std::vector<int> id_of_gate;     // gate index -> caller id
  // `strict` takes atoms of two bytes or more from every pattern; the patterns it cannot filter
  // get single-byte atoms from `loose` (`/` in `org/repo`). One Vectorscan database holds the
  // atoms of both: strict atoms first, then loose ones.
  std::vector<std::unique_ptr<re2::FilteredRE2>> strict;  // the groups, min atom length 2
  re2::FilteredRE2 loose{1};
  std::vector<std::vector<Place>> places;  // strict atom -> where it stands in the groups
  std::vector<bool> strictly_filtered;     // strict index -> has atoms of its own in its group
  std::vector<std::size_t> atoms_in_group; // group -> its number of atoms
  std::vector<std::uint64_t> group_serial; // group -> its own key in the threads' group memo
  // Group -> the strict indices it answers when only its atoms assumed are present: most relation
  // groups hold a marker atom, and a line need not ask a group for those alone.
  std::vector<std::vector<int>> assumed_answer;
  std::vector<int> loose_patterns;  // loose id -> strict index
  std::vector<int> always;          // the ids of the patterns neither can filter, ascending
  std::size_t strict_atoms = 0;     // atoms below this id belong to `strict`'s groups
  std::unique_ptr<hs_database_t, void (*)(hs_database_t*)> atoms{nullptr, FreeDatabase};
  std::vector<std::string> scanned_texts;      // Vectorscan id -> the atom
  std::vector<int> scanned_atom;               // Vectorscan id -> atom id
  std::vector<std::uint32_t> scanned_length;   // Vectorscan id -> the atom's bytes
  CharacterAtoms characters;  // the atoms of one character, found without Vectorscan
  ByteAtoms bytes;            // the atoms of one byte, likewise
  std::vector<int> assumed;   // the atoms taken as present (Finish's `unscanned`), ascending
  std::size_t atom_count = 0;  // strict and loose
  std::vector<int> none;       // the answer for a line without atoms (those assumed aside)
  bool use_prefilter = false;
  std::uint64_t serial = NewVectorscanSerial();

  // Compiles the prefilter over `strict`'s patterns; on any problem leaves use_prefilter false
  // (the gate still works).
  void CompilePrefilter(const std::vector<std::string>& unscanned);
  // Compiles the groups and numbers their atoms (`texts`, each once, the group's atom numbers in
  // `places`); marks the patterns that their group can filter (strictly_filtered).
  void CompileGroups(std::vector<std::string>& texts);
  // Returns the candidates of the line whose atoms (any order, repeats) are in `local.atoms`.
  const std::vector<int>& Answer(Scratch& local) const;
  // Works out the candidates of the atoms `present` (ascending, each once, those assumed among them).
  std::vector<int> Potentials(const std::vector<int>& present) const;
  // Asks `group` which of its patterns the atoms `known` (its own numbers, made a set) let through,
  // or the calling thread's memo of its answers; appends their strict indices to `patterns`.
  void AskGroup(std::size_t group, std::vector<int>& known, std::vector<int>& patterns) const;
  // Works out assumed_answer.
  void AnswerAssumed();
  // Returns the candidates of `line` by the gate.
  const std::vector<int>& Gate(std::string_view line, Scratch& local) const;

  // Where the reports of a whole text's scan go: each atom with where it stands.
  struct HitCollector {
    const Impl* impl = nullptr;
    std::vector<TextAtoms::Hit>* hits = nullptr;
  };
  static int CollectHit(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* context);
  // Vectorscan reports by end in practice; Candidates relies on it, so it is made sure of.
  static void SortByEnd(std::vector<TextAtoms::Hit>& hits) {
    const auto by_end = [](const TextAtoms::Hit& a, const TextAtoms::Hit& b) { return a.end < b.end; };
    if (!std::is_sorted(hits.begin(), hits.end(), by_end)) std::stable_sort(hits.begin(), hits.end(), by_end);
  }
};

PatternPrefilter::PatternPrefilter() : impl_(std::make_unique<Impl>()) {}
PatternPrefilter::~PatternPrefilter() = default;

std::unique_ptr<PatternPrefilter> PatternPrefilter::Build(const std::vector<std::string>& patterns, long long max_mem,
                                                          const std::vector<std::string>& unscanned) {
  auto prefilter = std::make_unique<PatternPrefilter>();
  std::string error;
  for (std::size_t i = 0; i < patterns.size(); ++i) prefilter->Add(static_cast<int>(i), patterns[i], error);
  prefilter->Finish(max_mem, unscanned);
  return prefilter;
}

const RE2* PatternPrefilter::Add(int id, const std::string& pattern, std::string& error) {
  Impl& impl = *impl_;
  Impl::Added& added = impl.added.emplace_back();
  added.id = id;
  added.source = pattern;
  // The options of RE2::Quiet, which the callers used for their own copy before.
  if (impl.strict.empty() || impl.strict.back()->NumRegexps() == Impl::kGroupSize) {
    impl.strict.push_back(std::make_unique<re2::FilteredRE2>(2));
  }
  re2::FilteredRE2& group = *impl.strict.back();
  int index = -1;
  if (group.Add(pattern, RE2::Options(RE2::Quiet), &index) != RE2::NoError) {
    error = RE2(pattern, RE2::Quiet).error();  // FilteredRE2 keeps no message
    return nullptr;
  }
  added.strict = static_cast<int>(impl.strict.size() - 1) * Impl::kGroupSize + index;
  return &group.GetRE2(index);
}

void PatternPrefilter::Withdraw(int id) {
  for (Impl::Added& added : impl_->added) added.withdrawn |= added.id == id;
}

void PatternPrefilter::Finish(long long max_mem, const std::vector<std::string>& unscanned) {
  Impl& impl = *impl_;
  bool broken = false;  // some pattern kept does not compile
  impl.id_of_strict.assign(impl.strict.size() * Impl::kGroupSize, -1);
  for (const Impl::Added& added : impl.added) {
    if (added.withdrawn) continue;
    impl.all.push_back(added.id);
    broken |= added.strict < 0;
    if (added.strict >= 0) impl.id_of_strict[static_cast<std::size_t>(added.strict)] = added.id;
  }
  SortUnique(impl.all);
  if (broken) return;  // a pattern that does not compile fails the fallback too
  impl.CompilePrefilter(unscanned);
  if (impl.use_prefilter) return;
  // The fallback, compiled only when it is needed: it costs more than the prefilter.
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  auto gate = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  bool gate_ok = true;
  for (const Impl::Added& added : impl.added) {
    if (added.withdrawn) continue;
    gate_ok &= gate->Add(added.source, nullptr) >= 0;
    impl.id_of_gate.push_back(added.id);
  }
  if (gate_ok && gate->Compile()) impl.gate = std::move(gate);
}

void PatternPrefilter::Impl::CompilePrefilter(const std::vector<std::string>& unscanned) {
  if (all.empty()) return;
  const RE2::Options options(RE2::Quiet);
  std::vector<const std::string*> source_of_strict(id_of_strict.size());
  for (const Added& pattern : added) {
    if (pattern.strict >= 0) source_of_strict[static_cast<std::size_t>(pattern.strict)] = &pattern.source;
  }
  std::vector<std::string> strict_texts, loose_texts;
  CompileGroups(strict_texts);
  for (std::size_t pattern = 0; pattern < id_of_strict.size(); ++pattern) {
    if (strictly_filtered[pattern]) continue;
    const int id = id_of_strict[static_cast<std::size_t>(pattern)];
    if (id < 0) continue;  // withdrawn
    int loose_id = -1;
    if (loose.Add(*source_of_strict[static_cast<std::size_t>(pattern)], options, &loose_id) != RE2::NoError) return;
    loose_patterns.push_back(static_cast<int>(pattern));
  }
  if (!loose_patterns.empty()) {
    loose.Compile(&loose_texts);
    std::vector<int> still;
    loose.AllPotentials({}, &still);
    for (const int id : still) always.push_back(id_of_strict[static_cast<std::size_t>(loose_patterns[static_cast<std::size_t>(id)])]);
    SortUnique(always);
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
    scanned_length.push_back(static_cast<std::uint32_t>(atom.size()));
  }
  if (!scanned.empty()) {
    // Not HS_FLAG_SINGLEMATCH: Vectorscan's bookkeeping for it costs more than the repeated
    // reports of common atoms, which Candidates drops itself.
    std::string error;
    int failed = -1;
    hs_database_t* db = CompileLiteralDatabase(scanned, HS_FLAG_CASELESS, error, failed);
    if (db == nullptr) return;
    atoms.reset(db);
    scanned_texts = std::move(scanned);
  }
  atom_count = texts.size();
  AnswerAssumed();
  none = Potentials(assumed);
  use_prefilter = true;
}

void PatternPrefilter::Impl::CompileGroups(std::vector<std::string>& texts) {
  std::unordered_map<std::string, int> atom_of_text;
  strictly_filtered.assign(id_of_strict.size(), false);
  atoms_in_group.assign(strict.size(), 0);
  group_serial.resize(strict.size());
  for (std::uint64_t& serial_of_group : group_serial) serial_of_group = NewVectorscanSerial();
  for (std::size_t group = 0; group < strict.size(); ++group) {
    re2::FilteredRE2& filter = *strict[group];
    if (filter.NumRegexps() == 0) continue;  // its only pattern did not compile and was withdrawn
    std::vector<std::string> group_texts;
    filter.Compile(&group_texts);
    for (std::size_t atom = 0; atom < group_texts.size(); ++atom) {
      const auto [at, fresh] = atom_of_text.try_emplace(group_texts[atom], static_cast<int>(texts.size()));
      if (fresh) {
        texts.push_back(group_texts[atom]);
        places.emplace_back();
      }
      places[static_cast<std::size_t>(at->second)].push_back({static_cast<int>(group), static_cast<int>(atom)});
    }
    const std::size_t first = group * kGroupSize;
    for (int index = 0; index < filter.NumRegexps(); ++index) strictly_filtered[first + static_cast<std::size_t>(index)] = true;
    std::vector<int> unfiltered;
    filter.AllPotentials({}, &unfiltered);
    for (const int index : unfiltered) strictly_filtered[first + static_cast<std::size_t>(index)] = false;
    atoms_in_group[group] = group_texts.size();
  }
}

int PatternPrefilter::Impl::CollectHit(unsigned int id, unsigned long long, unsigned long long to, unsigned int,
                                       void* context) {
  const auto& collector = *static_cast<const HitCollector*>(context);
  const auto end = static_cast<std::uint32_t>(to);
  collector.hits->push_back({end - collector.impl->scanned_length[id], end, collector.impl->scanned_atom[id]});
  return 0;
}

std::size_t PatternPrefilter::size() const {
  return static_cast<std::size_t>(
      std::count_if(impl_->added.begin(), impl_->added.end(), [](const Impl::Added& added) { return !added.withdrawn; }));
}

TextAtoms PatternPrefilter::FindAtoms(std::string_view text) const {
  const Impl& impl = *impl_;
  TextAtoms found;
  // Vectorscan takes lengths of 32 bits; a longer text is scanned line by line.
  if (!impl.use_prefilter || text.size() > UINT32_MAX) return found;
  if (impl.atoms) {
    hs_scratch_t* scratch = VectorscanScratchFor(impl.atoms.get(), impl.serial);
    Impl::HitCollector collector{&impl, &found.hits_};
    if (scratch == nullptr || hs_scan(impl.atoms.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch,
                                      Impl::CollectHit, &collector) != HS_SUCCESS) {
      return TextAtoms();
    }
  }
  Impl::SortByEnd(found.hits_);
  found.text_ = text;
  found.serial_ = impl.serial;
  return found;
}

std::vector<std::string> PatternPrefilter::ScannedAtoms() const {
  const Impl& impl = *impl_;
  if (!impl.use_prefilter || !impl.atoms) return {};
  for (const std::string& atom : impl.scanned_texts) {
    if (std::any_of(atom.begin(), atom.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return {};
  }
  return impl.scanned_texts;
}

TextAtoms PatternPrefilter::AtomsFrom(std::string_view text, const std::vector<LiteralHit>& hits) const {
  const Impl& impl = *impl_;
  TextAtoms found;
  if (!impl.use_prefilter || text.size() > UINT32_MAX) return found;
  found.hits_.reserve(hits.size());
  for (const LiteralHit& hit : hits) {
    found.hits_.push_back({hit.end - impl.scanned_length[hit.id], hit.end, impl.scanned_atom[hit.id]});
  }
  Impl::SortByEnd(found.hits_);
  found.text_ = text;
  found.serial_ = impl.serial;
  return found;
}

const std::vector<int>& PatternPrefilter::Impl::Gate(std::string_view line, Scratch& local) const {
  if (!gate) return all;
  local.hits.clear();
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (!gate->Match(line, &local.hits, &error) && error.kind != RE2::Set::kNoError) return all;
  for (int& hit : local.hits) hit = id_of_gate[static_cast<std::size_t>(hit)];
  SortUnique(local.hits);
  return local.hits;
}

const std::vector<int>& PatternPrefilter::Candidates(std::string_view line) const {
  const Impl& impl = *impl_;
  Scratch& local = LocalScratch();
  if (!impl.use_prefilter) return impl.Gate(line, local);
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
  return impl.Answer(local);
}

const std::vector<int>& PatternPrefilter::Candidates(std::string_view line, const TextAtoms& atoms) const {
  const Impl& impl = *impl_;
  const auto at = reinterpret_cast<std::uintptr_t>(line.data());
  const auto text_at = reinterpret_cast<std::uintptr_t>(atoms.text_.data());
  if (atoms.serial_ != impl.serial || at < text_at || at + line.size() > text_at + atoms.text_.size()) {
    return Candidates(line);
  }
  Scratch& local = LocalScratch();
  local.atoms.clear();
  // The atoms that stand wholly inside `line`: those that end in it and begin in it (an atom
  // across a line break is in neither line, as a scan of each line alone would find).
  const auto begin = static_cast<std::uint32_t>(at - text_at);
  const auto end = static_cast<std::uint32_t>(begin + line.size());
  const auto first = std::partition_point(atoms.hits_.begin(), atoms.hits_.end(),
                                          [&](const TextAtoms::Hit& hit) { return hit.end <= begin; });
  for (auto hit = first; hit != atoms.hits_.end() && hit->end <= end; ++hit) {
    if (hit->begin >= begin) local.atoms.push_back(hit->atom);
  }
  impl.characters.Find(line, local.atoms);
  impl.bytes.Find(line, local.atoms);
  return impl.Answer(local);
}

const std::vector<int>& PatternPrefilter::Impl::Answer(Scratch& local) const {
  if (local.atoms.empty()) return none;
  if (const std::vector<int>* known = local.remembered.Find(serial, local.atoms, atom_count)) return *known;
  // Worked out once per set of atoms found, with those assumed.
  std::vector<int> present = local.atoms;
  present.insert(present.end(), assumed.begin(), assumed.end());
  SortUnique(present);
  return local.remembered.Remember(serial, local.atoms, Potentials(present));
}

void PatternPrefilter::Impl::AskGroup(std::size_t group, std::vector<int>& known, std::vector<int>& patterns) const {
  AtomSetMemo& memo = LocalScratch().by_group;
  if (const std::vector<int>* answer = memo.Find(group_serial[group], known, atoms_in_group[group])) {
    patterns.insert(patterns.end(), answer->begin(), answer->end());
    return;
  }
  std::vector<int> found;
  std::vector<int> potentials;
  strict[group]->AllPotentials(known, &potentials);
  for (const int index : potentials) {
    const std::size_t pattern = group * kGroupSize + static_cast<std::size_t>(index);
    // A pattern no group can filter is the loose filter's (or always a candidate).
    if (strictly_filtered[pattern]) found.push_back(static_cast<int>(pattern));
  }
  const std::vector<int>& answer = memo.Remember(group_serial[group], known, std::move(found));
  patterns.insert(patterns.end(), answer.begin(), answer.end());
}

void PatternPrefilter::Impl::AnswerAssumed() {
  std::vector<std::vector<int>> group_atoms(strict.size());
  for (const int atom : assumed) {
    if (atom >= static_cast<int>(strict_atoms)) continue;
    for (Place& place : places[static_cast<std::size_t>(atom)]) {
      place.assumed = true;
      group_atoms[static_cast<std::size_t>(place.group)].push_back(place.atom);
    }
  }
  assumed_answer.assign(strict.size(), {});
  for (std::size_t group = 0; group < strict.size(); ++group) {
    if (!group_atoms[group].empty()) AskGroup(group, group_atoms[group], assumed_answer[group]);
  }
}

std::vector<int> PatternPrefilter::Impl::Potentials(const std::vector<int>& present) const {
  std::vector<int> hits = always;
  const auto keep = [&](int pattern) {
    const int id = id_of_strict[static_cast<std::size_t>(pattern)];
    if (id >= 0) hits.push_back(id);
  };
  const auto split = std::lower_bound(present.begin(), present.end(), static_cast<int>(strict_atoms));
  std::vector<int> potentials;
  if (split != present.begin()) {
    // Each group answers for the atoms it knows, each in its own numbers; a group that knows only
    // atoms assumed present has its answer ready.
    std::vector<Place> found;
    for (auto atom = present.begin(); atom != split; ++atom) {
      const std::vector<Place>& at = places[static_cast<std::size_t>(*atom)];
      found.insert(found.end(), at.begin(), at.end());
    }
    std::sort(found.begin(), found.end());
    std::vector<int> group_atoms;
    for (auto run = found.begin(); run != found.end();) {
      const auto group = static_cast<std::size_t>(run->group);
      group_atoms.clear();
      bool only_assumed = true;
      auto next = run;
      for (; next != found.end() && next->group == run->group; ++next) {
        group_atoms.push_back(next->atom);
        only_assumed &= next->assumed;
      }
      run = next;
      potentials.clear();
      if (only_assumed) {
        potentials = assumed_answer[group];
      } else {
        AskGroup(group, group_atoms, potentials);
      }
      for (const int pattern : potentials) keep(pattern);
    }
  }
  if (split != present.end()) {
    std::vector<int> loose_atoms(split, present.end());
    for (int& atom : loose_atoms) atom -= static_cast<int>(strict_atoms);
    loose.AllPotentials(loose_atoms, &potentials);
    for (const int id : potentials) keep(loose_patterns[static_cast<std::size_t>(id)]);
  }
  SortUnique(hits);
  return hits;
}

}  // namespace kgx
