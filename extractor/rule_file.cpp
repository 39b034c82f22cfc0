// Splitting rule files into located blocks (see rule_file.h).
#include "extractor/rule_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/line_walk.h"
#include "extractor/text_util.h"

namespace kgx {

std::string RuleDiagnostic::ToString() const {
  std::string out = where.ToString();
  if (!out.empty()) out += ": ";
  out += is_error ? "error: " : "warning: ";
  out += message;
  return out;
}

namespace {

// A block header is '[', a kind made of letters, digits, '_' and '.', an optional argument and
// ']'. Pattern lines may start with a character class such as `[。.!]`: those are not headers.
bool LooksLikeHeader(std::string_view content) {
  if (content.size() < 2 || content.front() != '[') return false;
  std::size_t i = 1;
  if (!((content[i] >= 'a' && content[i] <= 'z') || (content[i] >= 'A' && content[i] <= 'Z'))) return false;
  while (i < content.size() && (IsAsciiAlnum(static_cast<unsigned char>(content[i])) || content[i] == '_' || content[i] == '.')) ++i;
  if (i == content.size()) return true;  // "[kind" without ']': a broken header
  if (content[i] == ']') return i + 1 == content.size();
  if (content[i] != ' ' && content[i] != '\t') return false;
  // "[kind argument]" or "[kind argument" (broken); a ']' inside means a pattern
  const std::size_t close = content.find(']', i);
  return close == std::string_view::npos || close + 1 == content.size();
}

}  // namespace

std::vector<RuleBlock> ParseRuleText(std::string_view text, const std::string& file,
                                     std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<RuleBlock> blocks;
  bool reported_orphan = false;
  bool reported_nul = false;
  std::size_t line_number = 0;
  if (!IsValidUtf8(text)) {
    diagnostics.push_back({{file, 0, 0}, "rule file is not valid UTF-8", true});
    return blocks;
  }
  for (const TextLine& raw : LineWalk(text)) {
    ++line_number;
    std::string_view line = raw.text;  // without its '\r\n'
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    const std::string_view content = TrimAscii(line);
    if (content.empty()) continue;  // blank (spaces, tabs, stray carriage returns)
    const std::size_t indent = line.find_first_not_of(" \t\r");
    if (content.front() == '#') continue;  // comment
    const Location where{file, line_number, indent + 1};
    if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
      // A NUL is never rule text (and cannot be a Vectorscan literal): a binary or broken file.
      // Reported once per file; every such line is ignored.
      if (!reported_nul) diagnostics.push_back({{file, line_number, nul + 1}, "NUL byte in rule text", true});
      reported_nul = true;
      continue;
    }
    if (LooksLikeHeader(content)) {
      if (content.back() != ']') {
        diagnostics.push_back({where, "block header must end with ']'", true});
        blocks.push_back({"", "", where, {}});  // swallow the block's lines quietly
        continue;
      }
      const std::string_view inner = TrimAscii(content.substr(1, content.size() - 2));
      const std::size_t space = inner.find_first_of(" \t");
      RuleBlock block;
      block.kind = std::string(inner.substr(0, space));
      if (space != std::string_view::npos) block.argument = std::string(TrimAscii(inner.substr(space)));
      block.where = where;
      blocks.push_back(std::move(block));
      continue;
    }
    if (blocks.empty()) {
      if (!reported_orphan) {
        diagnostics.push_back({where, "rule line before any [block] header", true});
        reported_orphan = true;
      }
      continue;
    }
    blocks.back().lines.push_back({std::string(content), where});
  }
  // Blocks whose header was malformed carry no kind; drop them (already reported).
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [](const RuleBlock& b) { return b.kind.empty(); }),
               blocks.end());
  return blocks;
}

std::vector<RuleBlock> LoadRuleDirectory(const std::string& dir,
                                         std::vector<RuleDiagnostic>& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<RuleBlock> all;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diagnostics.push_back({{dir, 0, 0}, "rules directory does not exist or is not a directory", true});
    return all;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".rules" && entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  if (ec) diagnostics.push_back({{dir, 0, 0}, "cannot list rules directory: " + ec.message(), true});
  std::sort(files.begin(), files.end());
  if (files.empty()) diagnostics.push_back({{dir, 0, 0}, "no *.rules files in rules directory", true});
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in.good() && !in.eof()) {
      diagnostics.push_back({{path.string(), 0, 0}, "cannot read rule file", true});
      continue;
    }
    auto blocks = ParseRuleText(content.str(), path.string(), diagnostics);
    std::move(blocks.begin(), blocks.end(), std::back_inserter(all));
  }
  return all;
}

}  // namespace kgx
