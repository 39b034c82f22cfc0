// PatternPrefilter: never drops a pattern that matches (candidates are a superset), and filters.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <memory>
#include <random>
#include <string_view>

#include "extractor/pattern_prefilter.h"

namespace {

// Checks over `lines` random lines of up to `max_parts` pieces that every pattern matching a
// line is among its candidates.
void CheckMatchesAreCandidates(const kgx::PatternPrefilter& prefilter, const std::vector<std::string>& patterns,
                               const std::vector<std::string>& pieces, unsigned seed, int lines, int max_parts) {
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const std::string& pattern : patterns) compiled.push_back(std::make_unique<RE2>(pattern));
  std::mt19937 random(seed);
  for (int i = 0; i < lines; ++i) {
    std::string line;
    const int parts = 1 + static_cast<int>(random() % static_cast<unsigned>(max_parts));
    for (int k = 0; k < parts; ++k) line += pieces[random() % pieces.size()];
    const std::vector<int> candidates = prefilter.Candidates(line);
    for (std::size_t p = 0; p < patterns.size(); ++p) {
      if (!RE2::PartialMatch(line, *compiled[p])) continue;
      INFO("line: " << line << "\npattern: " << patterns[p]);
      CHECK(std::binary_search(candidates.begin(), candidates.end(), static_cast<int>(p)));
    }
  }
}

}  // namespace

TEST_CASE("the prefilter's candidates include every pattern that matches the line", "[prefilter]") {
  std::vector<std::string> patterns = {
      R"((?i:\bmigrated\s+from)\s+(\w+))",  // caseless English
      R"(から\s*\S+\s*に移行)",              // Japanese
      R"(\x{E000}c[0-9]+\x{E001}\s*の中の人)",  // a mention marker, as relation rules write them
      R"([a-z0-9-]+/[a-z0-9-]+)",           // only a one-byte literal: `/`
      R"(\d+)",                              // no literal at all
      R"(^\s*-\s*(?:使って|利用して))",
  };
  // Literals with case outside ASCII (which Vectorscan does not fold) make it gate with RE2::Set.
  if (GENERATE(false, true)) patterns.push_back(R"((?i)Ärger|ÄRGER)");
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20);
  REQUIRE(prefilter);
  CHECK(prefilter->size() == patterns.size());
  const std::vector<std::string> pieces = {"MIGRATED FROM", "Migrated  from", " mysql", "から", "Aurora", "に移行", "\uE000c12\uE001",
                                           "の中の人", "org/repo", "42", "ärger", "ÄRGER", "- ", "使って", "利用して", "text", " "};
  CheckMatchesAreCandidates(*prefilter, patterns, pieces, 11, 3000, 6);
  // A line without any of the literals leaves out the patterns that need them.
  CHECK(prefilter->Candidates("plain words").size() < patterns.size());
}

TEST_CASE("prefilters remember candidates apart, though their atoms have the same numbers", "[prefilter]") {
  // Both number their atoms from 0; what one remembers for a set of atoms must not answer the other.
  const auto first = kgx::PatternPrefilter::Build({"alpha", "zzz"}, 8 << 20);
  const auto second = kgx::PatternPrefilter::Build({"zzz", "beta"}, 8 << 20);
  REQUIRE(first);
  REQUIRE(second);
  for (int round = 0; round < 2; ++round) {
    CHECK(first->Candidates("alpha") == std::vector<int>{0});
    CHECK(second->Candidates("beta") == std::vector<int>{1});
    CHECK(first->Candidates("zzz") == std::vector<int>{1});
    CHECK(second->Candidates("zzz") == std::vector<int>{0});
  }
}

TEST_CASE("atoms holding an unscanned part are taken as present", "[prefilter]") {
  // The relation rules' markers: every candidate that matches is still there, and a pattern
  // whose only literal is a marker is a candidate on any line.
  const std::vector<std::string> patterns = {R"(\x{E000}c[0-9]+\x{E001}\s*の中の人)", R"(\x{E000}t[0-9]+\x{E001})", R"(使って)"};
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20, {"\uE000", "\uE001"});
  REQUIRE(prefilter);
  CHECK(prefilter->Candidates("plain words") == std::vector<int>{1});
  CHECK(prefilter->Candidates("\uE000c1\uE001の中の人") == std::vector<int>{0, 1});
  CHECK(prefilter->Candidates("\uE000t1\uE001 を使って") == std::vector<int>{1, 2});
  CHECK(prefilter->Candidates("使って, 使って") == std::vector<int>{1, 2});  // an atom seen twice
}

