// Discovery patterns: each [discover TYPE] line is an RE2 pattern with a `name` group. A line is
// matched only against the patterns that can hit it: RE2's FilteredRE2 derives from each pattern
// the literals ("atoms") it cannot match without, one Vectorscan scan finds the atoms of a line
// (case-insensitively, as FilteredRE2 expects), and only the patterns whose atoms are present
// run. When the atoms cannot be trusted (a cased letter outside ASCII), one RE2::Set gates the
// line instead.
#include "extractor/discovery.h"

#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "extractor/normalizer.h"
#include "extractor/text_util.h"
#include "extractor/vectorscan_scratch.h"

namespace kgx {

namespace {

struct NamePattern {
  std::unique_ptr<RE2> regex;
  int name_group = -1;
  EntityType type = EntityType::kCompany;
};

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


int CollectAtom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  static_cast<std::vector<int>*>(context)->push_back(static_cast<int>(id));
  return 0;
}

}  // namespace

struct Discovery::Impl {
  std::vector<NamePattern> patterns;
  std::unique_ptr<RE2::Set> gate;  // used when the prefilter is not available
  std::set<std::pair<EntityType, std::string>> stop;  // folded stop words per type
  // Prefilter: `strict` takes atoms of two bytes or more from every pattern; the patterns it
  // cannot filter get single-byte atoms from `loose` (`/` in `org/repo`). One Vectorscan database
  // holds the atoms of both: strict atoms first, then loose ones.
  re2::FilteredRE2 strict{2}, loose{1};
  std::vector<int> loose_patterns;       // loose id -> pattern index
  std::vector<int> always;               // patterns neither can filter
  std::size_t strict_atoms = 0;          // atoms below this id belong to `strict`
  std::unique_ptr<hs_database_t, void (*)(hs_database_t*)> atoms{nullptr, FreeDatabase};
  bool use_prefilter = false;
  std::uint64_t serial = NewVectorscanSerial();

  bool IsStopped(EntityType type, std::string_view name) const;
  // Compiles the prefilter; on any problem leaves use_prefilter false (the gate still works).
  void CompilePrefilter(const std::vector<std::string>& sources);
  // Returns the indices of the patterns that may match `line`, ascending.
  std::vector<int> Candidates(std::string_view line) const;
  std::vector<int> AllPatterns() const;
};

// A name is stopped when it, or any of its words, is a stop word of its type: a title such
// as "Vice President" or "Principal PM" is never a name.
bool Discovery::Impl::IsStopped(EntityType type, std::string_view name) const {
  const std::string folded = NormalizeForMatching(name);
  if (stop.count({type, folded})) return true;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start && stop.count({type, folded.substr(start, end - start)})) return true;
    start = end + 1;
  }
  return false;
}

void Discovery::Impl::CompilePrefilter(const std::vector<std::string>& sources) {
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
  for (const std::string& atom : texts) {
    if (atom.empty() || HasNonAsciiCase(atom)) return;
  }
  if (!texts.empty()) {
    std::vector<const char*> expressions;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags, ids;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      expressions.push_back(texts[i].data());
      lengths.push_back(texts[i].size());
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db,
                             &error) != HS_SUCCESS) {
      if (error) hs_free_compile_error(error);
      return;
    }
    atoms.reset(db);
  }
  use_prefilter = true;
}

