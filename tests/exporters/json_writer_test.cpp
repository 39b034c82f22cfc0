// AppendString, the hand-written JSON string writer, against nlohmann's dump: plain ASCII runs go
// eight bytes at a time, so every special byte is tried at every place in and around a run.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "exporters/json_writer.h"

namespace {

std::string NlohmannString(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string Written(const std::string& s) {
  std::string out = "prefix";
  kgx::AppendString(out, s);
  return out.substr(6);
}

}  // namespace

TEST_CASE("AppendString writes nlohmann's bytes with a special byte at every place of a run", "[jsonl]") {
  const std::vector<std::string> specials = {"\"", "\\", std::string(1, '\0'), "\x01", "\x1f", "\n", "\x7f", " ", "~",
                                             "é", "オ", "𝄞", "\xC3", "\xE3\x81", "\xFF", "\xED\xA0\x80"};
  const std::string run = "Aurora scales reads: 15 replicas, ";  // 34 plain bytes
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at <= run.size(); ++at) {
      const std::string s = run.substr(0, at) + special + run.substr(at);
      INFO(s);
      CHECK(Written(s) == NlohmannString(s));
      CHECK(Written(run.substr(0, at) + special) == NlohmannString(run.substr(0, at) + special));
    }
  }
}

TEST_CASE("AppendString writes nlohmann's bytes for Japanese and ASCII mixed within sixteen bytes", "[jsonl]") {
  // A note's line switches script every few characters: sixteen bytes hold both, and a character
  // may be cut by their end. Each special at every byte (inside a character too, which makes the
  // text invalid UTF-8), and the line cut at every byte.
  const std::string line = "- フェイルオーバーにかかる時間(検出後)は、30%が0-5秒。Spanner ができる：ＡＷＳ re:Invent";
  const std::vector<std::string> specials = {"\"", "\\", "\x01", "\n", "\x7f", "é", "𝄞", "\xE0\xA0\x80",
                                             "\xED\x9F\xBF", "\xED\xA0\x80", "\xE3\x81", "\x80", "\xFF"};
  for (std::size_t at = 0; at <= line.size(); ++at) {
    CHECK(Written(line.substr(0, at)) == NlohmannString(line.substr(0, at)));
    CHECK(Written(line.substr(at)) == NlohmannString(line.substr(at)));
    for (const std::string& special : specials) {
      const std::string s = line.substr(0, at) + special + line.substr(at);
      INFO(s);
      CHECK(Written(s) == NlohmannString(s));
    }
  }
  CHECK(Written(line) == "\"" + line + "\"");  // valid, nothing to escape: copied as it is
}

TEST_CASE("AppendString writes nlohmann's bytes for random mixes of runs and specials", "[jsonl]") {
  const std::vector<std::string> pieces = {"plain ascii words ", "x", "12345678", "\"", "\\", "\t", "\x02", "\x7f",
                                           "é", "オーロラ", "𝄞", "\xC0\x80", "\xF4\x90\x80\x80", "\x80", "\xE2\x80\x94",
                                           "ＡＷＳ", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
                                           "\xEF\xBF\xBF", "\xE3\x81", "\xE3\xC1\x81", "\xF0\x9F\x98\x80"};
  std::mt19937 random(99);
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const int length = std::uniform_int_distribution<int>(0, 10)(random);
    for (int k = 0; k < length; ++k) s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    INFO(s);
    CHECK(Written(s) == NlohmannString(s));
  }
}