TEST_CASE("atoms of one character are found as Vectorscan would find them", "[prefilter]") {
  // Enough patterns whose atoms are single kana or kanji for the prefilter to find those by a pass
  // over the line's lead bytes; lines of mixed scripts, lead bytes cut short and bytes that are
  // no UTF-8 at all.
  const std::vector<std::string> patterns = {"の", "に", "を", "で", "は", "が", "社", "上", "→", "から\\s*に", "(?:は|が)x", "[0-9]+に",
                                             "使って"};
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20);
  REQUIRE(prefilter);
  const std::vector<std::string> pieces = {"の", "に", "を", "で", "は", "が", "社", "上", "→", "から", "x", "42", "使って", "AWS",
                                           " ", "\xE3\x81", "\xE3", "\x81\xAE", "\xEF\xBC\xA1", "日本語のテキスト", "ab"};
  CheckMatchesAreCandidates(*prefilter, patterns, pieces, 7, 4000, 24);
  CHECK(prefilter->Candidates("AWS").size() < patterns.size());
  const std::vector<int> particles = prefilter->Candidates("テキストの上で使って");
  CHECK(std::binary_search(particles.begin(), particles.end(), 0));   // の
  CHECK(std::binary_search(particles.begin(), particles.end(), 7));   // 上
  CHECK_FALSE(std::binary_search(particles.begin(), particles.end(), 1));  // に
}

TEST_CASE("atoms of one byte are found in either case", "[prefilter]") {
  // Patterns whose only literal is one byte: FilteredRE2 gives them atoms such as "/" and "x".
  const std::vector<std::string> patterns = {R"([a-z0-9-]+/[a-z0-9-]+)", R"((?i:x)\d+)", R"(\d+_\d+)", R"(移行)"};
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20);
  REQUIRE(prefilter);
  const std::vector<std::string> pieces = {"org", "/", "X", "x", "42", "_", "移行", " ", "repo", "ab-c"};
  CheckMatchesAreCandidates(*prefilter, patterns, pieces, 5, 3000, 8);
  CHECK(prefilter->Candidates("X9").size() < patterns.size());
  CHECK(prefilter->Candidates("plain words").empty());
}

TEST_CASE("the RE2 a pattern is added as behaves as the callers' own copy did", "[prefilter]") {
  // Discovery and relation rules take each pattern's RE2 from the prefilter instead of compiling
  // their own with RE2::Quiet: same options, same groups, same matches and captures.
  const std::vector<std::string> patterns = {
      R"((?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) (?:Inc|Corp)\.?)",
      R"((?P<name>[\p{Katakana}ー]{2,12})株式会社)",
      R"((?i:migrated\s+from)\s+(?P<object>\w+))",
      R"(\x{E000}c[0-9]+\x{E001}\s*(?:の|が)(?P<each>.*)使って)",
      R"((\d+)\s*(?:GB|TB))",
  };
  kgx::PatternPrefilter prefilter;
  std::vector<const RE2*> shared;
  std::vector<std::unique_ptr<RE2>> own;
  for (const std::string& pattern : patterns) {
    std::string error;
    shared.push_back(prefilter.Add(static_cast<int>(shared.size()), pattern, error));
    REQUIRE(shared.back() != nullptr);
    CHECK(error.empty());
    own.push_back(std::make_unique<RE2>(pattern, RE2::Quiet));
  }
  prefilter.Finish(8 << 20);
  CHECK(prefilter.size() == patterns.size());
  const RE2::Options quiet(RE2::Quiet);
  for (std::size_t p = 0; p < patterns.size(); ++p) {
    const RE2& re = *shared[p];
    CHECK(re.pattern() == patterns[p]);
    CHECK(re.options().max_mem() == quiet.max_mem());
    CHECK(re.options().encoding() == quiet.encoding());
    CHECK(re.options().longest_match() == quiet.longest_match());
    CHECK(re.options().case_sensitive() == quiet.case_sensitive());
    CHECK(re.options().never_capture() == quiet.never_capture());
    CHECK(re.options().log_errors() == quiet.log_errors());
    CHECK(re.NumberOfCapturingGroups() == own[p]->NumberOfCapturingGroups());
    CHECK(re.NamedCapturingGroups() == own[p]->NamedCapturingGroups());
  }
  const std::vector<std::string> pieces = {"Acme", " Corp.", "Blue Ocean", " Inc", "ヤマト", "株式会社", "MIGRATED FROM", " mysql",
                                           "\uE000c3\uE001", "の", "が", "Aurora を", "使って", "12", " GB", "TB", " ", "x"};
  std::mt19937 random(17);
  for (int i = 0; i < 3000; ++i) {
    std::string line;
    const int parts = 1 + static_cast<int>(random() % 7);
    for (int k = 0; k < parts; ++k) line += pieces[random() % pieces.size()];
    for (std::size_t p = 0; p < patterns.size(); ++p) {
      const int groups = own[p]->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> mine(static_cast<std::size_t>(groups)), theirs(static_cast<std::size_t>(groups));
      const bool matched = own[p]->Match(line, 0, line.size(), RE2::UNANCHORED, mine.data(), groups);
      INFO("line: " << line << "\npattern: " << patterns[p]);
      REQUIRE(shared[p]->Match(line, 0, line.size(), RE2::UNANCHORED, theirs.data(), groups) == matched);
      for (int g = 0; matched && g < groups; ++g) {
        CHECK(mine[static_cast<std::size_t>(g)].data() == theirs[static_cast<std::size_t>(g)].data());
        CHECK(mine[static_cast<std::size_t>(g)].size() == theirs[static_cast<std::size_t>(g)].size());
      }
    }
  }
}

