// Tests of the exporters' shared sanitiser, escapers, id derivations and number formatting
// (exporters/text_sanitizer.h).
#include "exporters/text_sanitizer.h"

#include <catch2/catch.hpp>
#include <clocale>
#include <locale>
#include <set>
#include <string>

#include "export_test_support.h"

namespace kgx {
namespace {

using namespace std::string_literals;

TEST_CASE("SanitizeText keeps valid text, emoji and RTL marks unchanged", "[sanitizer]") {
  const std::string text =
      "Amazon Aurora オーロラ \xF0\x9F\x98\x80 \xE2\x80\x8F\xE2\x80\xAE \xEF\xBB\xBF\t\n\r";
  CHECK(SanitizeText(text) == text);
}

TEST_CASE("SanitizeText removes controls, DEL, C1 controls, U+FFFE and U+FFFF", "[sanitizer]") {
  SanitizeStats stats;
  CHECK(SanitizeText("a\x01"
                     "b\x1F"
                     "c\x7F"
                     "d\xC2\x80"
                     "e\xC2\x9F"
                     "f\xEF\xBF\xBE"
                     "g\xEF\xBF\xBF"
                     "h\0i"s,
                     &stats) == "abcdefghi");
  CHECK(stats.removed_controls == 8);
  CHECK(stats.invalid_sequences == 0);
}

TEST_CASE("SanitizeText replaces each maximal ill-formed sequence by one U+FFFD", "[sanitizer]") {
  const std::string r = "\xEF\xBF\xBD";
  const auto clean = [](std::string_view s) {
    SanitizeStats stats;
    std::string out = SanitizeText(s, &stats);
    return std::make_pair(out, stats.invalid_sequences);
  };
  CHECK(clean("\xFF") == std::make_pair(r, std::size_t{1}));
  CHECK(clean("a\xC3(") == std::make_pair("a" + r + "(", std::size_t{1}));
  CHECK(clean("\xE3\x81") == std::make_pair(r, std::size_t{1}));                      // truncated
  CHECK(clean("\xC0\xAF") == std::make_pair(r + r, std::size_t{2}));                  // overlong
  CHECK(clean("\xE0\x80\xAF") == std::make_pair(r + r + r, std::size_t{3}));          // overlong
  CHECK(clean("\xED\xA0\x80") == std::make_pair(r + r + r, std::size_t{3}));          // surrogate
  CHECK(clean("\xF4\x90\x80\x80") == std::make_pair(r + r + r + r, std::size_t{4}));  // > U+10FFFF
  CHECK(clean("\xF0\x9F\x98") == std::make_pair(r, std::size_t{1}));  // truncated emoji
}

TEST_CASE("SanitizeText is idempotent on the hostile name", "[sanitizer]") {
  const std::string once = SanitizeText(testing::HostileName());
  CHECK(once == testing::HostileNameSanitized());
  CHECK(SanitizeText(once) == once);
}

TEST_CASE("EscapeXmlContent escapes markup and keeps CR as a reference", "[sanitizer]") {
  CHECK(EscapeXmlContent("a<b>&c]]>\"'\t\n\r\x01") == "a&lt;b&gt;&amp;c]]&gt;\"'\t\n&#13;");
}

TEST_CASE("EscapeXmlAttribute writes TAB, LF and CR as references", "[sanitizer]") {
  CHECK(EscapeXmlAttribute("a<b>&c\"'\t\n\r\x01") == "a&lt;b&gt;&amp;c&quot;'&#9;&#10;&#13;");
}

TEST_CASE("QuoteDotString escapes backslashes, quotes and line breaks", "[sanitizer]") {
  CHECK(QuoteDotString("node") == "\"node\"");
  CHECK(QuoteDotString("C:\\tmp \"q\"") == "\"C:\\\\tmp \\\"q\\\"\"");
  CHECK(QuoteDotString("trailing\\") == "\"trailing\\\\\"");
  CHECK(QuoteDotString("\\N a\nb\rc\td") == "\"\\\\N a\\nb\\rc\td\"");
}

TEST_CASE("QuoteCsvField doubles quotes and keeps newlines", "[sanitizer]") {
  CHECK(QuoteCsvField("a,\"b\"\nc\x02") == "\"a,\"\"b\"\"\nc\"");
  CHECK(QuoteCsvField("") == "\"\"");
}

TEST_CASE("QuoteSingleQuoted escapes backslash, quote and controls", "[sanitizer]") {
  CHECK(QuoteSingleQuoted("it's C:\\users\n\r\t\"`\x01") == "'it\\'s C:\\\\users\\n\\r\\t\"`'");
}

TEST_CASE("GraphmlId maps / to : and leaves slug keys readable", "[sanitizer]") {
  CHECK(GraphmlId("aws_service/amazon-aurora") == "aws_service:amazon-aurora");
  CHECK(GraphmlId("section/D1.L120") == "section:D1.L120");
  CHECK(GraphmlId("section/D1#L120") == "section:D1_23L120");
  CHECK(GraphmlId("company/日本") == "company:_E6_97_A5_E6_9C_AC");
  CHECK(GraphmlId("a:b c") == "a_3Ab_20c");
  CHECK(GraphmlId("x_1") == "x_5F1");
  CHECK(GraphmlId("") == "_5F");
}

TEST_CASE("GraphmlId is collision-free and NMTOKEN-valid on tricky keys", "[sanitizer]") {
  const std::vector<std::string> keys = {"a/b",   "a:b",   "a_3Ab",     "a_b",  "a_2Fb", "a/2Fb",
                                         "a_5F",  "a_",    "a__",       "_",    "",      "_5F",
                                         "x_A",   "x_5FA", "x/_A",      "a#b",  "a_23b", "a b",
                                         "a_20b", "日本",  "_E6_97_A5", "a\\b", "a\"b"};
  std::set<std::string> ids;
  for (const std::string& key : keys) {
    const std::string id = GraphmlId(key);
    INFO(key << " -> " << id);
    CHECK(ids.insert(id).second);
    CHECK(!id.empty());
    for (char c : id) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_' || c == ':';
      CHECK(ok);
    }
  }
}

TEST_CASE("JsonLdIri percent-encodes everything but unreserved characters and /", "[sanitizer]") {
  CHECK(JsonLdIri("aws_service/amazon-aurora") == "urn:kgx:aws_service/amazon-aurora");
  CHECK(JsonLdIri("section/D1#L1 x%") == "urn:kgx:section/D1%23L1%20x%25");
  CHECK(JsonLdIri("company/日本") == "urn:kgx:company/%E6%97%A5%E6%9C%AC");
  CHECK(PercentEncode("a/b", false) == "a%2Fb");
}

TEST_CASE("FormatDouble writes the shortest round-trip text whatever the locale", "[sanitizer]") {
  CHECK(FormatDouble(2.5) == "2.5");
  CHECK(FormatDouble(3.0) == "3");
  CHECK(FormatDouble(0.1) == "0.1");
  CHECK(FormatDouble(0.123456789012) == "0.123456789012");
  CHECK(FormatDouble(-0.0) == "0");
  CHECK(FormatDouble(2.5e16) == "2.5e+16");
  CHECK(FormatFloatLiteral(3.0) == "3.0");
  CHECK(FormatFloatLiteral(2.5e16) == "2.5e16");
  CHECK(FormatFloatLiteral(1e-7) == "1e-07");
  CHECK(FormatInteger(25000000000ULL) == "25000000000");
  // A global locale with a decimal comma changes nothing.
  if (std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr) {
    CHECK(FormatDouble(1234.5) == "1234.5");
    std::setlocale(LC_ALL, "C");
  }
}

}  // namespace
}  // namespace kgx
