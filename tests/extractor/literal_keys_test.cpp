// LiteralKeys and the marker checks that use them: a key byte that no literal has turns a place
// away, and the checks with keys agree with the same checks comparing every literal (keys off),
// on generated lines of Japanese and English markers and literals.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extractor/literal_keys.h"
#include "extractor/marker_context.h"

using kgx::LiteralKeys;
using kgx::MarkerContext;
using kgx::MarkerSpan;
using kgx::SideContext;
using Strings = std::vector<std::string>;

namespace {

const std::string kOpen = "\xEE\x80\x80", kClose = "\xEE\x80\x81";

// Whether some literal of `literals` starts (ends) at `at` of `text`: the plain comparison.
bool SomeStartsAt(const Strings& literals, std::string_view text, std::size_t at) {
  for (const std::string& literal : literals) {
    if (text.substr(at, literal.size()) == literal) return true;
  }
  return false;
}
bool SomeEndsAt(const Strings& literals, std::string_view text, std::size_t at) {
  for (const std::string& literal : literals) {
    if (literal.size() <= at && text.substr(at - literal.size(), literal.size()) == literal) return true;
  }
  return false;
}

// `side` and what stands beyond it with their keys off: every literal compared.
SideContext Plain(const SideContext& side) {
  SideContext plain = side;
  plain.keys = LiteralKeys();
  if (side.beyond) plain.beyond = std::make_shared<const SideContext>(Plain(*side.beyond));
  return plain;
}

// A generated marked line: tokens drawn from Japanese and English particles, words, spaces and
// markers of two types, with a fixed seed (the same lines on every run).
struct GeneratedLine {
  std::string text;
  std::vector<MarkerSpan> markers;
};

GeneratedLine Generate(std::mt19937& random) {
  // れ and げ share their last byte with が and を (0x8C, 0x92): key collisions the full check decides.
  static const Strings kTokens = {"が", "を", "れ", "げ", "に", "には", "から", "で", "、", "3", " ", "  ", "from ", "to", "and", ",", "x", "は"};
  GeneratedLine line;
  const std::size_t count = 1 + random() % 9;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t pick = random() % (kTokens.size() + 4);
    if (pick >= kTokens.size()) {
      const bool company = pick % 2 == 0;
      const std::size_t begin = line.text.size();
      line.text += kOpen + (company ? "c" : "t") + std::to_string(line.markers.size()) + kClose;
      line.markers.push_back({begin, line.text.size(), company ? kgx::EntityType::kCompany : kgx::EntityType::kTechnology});
    } else {
      line.text += kTokens[pick];
    }
  }
  return line;
}

}  // namespace

TEST_CASE("literal keys say no only where no literal stands", "[relations][context]") {
  const Strings literals = {"が", "を", "に", "には", "from", "to", "3", kOpen};
  const LiteralKeys starting = LiteralKeys::Starting(literals), ending = LiteralKeys::Ending(literals);
  const std::string text = "Aがxを、からへ tofrom 3れげ" + kOpen + "t0" + kClose + "は";
  std::size_t said_no = 0;
  for (std::size_t at = 0; at <= text.size(); ++at) {
    if (SomeStartsAt(literals, text, at)) CHECK(starting.MayStartAt(text, at));
    if (SomeEndsAt(literals, text, at)) CHECK(ending.MayEndAt(text, at));
    said_no += !starting.MayStartAt(text, at);
  }
  CHECK(said_no > text.size() / 2);  // the keys turn most places away
  // Japanese: keyed past the lead bytes they share (が E3 81 8C, は E3 81 AF).
  CHECK(starting.MayStartAt("が", 0));
  CHECK_FALSE(starting.MayStartAt("は", 0));
  CHECK_FALSE(starting.MayStartAt("が", 1));  // the key byte would lie past the end
  CHECK(ending.MayEndAt("xを", 4));
  CHECK_FALSE(ending.MayEndAt("xへ", 4));
  CHECK_FALSE(ending.MayEndAt("を", 0));  // nothing ends before the start
  // English: ASCII literals keyed by their third byte, or their last when shorter.
  CHECK(starting.MayStartAt("from here", 0));
  CHECK_FALSE(starting.MayStartAt("fry", 0));
  CHECK(starting.MayStartAt("to", 0));
  CHECK_FALSE(starting.MayStartAt("tx", 0));
  CHECK(ending.MayEndAt("go to", 5));
  CHECK_FALSE(ending.MayEndAt("go tx", 5));
  // Keys made from nothing let every place through; so does an empty literal.
  CHECK(LiteralKeys().MayStartAt("", 0));
  CHECK(LiteralKeys::Starting({""}).MayStartAt("x", 0));
  CHECK(LiteralKeys::Ending({""}).MayEndAt("x", 0));
  CHECK_FALSE(LiteralKeys::Starting({}).MayStartAt("x", 0));
}