TEST_CASE("a pattern that does not compile is reported with RE2's message and leaves every pattern a candidate", "[prefilter]") {
  kgx::PatternPrefilter prefilter;
  std::string error;
  CHECK(prefilter.Add(0, "alpha", error) != nullptr);
  CHECK(prefilter.Add(1, "(unclosed", error) == nullptr);
  CHECK(error == RE2("(unclosed", RE2::Quiet).error());
  CHECK(error == "missing ): (unclosed");
  const auto built = kgx::PatternPrefilter::Build({"alpha", "(unclosed", "beta"}, 8 << 20);
  CHECK(built->Candidates("nothing here") == std::vector<int>{0, 1, 2});
}

namespace {

// Patterns of every kind the prefilter meets: caseless English, Japanese, markers, atoms across a
// line break (`\s` and `\n` in a pattern), one-character and one-byte atoms, no literal at all.
std::vector<std::string> MixedPatterns() {
  return {R"((?i:\bmigrated\s+from)\s+(\w+))", R"(から\s*\S+\s*に移行)", R"(\x{E000}c[0-9]+\x{E001}\s*の中の人)",
          R"([a-z0-9-]+/[a-z0-9-]+)", R"(\d+)", R"(^\s*-\s*(?:使って|利用して))", R"(end\nstart)", R"((?i)at\s+the)",
          "の", "に", "を", "で", "は", "が", "社", "上", "→", R"((?:は|が)x)", R"(CEO\s*の)", R"((?i:x)\d+)"};
}

// Writes a document of `lines` random lines from `pieces` and returns it with each line's place.
std::string WriteDocument(std::mt19937& random, const std::vector<std::string>& pieces, int lines,
                          std::vector<std::pair<std::size_t, std::size_t>>& places) {
  static const char* const kBreaks[] = {"\n", "\r\n", "\n\n", ""};
  std::string text;
  for (int i = 0; i < lines; ++i) {
    const std::size_t begin = text.size();
    const int parts = static_cast<int>(random() % 9);
    for (int k = 0; k < parts; ++k) text += pieces[random() % pieces.size()];
    places.emplace_back(begin, text.size() - begin);
    text += kBreaks[random() % 4];  // "": a line that runs on into the next, as a section's views may
  }
  return text;
}

const std::vector<std::string>& MixedPieces() {
  static const std::vector<std::string> pieces = {
      "MIGRATED FROM", "Migrated\n", " from", " mysql", "から", "Aurora", "に移行", "\uE000c12\uE001", "\uE000t3\uE001",
      "の中の人", "org/repo", "42", "- ", "使って", "利用して", "end", "start", "AT", " the", "CEO", "の", "が", "x",
      "X9", "社", "上", "→", "日本語のテキスト", "\xE3\x81", "\x81\xAE", "ärger", " ", "\t", "text"};
  return pieces;
}

}  // namespace

