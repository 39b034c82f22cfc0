// Expanding the shared `[define NAME]` pattern pieces (see pattern_defines.h). Runs once per rule
// load, before the families compile: a scan of each pattern line for "{=", so loading costs no
// more than the few defines' own RE2 checks.
#include "extractor/pattern_defines.h"

#include <map>
#include <string>
#include <utility>

#include <re2/re2.h>

#include "extractor/regex_syntax.h"

namespace kgx {
namespace {

// Block kinds whose lines are patterns (or relation options holding patterns).
bool HoldsPatterns(std::string_view kind) {
  return kind == "discover" || kind == "section" || kind == "event" || kind == "context" || kind == "relation" ||
         kind == "relation.topic" || kind == "relation.define" || kind == kDefineBlockKind;
}

bool IsRelationKind(std::string_view kind) { return kind.substr(0, 8) == "relation"; }

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

// True when `piece` (a whole regex: it compiled alone) may stand in a pattern as written: one
// branch, not ending in an escape that the next character could extend (\x4 then 1).
bool StandsAlone(std::string_view piece) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(piece);
  return !tokens.empty() && piece[tokens.back().begin] != '\\' && IsSingleBranch(tokens);
}

// A repeat right after a use applies to the whole define: it must then be grouped.
bool RepeatFollows(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const char c = text[at];
  return c == '?' || c == '*' || c == '+' || (c == '{' && text.compare(at, 2, "{=") != 0);
}

class Expander {
 public:
  Expander(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics)
      : blocks_(blocks), diagnostics_(diagnostics) {}

  void Run() {
    CollectDefines();
    for (auto& [name, define] : defines_) Resolve(name, define, {});
    for (RuleBlock& block : blocks_) {
      if (block.kind == kDefineBlockKind || !HoldsPatterns(block.kind)) continue;
      for (RuleLine& line : block.lines) {
        if (line.text.find("{=") == std::string::npos) continue;
        std::string expanded;
        if (Expand(line, IsRelationKind(block.kind), {}, expanded)) line.text = std::move(expanded);
      }
    }
  }

 private:
  enum class State { kNew, kExpanding, kDone, kBroken };
  struct Define {
    const RuleBlock* block = nullptr;
    State state = State::kNew;
    std::string text;        // the expansion as inserted where grouping is needed: "(?:a|b)"
    std::string alone;       // the expansion as written, when it may stand ungrouped; else empty
  };

  void Report(Location where, std::string message) { diagnostics_.push_back({std::move(where), std::move(message), true}); }

  void CollectDefines() {
    std::map<std::string, const RuleBlock*> relation_defines;
    for (const RuleBlock& block : blocks_) {
      if (block.kind == "relation.define") relation_defines.emplace(block.argument, &block);
    }
    for (const RuleBlock& block : blocks_) {
      if (block.kind != kDefineBlockKind) continue;
      if (!IsDefineName(block.argument)) {
        Report(block.where, "define needs a NAME of letters, digits and '_' (got '" + block.argument + "')");
      } else if (block.lines.empty()) {
        Report(block.where, "define '" + block.argument + "' has no pattern");
      } else if (const auto earlier = defines_.find(block.argument); earlier != defines_.end()) {
        Report(block.where, "define '" + block.argument + "' is already defined at " +
                                earlier->second.block->where.ToString());
      } else if (const auto relation = relation_defines.find(block.argument); relation != relation_defines.end()) {
        Report(block.where, "define '" + block.argument + "' is also a [relation.define] at " +
                                relation->second->where.ToString());
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
    std::vector<std::string> lines;
    bool ok = true;
    for (const RuleLine& line : define.block->lines) {
      std::string expanded;
      if (!Expand(line, false, path, expanded)) {
        ok = false;
        continue;
      }
      if (const RE2 alone("(?:" + expanded + ")", RE2::Quiet); !alone.ok()) {
        Report(line.where, "define '" + name + "' does not compile: " + alone.error());
        ok = false;
        continue;
      }
      lines.push_back(std::move(expanded));
    }
    if (!ok) {
      define.state = State::kBroken;
      return;
    }
    for (const std::string& line : lines) define.text += (define.text.empty() ? "(?:" : "|") + line;
    define.text += ')';
    if (lines.size() == 1 && StandsAlone(lines.front())) define.alone = lines.front();
    define.state = State::kDone;
  }

  // Writes `line` with its defines expanded into `out`; returns false after reporting a problem.
  // `keep_unknown`: a name that is no shared define is left for the relation family.
  bool Expand(const RuleLine& line, bool keep_unknown, const std::vector<std::string>& path, std::string& out) {
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
        if (keep_unknown) continue;
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
};

}  // namespace

void ExpandPatternDefines(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics) {
  Expander(blocks, diagnostics).Run();
}

}  // namespace kgx
