// Expanding the shared `[define NAME]` pattern pieces (see pattern_defines.h). Runs once per rule
// load, before the families compile: a scan of each pattern line for "{=", and each define's lines
// parsed by RE2 (not compiled: the patterns that use them are).
#include "extractor/pattern_defines.h"

#include <map>
#include <utility>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractor/regex_syntax.h"

namespace kgx {
namespace {

bool IsDefineKind(std::string_view kind) { return kind == kDefineBlockKind || kind == kDeprecatedDefineBlockKind; }

// Block kinds whose lines are patterns (or relation options holding patterns).
bool HoldsPatterns(std::string_view kind) {
  return kind == "discover" || kind == "section" || kind == "event" || kind == "context" || kind == "relation" ||
         kind == "relation.topic";
}

bool IsDefineName(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

struct Reference {
  std::size_t begin = 0, end = 0;  // "{=NAME}" in the line
  std::string_view name;
};

// The {=NAME} of `text` outside escapes and character classes ("[{=]" is two characters).
std::vector<Reference> FindReferences(std::string_view text) {
  std::vector<Reference> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '[') {
      const std::size_t close = RegexClassEnd(text, i);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (text.compare(i, 2, "{=") == 0) {
      const std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) break;
      found.push_back({i, close + 1, text.substr(i + 2, close - i - 2)});
      i = close;
    }
  }
  return found;
}

// True when `tokens` set flags outside any group: `(?i)abc`, whose flags govern what follows it
// in the group around it.
bool FlagsAtTop(const std::vector<RegexToken>& tokens) {
  int depth = 0;
  for (const RegexToken& token : tokens) {
    if (token.piece == RegexPiece::kGroupOpen) ++depth;
    if (token.piece == RegexPiece::kGroupClose) --depth;
    if (token.piece == RegexPiece::kFlags && depth == 0) return true;
  }
  return false;
}

// True when `piece` (a whole regex: it compiled alone) may stand in a pattern as written: one
// branch, no flags that would govern the pattern after it, not ending in an escape that the next
// character could extend (\x4 then 1).
bool StandsAlone(std::string_view piece) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(piece);
  return !tokens.empty() && piece[tokens.back().begin] != '\\' && IsSingleBranch(tokens) && !FlagsAtTop(tokens);
}

// A repeat right after a use applies to the whole define: it must then be grouped.
bool RepeatFollows(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const char c = text[at];
  return c == '?' || c == '*' || c == '+' || (c == '{' && text.compare(at, 2, "{=") != 0);
}

// `lines` (each a whole regex) as one group, a line with top-level flags in a group of its own.
template <typename Lines, typename TextOf>
std::string GroupOf(const Lines& lines, TextOf text_of) {
  std::string group = "(?:";
  for (const auto& line : lines) {
    const std::string_view text = text_of(line);
    if (group.size() > 3) group += '|';
    if (FlagsAtTop(ReadRegexTokens(text))) {
      group.append("(?:").append(text).append(")");
    } else {
      group.append(text);
    }
  }
  return group + ')';
}

class Expander {
 public:
  Expander(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics)
      : blocks_(blocks), diagnostics_(diagnostics), parser_(RE2::Quiet, RE2::UNANCHORED) {}

  void Run() {
    CollectDefines();
    for (auto& [name, define] : defines_) Resolve(name, define, {});
    for (RuleBlock& block : blocks_) {
      if (!HoldsPatterns(block.kind)) continue;
      for (RuleLine& line : block.lines) {
        if (line.text.find("{=") == std::string::npos) continue;
        std::string expanded;
        if (Expand(line, {}, expanded)) line.text = std::move(expanded);
      }
    }
    // Each define block as the families read it: a `define`, its lines expanded.
    for (RuleBlock& block : blocks_) {
      if (IsDefineKind(block.kind)) block.kind = kDefineBlockKind;
    }
    for (auto& [name, define] : defines_) {
      if (define.state != State::kDone) continue;
      for (std::size_t i = 0; i < define.lines.size(); ++i) define.block->lines[i].text = std::move(define.lines[i]);
    }
  }

