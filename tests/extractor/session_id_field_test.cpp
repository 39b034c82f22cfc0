// SessionIdField: a session catalog's code field, its labels read from [section session_id] rules
// ("Session ID", "セッションID"), and what `kgx rules check` says of a label that cannot be one.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/session_id_field.h"

namespace {

// The field compiled from `rules` (one [section session_id] block); its diagnostics in `diagnostics`.
kgx::SessionIdField FieldOf(std::string_view rules, std::vector<kgx::RuleDiagnostic>& diagnostics) {
  kgx::SessionIdField field;
  for (const kgx::RuleBlock& block : kgx::ParseRuleText(rules, "s.rules", diagnostics)) {
    field.AddLabels(block, diagnostics);
  }
  return field;
}

const std::string_view kShipped =
    "[section session_id]\nSession ID\nSession code\nSession number\nセッションID\nセッションコード\nセッション番号\n";

}  // namespace

TEST_CASE("a session field reads a code alone after a label of the rules", "[session_id_field]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const kgx::SessionIdField field = FieldOf(kShipped, diagnostics);
  CHECK(diagnostics.empty());
  const auto at = field.Code("Session ID: SVS401");
  REQUIRE(at.has_value());
  CHECK(std::string_view("Session ID: SVS401").substr(at->first, at->second) == "SVS401");
  CHECK(field.Code("session code : KEY-01").has_value());
  CHECK(field.Code("  SESSION ID: KEY-01").has_value());
  CHECK(field.Code("セッションID: AIM-21").has_value());
  CHECK(field.Code("セッション番号: A-3").has_value());
  // negative: words, a code with no digit or no letter, another label, a code with text after it
  CHECK_FALSE(field.Code("Session ID: see below").has_value());
  CHECK_FALSE(field.Code("Session ID: 2026").has_value());
  CHECK_FALSE(field.Code("Session type: Breakout session").has_value());
  CHECK_FALSE(field.Code("Session ID: SVS401 (repeat)").has_value());
  CHECK_FALSE(field.Code("Ticket ID: OPS-123").has_value());
  // a label the rules do not list is none
  CHECK_FALSE(field.Code("講演番号: CUS-12").has_value());
  CHECK_FALSE(field.MayBeField("講演番号: CUS-12"));
}

TEST_CASE("a session field takes the labels a user adds, a longer one after its prefix", "[session_id_field]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const kgx::SessionIdField field = FieldOf("[section session_id]\nSession No\nSession No.\n講演番号\n", diagnostics);
  CHECK(diagnostics.empty());
  CHECK(field.Code("Session No.: SVS401").has_value());
  CHECK(field.Code("session no: SVS401").has_value());
  CHECK(field.MayBeField("講演番号: CUS-12"));
  CHECK(field.Code("講演番号: CUS-12").has_value());
  // negative: the label must be followed by its colon; "Session ID" is not listed here
  CHECK_FALSE(field.Code("Session Notes: SVS401").has_value());
  CHECK_FALSE(field.Code("Session ID: SVS401").has_value());
  CHECK_FALSE(field.Code("講演番号は CUS-12").has_value());
}

TEST_CASE("no session_id rules, no session field", "[session_id_field]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const kgx::SessionIdField field = FieldOf("[section speaker]\n^Speaker:\n", diagnostics);
  CHECK(field.empty());
  CHECK_FALSE(field.MayBeField("Session ID: SVS401"));
  CHECK_FALSE(field.MayBeField("  Session ID: SVS401"));
  CHECK_FALSE(field.Code("Session ID: SVS401").has_value());
}

TEST_CASE("a session_id label with a colon or without a letter is an error at its line", "[session_id_field]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const kgx::SessionIdField field = FieldOf("[section session_id]\nSession ID:\n講演番号：\n123\nTalk ID\n", diagnostics);
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].ToString().find("s.rules:2:1: error: session_id label 'Session ID:' holds a colon") == 0);
  CHECK(diagnostics[1].ToString().find("s.rules:3:1: error: session_id label '講演番号：' holds a colon") == 0);
  CHECK(diagnostics[2].ToString().find("s.rules:4:1: error: session_id label '123' has no letter") == 0);
  // the good label after them is taken
  CHECK(field.Code("Talk ID: ABC-1").has_value());
  CHECK_FALSE(field.Code("Session ID: SVS401").has_value());
}