std::vector<int> Discovery::Impl::Candidates(std::string_view line) const {
  std::vector<int> hits;
  if (!use_prefilter) {
    RE2::Set::ErrorInfo error;
    if (!gate->Match(line, &hits, &error) && error.kind != RE2::Set::kNoError) return AllPatterns();
    std::sort(hits.begin(), hits.end());
    return hits;
  }
  std::vector<int> found_atoms;
  if (atoms) {
    hs_scratch_t* scratch = VectorscanScratchFor(atoms.get(), serial);
    if (scratch == nullptr || hs_scan(atoms.get(), line.data(), static_cast<unsigned>(line.size()), 0, scratch,
                                      CollectAtom, &found_atoms) != HS_SUCCESS) {
      return AllPatterns();
    }
  }
  hits = always;
  if (found_atoms.empty()) return hits;
  std::sort(found_atoms.begin(), found_atoms.end());
  const auto split = std::lower_bound(found_atoms.begin(), found_atoms.end(), static_cast<int>(strict_atoms));
  std::vector<int> potentials;
  if (split != found_atoms.begin()) {
    strict.AllPotentials(std::vector<int>(found_atoms.begin(), split), &potentials);
    hits.insert(hits.end(), potentials.begin(), potentials.end());
  }
  if (split != found_atoms.end()) {
    std::vector<int> loose_atoms(split, found_atoms.end());
    for (int& atom : loose_atoms) atom -= static_cast<int>(strict_atoms);
    loose.AllPotentials(loose_atoms, &potentials);
    for (const int id : potentials) hits.push_back(loose_patterns[static_cast<std::size_t>(id)]);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  return hits;
}

std::vector<int> Discovery::Impl::AllPatterns() const {
  std::vector<int> all(patterns.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return all;
}

Discovery::Discovery() : impl_(std::make_unique<Impl>()) {}
Discovery::~Discovery() = default;

bool Discovery::HandlesBlockKind(std::string_view kind) {
  return kind == "discover" || kind == "discover.stop";
}

std::unique_ptr<Discovery> Discovery::Compile(const std::vector<RuleBlock>& blocks,
                                              std::vector<RuleDiagnostic>& diagnostics) {
  auto discovery = std::unique_ptr<Discovery>(new Discovery());
  Impl& impl = *discovery->impl_;
  bool failed = false;
  RE2::Options options;
  options.set_log_errors(false);
  impl.gate = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::vector<std::string> sources;  // the accepted patterns, in pattern order
  for (const RuleBlock& block : blocks) {
    if (!HandlesBlockKind(block.kind)) continue;
    const auto type = ParseEntityType(block.argument);
    if (!type) {
      diagnostics.push_back({block.where, "unknown entity type '" + block.argument + "'", true});
      failed = true;
      continue;
    }
    for (const RuleLine& line : block.lines) {
      if (block.kind == "discover.stop") {
        impl.stop.emplace(*type, NormalizeForMatching(line.text));
        continue;
      }
      NamePattern pattern;
      pattern.type = *type;
      pattern.regex = std::make_unique<RE2>(line.text, RE2::Quiet);
      if (!pattern.regex->ok()) {
        diagnostics.push_back({line.where, "bad pattern '" + line.text + "': " + pattern.regex->error(), true});
        failed = true;
        continue;
      }
      const auto& names = pattern.regex->NamedCapturingGroups();
      const auto it = names.find("name");
      if (it == names.end()) {
        diagnostics.push_back({line.where, "discovery pattern needs a (?P<name>...) group", true});
        failed = true;
        continue;
      }
      if (RE2::FullMatch("", *pattern.regex)) {
        diagnostics.push_back({line.where, "pattern '" + line.text + "' matches the empty string", true});
        failed = true;
        continue;
      }
      pattern.name_group = it->second;
      std::string error;
      if (impl.gate->Add(line.text, &error) < 0) {
        diagnostics.push_back({line.where, "bad pattern '" + line.text + "': " + error, true});
        failed = true;
        continue;
      }
      impl.patterns.push_back(std::move(pattern));
      sources.push_back(line.text);
    }
  }
  if (failed || !impl.gate->Compile()) return nullptr;
  impl.CompilePrefilter(sources);
  return discovery;
}

std::vector<DiscoveredName> Discovery::Find(std::string_view line) const {
  std::vector<DiscoveredName> found;
  const Impl& impl = *impl_;
  if (impl.patterns.empty()) return found;
  for (int hit : impl.Candidates(line)) {
    const NamePattern& pattern = impl.patterns[static_cast<std::size_t>(hit)];
    const int groups = pattern.regex->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> parts(static_cast<std::size_t>(groups));
    std::size_t pos = 0;
    while (pos < line.size() &&
           pattern.regex->Match(line, pos, line.size(), RE2::UNANCHORED, parts.data(), groups)) {
      const std::string_view name = TrimAscii(parts[static_cast<std::size_t>(pattern.name_group)]);
      const std::size_t whole_end = static_cast<std::size_t>(parts[0].data() - line.data()) + parts[0].size();
      pos = std::max(whole_end, pos + 1);
      if (name.empty() || name.data() == nullptr) continue;
      if (impl.IsStopped(pattern.type, name)) continue;
      const std::size_t begin = static_cast<std::size_t>(name.data() - line.data());
      found.push_back({begin, begin + name.size(), pattern.type});
    }
  }
  std::sort(found.begin(), found.end(), [](const DiscoveredName& a, const DiscoveredName& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return found;
}

}  // namespace kgx