TEST_CASE("AppendDecimal writes whole numbers without a fraction and others as nlohmann", "[jsonl]") {
  const auto written = [](double value) {
    std::string out;
    kgx::AppendDecimal(out, value);
    return out;
  };
  CHECK(written(25000000000.0) == "25000000000");
  CHECK(written(-3.0) == "-3");
  CHECK(written(-0.0) == "0");
  CHECK(written(8.99e15) == "8990000000000000");
  for (const double value : {0.5, -1.25, 1e-7, 9.0e15, -9.0e15, 1e300, 3.14159, 2.5e10 + 0.5, 4503599627370495.5}) {
    CHECK(written(value) == nlohmann::ordered_json(value).dump());
  }
  // Not finite: null, as nlohmann writes them.
  CHECK(written(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(written(std::numeric_limits<double>::infinity()) == "null");
  CHECK(written(-std::numeric_limits<double>::infinity()) == "null");
  CHECK(written(-7.0) == "-7");
}

TEST_CASE("AppendNumber writes every count of digits as nlohmann", "[jsonl]") {
  std::vector<std::size_t> values = {0, std::numeric_limits<std::size_t>::max()};
  for (std::size_t power = 1; power <= 1000000000000000000ULL; power *= 10) {
    values.insert(values.end(), {power - 1, power, power + 1, power * 9});
  }
  for (const std::size_t value : values) {
    std::string out = "x";
    kgx::AppendNumber(out, value);
    CHECK(out == "x" + nlohmann::ordered_json(value).dump());
  }
  CHECK([] {
    std::string out;
    kgx::AppendDecimal(out, -8.99e15);
    return out;
  }() == "-8990000000000000");
}

TEST_CASE("AppendNumber writes lines and offsets of every size across its groups of four digits", "[jsonl]") {
  // The fast paths split at 10^4 and 10^8: values on both sides of each, and a spread of others
  // (a fixed linear congruential sequence), against the standard library's digits.
  std::vector<std::size_t> values = {9999, 10000, 10001, 10099, 99999999, 100000000, 100000001, 1000000000000ULL};
  std::uint64_t x = 12345;
  for (int i = 0; i < 2000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    values.push_back(static_cast<std::size_t>(x >> (i % 64)));
  }
  for (const std::size_t value : values) {
    std::string out = "x";
    kgx::AppendNumber(out, value);
    CHECK(out == "x" + std::to_string(value));
  }
}

TEST_CASE("AppendDouble writes nlohmann's bytes for doubles of every size and sign", "[jsonl]") {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                0.15,
                                1.0 / 3.0,
                                1e-300,
                                5e-324,
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> exponent(-320, 308);
  for (int i = 0; i < 20000; ++i) {
    values.push_back(unit(random) * std::pow(10.0, exponent(random)) * (i % 3 == 0 ? -1.0 : 1.0));
  }
  for (int i = 0; i < 2000; ++i) values.push_back(0.15 / 3000.0 + unit(random) * 1e-3);  // PageRank-like
  for (const double value : values) {
    std::string out = "x";
    kgx::AppendDouble(out, value);
    INFO(value);
    CHECK(out == "x" + nlohmann::ordered_json(value).dump(-1, ' ', false,
                                                          nlohmann::ordered_json::error_handler_t::replace));
  }
}

TEST_CASE("AppendString writes nlohmann's bytes for Japanese text read two characters at a time", "[jsonl]") {
  // Runs of three-byte characters of every lead (E0 and ED with second bytes in and out of their
  // ranges), broken by invalid or short sequences and ASCII at every offset.
  const std::vector<std::string> pieces = {"日本語", "オーロラ", "ＡＷＳ", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF",
                                           "\xED\xA0\x80", "\xEF\xBF\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xE3\x81",
                                           "\xE3\xC1\x81", "\xE3\x81\xC1", "a", "\"", "\x01", "é", "\xF0\x9F\x98\x80"};
  std::mt19937 random(23);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int length = std::uniform_int_distribution<int>(0, 14)(random);
    for (int k = 0; k < length; ++k) {
      // Mostly valid Japanese, as in the notes.
      const std::size_t piece = std::uniform_int_distribution<std::size_t>(0, 3)(random) != 0
                                    ? std::uniform_int_distribution<std::size_t>(0, 2)(random)
                                    : std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random);
      s += pieces[piece];
    }
    INFO(s);
    CHECK(Written(s) == NlohmannString(s));
  }
}

TEST_CASE("AppendString writes nlohmann's bytes with two specials at every pair of places near the end", "[jsonl]") {
  // The last bytes of a string are copied as its last eight, rewriting bytes before them that were
  // copied as they are: an escape among those must stop it, or its raw byte would be written back.
  const std::vector<std::string> specials = {"\n", "\x01", "\"", "オ", "é", "\xE3\x81"};
  const std::string run = "kubernetes cluster";  // 18 plain bytes
  for (std::size_t length = 0; length <= run.size(); ++length) {
    for (std::size_t a = 0; a <= length; ++a) {
      for (std::size_t b = a; b <= length; ++b) {
        for (const std::string& first : specials) {
          for (const std::string& second : specials) {
            const std::string s = run.substr(0, a) + first + run.substr(a, b - a) + second + run.substr(b, length - b);
            INFO(s);
            CHECK(Written(s) == NlohmannString(s));
          }
        }
      }
    }
  }
}