TEST_CASE("literal keys look only at the bytes their literals are keyed by", "[relations][context]") {
  // Japanese particles share their lead bytes (E3 81): keyed by the third alone.
  const LiteralKeys particle = LiteralKeys::Starting({"を"});
  CHECK(particle.MayStartAt("を使う", 0));
  CHECK_FALSE(particle.MayStartAt("が使う", 0));
  // One English letter: keyed by its only byte.
  const LiteralKeys letter = LiteralKeys::Starting({"x"});
  CHECK(letter.MayStartAt("x86", 0));
  CHECK_FALSE(letter.MayStartAt("y86", 0));
  // Mixed: "on" keyed by its second byte, を by its third; a place fitting neither is turned away.
  const LiteralKeys mixed = LiteralKeys::Starting({"on", "を"});
  CHECK(mixed.MayStartAt("on AWS", 0));
  CHECK(mixed.MayStartAt("をAWSに", 0));
  CHECK_FALSE(mixed.MayStartAt("ox", 0));
  CHECK_FALSE(mixed.MayStartAt("oxが", 0));
}

TEST_CASE("a key byte shared by another character leaves the literal to the full check", "[relations][context]") {
  // が (E3 81 8C) and れ (E3 82 8C); を (E3 82 92) and げ (E3 81 92).
  const std::vector<MarkerContext> contexts = kgx::ContextsOf(R"(を\s*{object:technology}\s*が)");
  REQUIRE(contexts.size() == 1);
  const MarkerContext& context = contexts[0];
  const std::string marker = kOpen + "t0" + kClose;
  const auto fits = [&](const std::string& before, const std::string& after) {
    const std::string text = before + marker + after;
    return kgx::SomeMarkerFits(context, text, {{before.size(), before.size() + marker.size(), kgx::EntityType::kTechnology}});
  };
  CHECK(context.after.keys.MayStartAt("れ", 0));  // the collision: the keys say maybe
  CHECK(context.before.keys.MayEndAt("げ", 3));
  CHECK(fits("を", "が"));
  CHECK(fits("を ", " が"));
  CHECK_FALSE(fits("を", "れ"));
  CHECK_FALSE(fits("げ", "が"));
  CHECK_FALSE(fits("は", "が"));
}

TEST_CASE("marker checks with keys agree with every literal compared on generated lines", "[relations][context]") {
  const Strings patterns = {
      R"((?:を|が|から)\s*{object:technology}\s*(?:に|には|で))",
      R"({subject:company}\s*(?:が|は)\s*{object:technology}\s*を)",
      R"((?:from|to)\s*{object:technology|company}\s*(?:and|,|、))",
      R"({object:technology}\s*(?:に|には)\s*[0-9])",
      R"({subject:company}\s*から\s*{objects:technology}\s*(?:$|、))",
  };
  std::mt19937 random(20261128);
  std::size_t fitted = 0, refused = 0;
  for (const std::string& pattern : patterns) {
    std::vector<MarkerContext> contexts = kgx::ContextsOf(pattern);
    REQUIRE_FALSE(contexts.empty());
    for (int n = 0; n < 3000; ++n) {
      const GeneratedLine line = Generate(random);
      for (const MarkerContext& context : contexts) {
        MarkerContext plain = context;
        plain.before = Plain(context.before);
        plain.after = Plain(context.after);
        const bool fast = kgx::SomeMarkerFits(context, line.text, line.markers);
        INFO(pattern << " on " << line.text);
        CHECK(fast == kgx::SomeMarkerFits(plain, line.text, line.markers));
        for (const MarkerSpan& marker : line.markers) CHECK(kgx::MarkerFits(context, line.text, marker) == kgx::MarkerFits(plain, line.text, marker));
        (fast ? fitted : refused) += 1;
      }
    }
  }
  CHECK(fitted > 200);  // both answers are met often
  CHECK(refused > 500);
}