 private:
  enum class State { kNew, kExpanding, kDone, kBroken };
  struct Define {
    RuleBlock* block = nullptr;
    State state = State::kNew;
    std::vector<std::string> lines;  // expanded
    std::string text;                // the expansion as inserted where grouping is needed: "(?:a|b)"
    std::string alone;               // the expansion as written, when it may stand ungrouped; else empty
  };

  void Report(Location where, std::string message) { diagnostics_.push_back({std::move(where), std::move(message), true}); }

  void CollectDefines() {
    for (RuleBlock& block : blocks_) {
      if (!IsDefineKind(block.kind)) continue;
      if (block.kind == kDeprecatedDefineBlockKind) {
        diagnostics_.push_back({block.where, "[relation.define " + block.argument + "] is deprecated: write [define " +
                                                 block.argument + "], which every family reads", false});
      }
      if (!IsDefineName(block.argument)) {
        Report(block.where, "define needs a NAME of letters, digits and '_' (got '" + block.argument + "')");
      } else if (block.lines.empty()) {
        Report(block.where, "define '" + block.argument + "' has no pattern");
      } else if (const auto earlier = defines_.find(block.argument); earlier != defines_.end()) {
        Report(block.where, "define '" + block.argument + "' is already defined at " +
                                earlier->second.block->where.ToString());
      } else {
        defines_[block.argument].block = &block;
      }
    }
  }

  // Expands `name` (and the defines it uses) once; `path` is the chain being expanded.
  void Resolve(const std::string& name, Define& define, std::vector<std::string> path) {
    if (define.state != State::kNew) return;
    define.state = State::kExpanding;
    path.push_back(name);
    bool ok = true;
    for (const RuleLine& line : define.block->lines) {
      std::string expanded;
      if (!Expand(line, path, expanded)) {
        ok = false;
        continue;
      }
      // A line must be a whole regex (RE2::Set::Add parses it and compiles nothing: a line costs a
      // tenth of an RE2 of it, which the patterns that use the define compile anyway).
      if (std::string error; parser_.Add(expanded, &error) < 0) {
        Report(line.where, "define '" + name + "' does not compile: " + error);
        ok = false;
        continue;
      }
      define.lines.push_back(std::move(expanded));
    }
    if (!ok) {
      define.state = State::kBroken;
      return;
    }
    define.text = GroupOf(define.lines, [](const std::string& line) { return std::string_view(line); });
    if (define.lines.size() == 1 && StandsAlone(define.lines.front())) define.alone = define.lines.front();
    define.state = State::kDone;
  }

  // Writes `line` with its defines expanded into `out`; returns false after reporting a problem.
  bool Expand(const RuleLine& line, const std::vector<std::string>& path, std::string& out) {
    const std::string_view text(line.text);
    bool ok = true;
    std::size_t copied = 0;
    for (const Reference& ref : FindReferences(text)) {
      out.append(text.substr(copied, ref.begin - copied));
      copied = ref.end;
      Location where = line.where;
      where.column += ref.begin;
      const std::string name(ref.name);
      const auto it = defines_.find(name);
      if (it == defines_.end()) {
        out.append(text.substr(ref.begin, ref.end - ref.begin));
        Report(where, IsDefineName(name) ? "unknown define '" + name + "' (no [define " + name + "] block)"
                                          : "bad define name '" + name + "' (letters, digits and '_')");
        ok = false;
        continue;
      }
      Define& define = it->second;
      if (define.state == State::kExpanding) {
        std::string chain;
        for (const std::string& step : path) chain += step + " -> ";
        Report(where, "recursive define '" + name + "' (" + chain + name + ")");
        ok = false;
        continue;
      }
      Resolve(name, define, path);
      if (define.state != State::kDone) {
        ok = false;  // reported where the define is
        continue;
      }
      out += define.alone.empty() || RepeatFollows(text, ref.end) ? define.text : define.alone;
    }
    out.append(text.substr(copied));
    return ok;
  }

  std::vector<RuleBlock>& blocks_;
  std::vector<RuleDiagnostic>& diagnostics_;
  std::map<std::string, Define> defines_;
  RE2::Set parser_;  // never compiled
};

}  // namespace

void ExpandPatternDefines(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics) {
  Expander(blocks, diagnostics).Run();
}

std::string DefineGroup(const RuleBlock& define) {
  return GroupOf(define.lines, [](const RuleLine& line) { return std::string_view(line.text); });
}

}  // namespace kgx