TEST_CASE("the atoms of a whole text give each of its lines the candidates a scan of the line gives", "[prefilter][text]") {
  // One scan of a document instead of one per line: every line, taken from the document's atoms,
  // has exactly the candidates of its own scan, atoms across a line break belonging to neither.
  std::vector<std::string> patterns = MixedPatterns();
  // Literals with case outside ASCII make the prefilter gate each line itself.
  if (GENERATE(false, true)) patterns.push_back(R"((?i)Ärger|ÄRGER)");
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20, {"\uE000", "\uE001"});
  REQUIRE(prefilter);
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const std::string& pattern : patterns) compiled.push_back(std::make_unique<RE2>(pattern));
  std::mt19937 random(23);
  for (int document = 0; document < 60; ++document) {
    std::vector<std::pair<std::size_t, std::size_t>> places;
    const std::string text = WriteDocument(random, MixedPieces(), 40, places);
    const kgx::TextAtoms atoms = prefilter->FindAtoms(text);
    for (const auto& [begin, size] : places) {
      const std::string_view line = std::string_view(text).substr(begin, size);
      const std::string alone(line);  // not in the text: scanned itself
      const std::vector<int> own = prefilter->Candidates(alone);
      const std::vector<int> from_text = prefilter->Candidates(line, atoms);
      INFO("line: " << alone);
      CHECK(from_text == own);
      for (std::size_t p = 0; p < patterns.size(); ++p) {
        if (!RE2::PartialMatch(alone, *compiled[p])) continue;
        INFO("pattern: " << patterns[p]);
        CHECK(std::binary_search(from_text.begin(), from_text.end(), static_cast<int>(p)));
      }
    }
  }
}

TEST_CASE("a line the atoms cannot answer for is scanned itself", "[prefilter][text]") {
  const auto prefilter = kgx::PatternPrefilter::Build({"alpha", "beta", "から\\s*に移行"}, 8 << 20);
  const auto other = kgx::PatternPrefilter::Build({"beta", "alpha"}, 8 << 20);
  const std::string text = "alpha line\nbeta line\nからAuroraに移行";
  const kgx::TextAtoms atoms = prefilter->FindAtoms(text);
  const kgx::TextAtoms others = other->FindAtoms(text);
  const std::string_view view(text);
  CHECK(prefilter->Candidates(view.substr(0, 10), atoms) == std::vector<int>{0});
  CHECK(prefilter->Candidates(view.substr(11, 9), atoms) == std::vector<int>{1});
  CHECK(prefilter->Candidates(view.substr(21), atoms) == std::vector<int>{2});  // both atoms, no match needed
  CHECK(prefilter->Candidates(view.substr(21, 6), atoms).empty());  // "から": one atom is not enough
  CHECK(prefilter->Candidates(view.substr(0, 3), atoms).empty());  // "alp": the atom stands past it
  // Atoms of another prefilter, of no scan, or of another text: the line is scanned.
  CHECK(prefilter->Candidates(view.substr(11, 9), others) == std::vector<int>{1});
  CHECK(prefilter->Candidates(view.substr(0, 10), kgx::TextAtoms()) == std::vector<int>{0});
  const std::string elsewhere = "beta";
  CHECK(prefilter->Candidates(elsewhere, atoms) == std::vector<int>{1});
}

TEST_CASE("candidates are the ids the caller gave, and a withdrawn pattern is never one", "[prefilter]") {
  // A caller that rejects a pattern after adding it withdraws it and gives its id to the next:
  // no other pattern's number moves.
  kgx::PatternPrefilter prefilter;
  std::string error;
  REQUIRE(prefilter.Add(0, "alpha", error) != nullptr);
  REQUIRE(prefilter.Add(1, "gamma", error) != nullptr);
  prefilter.Withdraw(1);  // rejected by the caller
  REQUIRE(prefilter.Add(1, "beta", error) != nullptr);
  CHECK(prefilter.Add(2, "(unclosed", error) == nullptr);
  prefilter.Withdraw(2);  // no longer makes every pattern a candidate
  REQUIRE(prefilter.Add(2, "delta", error) != nullptr);
  prefilter.Finish(8 << 20);
  CHECK(prefilter.size() == 3);
  CHECK(prefilter.Candidates("alpha beta gamma delta") == std::vector<int>{0, 1, 2});
  CHECK(prefilter.Candidates("gamma").empty());
  CHECK(prefilter.Candidates("beta") == std::vector<int>{1});
  CHECK(prefilter.Candidates("delta") == std::vector<int>{2});
  // The ids need not follow the order of adding; candidates come ascending, each once.
  kgx::PatternPrefilter reordered;
  REQUIRE(reordered.Add(7, "alpha", error) != nullptr);
  REQUIRE(reordered.Add(3, "beta", error) != nullptr);
  REQUIRE(reordered.Add(7, "beta", error) != nullptr);
  reordered.Finish(8 << 20);
  CHECK(reordered.Candidates("beta alpha") == std::vector<int>{3, 7});
  CHECK(reordered.Candidates("beta") == std::vector<int>{3, 7});
  CHECK(reordered.Candidates("alpha") == std::vector<int>{7});
}