TEST_CASE("AppendString writes ids of 1 to 33 bytes as nlohmann with a special byte at any place", "[jsonl]") {
  // Plain ASCII of 8 to 32 bytes is read as two pieces that overlap (its first and last eight or
  // sixteen bytes), and of 1 to 7 as one word from loads that overlap: a special byte in any piece,
  // or where they overlap, sends it the long way.
  const std::string id = "technology/amazon-aurora-serverless";  // 35 plain bytes
  for (std::size_t length = 1; length <= 33; ++length) {
    const std::string plain = id.substr(0, length);
    CHECK(Written(plain) == "\"" + plain + "\"");
    for (std::size_t at = 0; at < length; ++at) {
      for (const std::string special : {"\"", "\\", "\x1f", "\xC3\xA9", "\xE3\x82\xAA", "\xFF"}) {
        const std::string s = plain.substr(0, at) + special + plain.substr(at + 1);
        INFO(s);
        CHECK(Written(s) == NlohmannString(s));
      }
    }
  }
}

TEST_CASE("WriteString stays within the room of plain text, quotes included", "[jsonl]") {
  // Plain text needs s.size() + 2 bytes; the bytes after them are the caller's.
  for (const std::string& base : {std::string("Aurora scales reads to 15 replicas"), std::string("東京リージョンで稼働")}) {
    for (std::size_t length = 0; length <= base.size(); ++length) {
      const std::string s = base.substr(0, length);
      if (NlohmannString(s).size() != s.size() + 2) continue;  // a cut character: not plain
      std::vector<char> buffer(s.size() + 2 + 16, '#');
      char* const end = kgx::WriteString(buffer.data(), buffer.data() + s.size() + 2, s);
      REQUIRE(end == buffer.data() + s.size() + 2);
      CHECK(std::string(buffer.data(), end) == NlohmannString(s));
      CHECK(std::string(end, buffer.data() + buffer.size()) == std::string(16, '#'));
    }
  }
}

TEST_CASE("WriteString writes strings shorter than a word as nlohmann with any room", "[jsonl]") {
  // Short strings are read as one word when there is room for eight bytes: with less, or with a
  // special byte (the last one included, or a zero byte like the word's padding), the slow way.
  const std::vector<std::string> strings = {"D1#L2", "k8s",  "東京",   "é",      "a\"b", "x\n",
                                            std::string("ab\0", 3), "\x01",  "\xE3\x81", "abcdefg", "\\"};
  for (const std::string& s : strings) {
    for (std::size_t room = s.size() + 2; room <= kgx::StringRoom(s.size()) + 8; ++room) {
      INFO(s << " room " << room);
      std::vector<char> buffer(room + 16, '#');
      char* const end = kgx::WriteString(buffer.data(), buffer.data() + room, s);
      if (room >= kgx::StringRoom(s.size())) REQUIRE(end != nullptr);
      if (end == nullptr) continue;
      CHECK(std::string(buffer.data(), end) == NlohmannString(s));
      CHECK(std::string(buffer.data() + room, buffer.data() + buffer.size()) == std::string(16, '#'));
    }
  }
}

TEST_CASE("AppendString writes nlohmann's bytes for Japanese runs read four characters at a time", "[jsonl]") {
  // Runs of at least sixteen bytes go twelve bytes (four characters) at a time: a character of a
  // narrower lead (E0, ED), a broken one, a special byte or an ASCII letter at every byte of such a
  // run must stop the step there, and what follows must still be written as nlohmann writes it.
  const std::string run = "東京リージョンで稼働する";  // 12 characters, 36 bytes
  const std::vector<std::string> breaks = {"\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xE3\x81",
                                           "\xE3\xC1\x81", "\"",           "\n",           "a",            "é",
                                           "\xF0\x9F\x98\x80", "ＡＷＳ"};
  for (const std::string& broken : breaks) {
    for (std::size_t at = 0; at <= run.size(); ++at) {
      const std::string s = run.substr(0, at) + broken + run.substr(at) + run;
      INFO(s);
      CHECK(Written(s) == NlohmannString(s));
    }
  }
  CHECK(Written(run + run) == "\"" + run + run + "\"");
}
