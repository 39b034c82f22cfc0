// LineMemo, the Segmenter's per-line answers: each line's answer is its own, computed once, in
// whatever order lines are asked.
#include <catch2/catch.hpp>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "extractor/line_memo.h"

TEST_CASE("a line memo answers each line as the question does, computing it once", "[line_memo]") {
  // Generated lines (Japanese and English, headings and prose) and a question of one line.
  const std::vector<std::string> pool = {"## 監視の話", "登壇者: 木村 誠さん", "- Grafana", "DAT320 - AWS Database",
                                         "prose that ends like a sentence.", "", "基調講演", "Keynote"};
  std::mt19937 random(12345);
  std::vector<std::string> lines(500);
  for (std::string& line : lines) line = pool[random() % pool.size()];
  const auto question = [&](std::size_t k) { return lines[k].size() * 7 + k; };
  kgx::LineMemo<std::size_t> memo(lines.size());
  std::vector<int> computed(lines.size(), 0);
  for (int ask = 0; ask < 5000; ++ask) {
    const std::size_t k = random() % lines.size();
    const std::size_t answer = memo.Get(k, [&] {
      ++computed[k];
      return question(k);
    });
    REQUIRE(answer == question(k));
  }
  for (std::size_t k = 0; k < lines.size(); ++k) CHECK(computed[k] <= 1);
}

TEST_CASE("a line memo of yes/no answers keeps a no as well as a yes", "[line_memo]") {
  // bool answers sit in a bit vector: a stored false must not read as "not yet asked" or as true.
  kgx::LineMemo<bool> memo(4);
  int computed = 0;
  const auto is_heading = [&](bool answer) {
    return [&computed, answer] {
      ++computed;
      return answer;
    };
  };
  CHECK_FALSE(memo.Get(1, is_heading(false)));
  CHECK(memo.Get(2, is_heading(true)));
  CHECK_FALSE(memo.Get(1, is_heading(true)));  // answered before: the first answer stands
  CHECK(memo.Get(2, is_heading(false)));
  CHECK(memo.Get(0, is_heading(true)));
  CHECK(computed == 3);
}
