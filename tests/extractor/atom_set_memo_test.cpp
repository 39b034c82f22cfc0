// AtomSetMemo: an answer is found again for the same set of atoms in any order and with repeats,
// and never for another set or another owner; the prefilter's answers through it are the ones a
// prefilter that remembers nothing gives.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "extractor/atom_set_memo.h"
#include "extractor/pattern_prefilter.h"

TEST_CASE("a remembered set is found in any order and with repeats, which Find drops", "[atom_set_memo]") {
  kgx::AtomSetMemo memo;
  std::vector<int> atoms{7, 3, 7, 0, 3};
  CHECK(memo.Find(1, atoms, 8) == nullptr);
  CHECK(atoms == std::vector<int>{7, 3, 0});  // each once, in the order first found
  memo.Remember(1, atoms, {4, 5});
  std::vector<int> again{0, 0, 3, 7, 7, 7};
  const std::vector<int>* known = memo.Find(1, again, 8);
  REQUIRE(known != nullptr);
  CHECK(*known == std::vector<int>{4, 5});
  CHECK(memo.size() == 1);
}

TEST_CASE("a subset, a superset or a set of the same size never answers for another", "[atom_set_memo]") {
  kgx::AtomSetMemo memo;
  std::vector<int> atoms{1, 2};
  REQUIRE(memo.Find(9, atoms, 4) == nullptr);
  memo.Remember(9, atoms, {1});
  for (std::vector<int> other : {std::vector<int>{1}, std::vector<int>{1, 2, 3}, std::vector<int>{1, 3}, std::vector<int>{0, 3},
                                 std::vector<int>{2, 2}, std::vector<int>{}}) {
    INFO("atoms: " << other.size());
    CHECK(memo.Find(9, other, 4) == nullptr);
  }
  std::vector<int> same{2, 1};
  CHECK(memo.Find(9, same, 4) != nullptr);
}

TEST_CASE("the sets of different owners never answer for each other", "[atom_set_memo]") {
  kgx::AtomSetMemo memo;
  std::vector<int> atoms{5};
  REQUIRE(memo.Find(1, atoms, 6) == nullptr);
  memo.Remember(1, atoms, {0});
  CHECK(memo.Find(2, atoms, 6) == nullptr);
  memo.Remember(2, atoms, {1});
  std::vector<int> first{5}, second{5};
  REQUIRE(memo.Find(1, first, 6) != nullptr);
  CHECK(*memo.Find(1, first, 6) == std::vector<int>{0});
  REQUIRE(memo.Find(2, second, 6) != nullptr);
  CHECK(*memo.Find(2, second, 6) == std::vector<int>{1});
}

TEST_CASE("the memo forgets everything when full, and an id beyond the universe is no harm", "[atom_set_memo]") {
  kgx::AtomSetMemo memo;
  for (std::size_t i = 0; i < kgx::AtomSetMemo::kMost; ++i) {
    std::vector<int> atoms{static_cast<int>(i)};
    REQUIRE(memo.Find(3, atoms, 1) == nullptr);  // a universe too small: Find grows its marks
    memo.Remember(3, atoms, {});
  }
  CHECK(memo.size() == kgx::AtomSetMemo::kMost);
  std::vector<int> atoms{1};
  CHECK(memo.Find(3, atoms, 1) != nullptr);
  std::vector<int> fresh{static_cast<int>(kgx::AtomSetMemo::kMost)};
  CHECK(memo.Find(3, fresh, 1) == nullptr);
  memo.Remember(3, fresh, {});
  CHECK(memo.size() == 1);
  CHECK(memo.Find(3, atoms, 1) == nullptr);
}

TEST_CASE("remembered answers are the ones a fresh prefilter gives, in Japanese, English, full width and stray bytes",
          "[atom_set_memo][prefilter]") {
  const std::vector<std::string> patterns = {
      "(?i)deploy(?:ed|s)? to", "を導入", "株式会社\\S+", "の採用", "ＡＷＳ", "(?i)migrat\\w+ from", "\\w+/\\w+", "に移行",
  };
  const std::vector<std::string> pieces = {"Deployed to ", "deploys TO", "Kubernetes", "を導入した。", "株式会社ABC", "の採用",
                                           "ＡＷＳ", "に移行", "migrating from ", "org/repo", "の", "に", " ", "\xFF\xFE",
                                           "\xE3\x81", "\xE3", "\x80\x80", "Ｄｅｐｌｏｙ", "、"};
  const auto remembering = kgx::PatternPrefilter::Build(patterns, 8 << 20, {"導入"});
  std::mt19937 random(13);
  for (int i = 0; i < 600; ++i) {
    std::string line;
    const int parts = 1 + static_cast<int>(random() % 6);
    for (int k = 0; k < parts; ++k) line += pieces[random() % pieces.size()];
    // A new prefilter has a new serial: its answer is worked out, not remembered.
    const auto fresh = kgx::PatternPrefilter::Build(patterns, 8 << 20, {"導入"});
    const std::vector<int> expected = fresh->Candidates(line);
    INFO("line: " << line);
    CHECK(remembering->Candidates(line) == expected);
    CHECK(remembering->Candidates(line) == expected);  // now from the memo
  }
}