TEST_CASE("a gated prefilter answers with the caller's ids too", "[prefilter]") {
  // Non-ASCII case in an atom: the RE2::Set gate answers, in the caller's numbers.
  kgx::PatternPrefilter prefilter;
  std::string error;
  REQUIRE(prefilter.Add(5, "(?i)Ärger", error) != nullptr);
  REQUIRE(prefilter.Add(9, "zzz", error) != nullptr);
  REQUIRE(prefilter.Add(2, "yyy", error) != nullptr);
  prefilter.Withdraw(2);
  prefilter.Finish(8 << 20);
  CHECK(prefilter.Candidates("ÄRGER zzz yyy") == std::vector<int>{5, 9});
  CHECK(prefilter.Candidates("yyy").empty());
  const std::string text = "zzz\närger";
  const kgx::TextAtoms atoms = prefilter.FindAtoms(text);
  CHECK(prefilter.Candidates(std::string_view(text).substr(4), atoms) == std::vector<int>{5});
}

namespace {

// `count` patterns that each need `shared` and a word of their own ("word100", "word101", ...), as
// relation patterns need a common particle and a verb.
std::vector<std::string> SharingPatterns(const std::string& shared, int count) {
  std::vector<std::string> patterns;
  for (int i = 0; i < count; ++i) patterns.push_back(shared + R"(.*\bword)" + std::to_string(100 + i) + R"(\b)");
  return patterns;
}

}  // namespace

TEST_CASE("an atom many patterns share still gates each of them", "[prefilter][shared]") {
  // RE2's PrefilterTree stops triggering on an atom that more than 8 patterns' conditions use
  // when each has another atom: a line with a pattern's own word but without the shared particle
  // made it a candidate. Each pattern must be filtered as strictly as its own atoms allow.
  for (const std::string& shared : {std::string("から"), std::string("migrated")}) {
    const int count = GENERATE(9, 12, 30);
    const std::vector<std::string> patterns = SharingPatterns(shared, count);
    const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20);
    REQUIRE(prefilter);
    INFO("shared: " << shared << ", patterns: " << count);
    for (int i = 0; i < count; i += 4) {
      const std::string word = "word" + std::to_string(100 + i);
      CHECK(prefilter->Candidates("only " + word + " here").empty());  // the shared atom is missing
      CHECK(prefilter->Candidates(shared + " then " + word) == std::vector<int>{i});
    }
    CHECK(prefilter->Candidates(shared + " alone").empty());  // no pattern's own word
  }
}

TEST_CASE("many patterns sharing particles keep every match among the candidates", "[prefilter][shared]") {
  // Enough relation-like patterns (Japanese particles, English verbs, full-width digits and
  // brackets, mention markers) that many share an atom, over lines that mix them.
  std::vector<std::string> patterns;
  for (const char* particle : {"が", "から", "に", "を"}) {
    for (const char* verb : {"移行", "採用", "開発", "買収", "使って"}) {
      patterns.push_back(std::string(R"(\x{E000}c[0-9]+\x{E001}\s*)") + particle + R"(\s*(\S+?)\s*)" + verb);
    }
  }
  for (const char* verb : {"migrated", "acquired", "uses", "built"}) {
    patterns.push_back(std::string(R"((?i:\b)") + verb + R"(\s+(?:from|by|on)\b)\s*(\w+))");
  }
  patterns.push_back(R"(（[０-９]+）\s*から)");
  patterns.push_back(R"(：\s*(\S+)に移行)");
  const auto prefilter = kgx::PatternPrefilter::Build(patterns, 8 << 20, {"\uE000", "\uE001"});
  REQUIRE(prefilter);
  REQUIRE(prefilter->size() == patterns.size());
  const std::vector<std::string> pieces = {"\uE000c1\uE001", "\uE000t2\uE001", "が", "から", "に", "を", "移行", "採用", "開発",
                                           "買収", "使って", "Aurora", "ＡＷＳ", "（１２）", "：", "MIGRATED FROM", " acquired by",
                                           " Uses On ", "built", " ", "の", "mysql", "移", "行"};
  CheckMatchesAreCandidates(*prefilter, patterns, pieces, 31, 6000, 8);
  // Still a filter: a line with a particle and no verb gates every Japanese pattern out.
  CHECK(prefilter->Candidates("\uE000c1\uE001 が Aurora").empty());
  const std::vector<int> one = prefilter->Candidates("\uE000c1\uE001 が Aurora 移行");
  CHECK(std::binary_search(one.begin(), one.end(), 0));  // が … 移行
  CHECK_FALSE(std::binary_search(one.begin(), one.end(), 5));  // から … 移行: から is missing
}
