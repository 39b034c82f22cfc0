// ByteAtoms and CharacterAtoms against the obvious search (std::string_view::find) over random
// bytes: mixed scripts, cut characters, stray continuation bytes, lines shorter and longer than
// the sixteen bytes the character pass reads at a time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "extractor/short_atoms.h"

namespace {

std::string RandomLine(std::mt19937& random, const std::vector<std::string>& pieces) {
  std::string line;
  const std::size_t parts = random() % 40;
  for (std::size_t k = 0; k < parts; ++k) line += pieces[random() % pieces.size()];
  return line;
}

}  // namespace

TEST_CASE("one-character atoms are found where their three bytes stand", "[prefilter][atoms]") {
  const std::vector<std::string> atoms = {"の", "に", "社", "→", "語", "\xEF\xBC\xA1"};
  kgx::CharacterAtoms characters;
  for (std::size_t id = 0; id < atoms.size(); ++id) {
    REQUIRE(kgx::IsThreeByteCharacter(atoms[id]));
    REQUIRE(characters.Add(atoms[id], static_cast<int>(id) + 10));
  }
  CHECK_FALSE(kgx::IsThreeByteCharacter("ab"));
  CHECK_FALSE(kgx::IsThreeByteCharacter("\xE3\x81"));
  CHECK_FALSE(kgx::IsThreeByteCharacter("\xC3\xA9x"));
  const std::vector<std::string> pieces = {"の", "に", "社", "→", "日本語", "\xEF\xBC\xA1", "a", "AWS ", "\xE3", "\x81\xAE",
                                           "\xE3\x81", "\xAB", "のテキスト", "0123456789abcdef"};
  std::mt19937 random(3);
  for (int i = 0; i < 5000; ++i) {
    const std::string line = RandomLine(random, pieces);
    std::vector<int> found;
    characters.Find(line, found);
    std::sort(found.begin(), found.end());
    std::vector<int> expected;
    for (std::size_t id = 0; id < atoms.size(); ++id) {
      if (line.find(atoms[id]) != std::string::npos) expected.push_back(static_cast<int>(id) + 10);
    }
    INFO("line: " << line);
    CHECK(found == expected);
  }
}

TEST_CASE("one-byte atoms are found in either case", "[prefilter][atoms]") {
  kgx::ByteAtoms bytes;
  REQUIRE(bytes.Add('/', 0));
  REQUIRE(bytes.Add('x', 1));
  std::vector<int> found;
  bytes.Find("org/REPO X1", found);
  CHECK(found == std::vector<int>{0, 1});
  found.clear();
  bytes.Find("no such bytes", found);
  CHECK(found.empty());
  for (std::size_t id = 2; id < kgx::ByteAtoms::kMost; ++id) CHECK(bytes.Add('-', static_cast<int>(id)));
  CHECK_FALSE(bytes.Add('_', 99));  // full: the caller leaves it to Vectorscan
}
