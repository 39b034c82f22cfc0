// Input listing and reading (see reader.h). Files are read whole, one at a time; the caller
// keeps only one document (per worker) in memory.
#include "extractor/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "extractor/text_util.h"

namespace kgx {

namespace fs = std::filesystem;

std::size_t SourceText::FileOffset(std::size_t offset) const {
  auto it = std::upper_bound(shifts.begin(), shifts.end(), offset,
                             [](std::size_t o, const Shift& s) { return o < s.text_offset; });
  if (it == shifts.begin()) return offset;
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + std::prev(it)->delta);
}

namespace {

bool IsNoteFile(const fs::path& path) {
  const std::string ext = AsciiLowerCopy(path.extension().string());
  return ext == ".txt" || ext == ".md";
}

void CollectFolder(const fs::path& root, std::set<std::string>& files, std::vector<Warning>& warnings) {
  std::set<fs::path> visited;  // canonical folders, so symlink loops end
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      warnings.push_back({{dir.string()}, "cannot resolve folder: " + ec.message()});
      continue;
    }
    if (!visited.insert(canonical).second) {
      warnings.push_back({{dir.string()}, "folder already visited (symlink loop?), skipped"});
      continue;
    }
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      warnings.push_back({{dir.string()}, "cannot list folder: " + ec.message()});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      if (path.filename().string().starts_with(".")) continue;
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        pending.push_back(path);
      } else if (it->is_regular_file(type_ec) && IsNoteFile(path)) {
        files.insert(path.lexically_normal().string());
      }
    }
    if (ec) warnings.push_back({{dir.string()}, "error while listing folder: " + ec.message()});
  }
}

}  // namespace

std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        std::vector<Warning>& warnings) {
  std::set<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.insert("-");
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      warnings.push_back({{input}, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      CollectFolder(input, files, warnings);
    } else {
      files.insert(fs::path(input).lexically_normal().string());
    }
  }
  return {files.begin(), files.end()};
}

SourceText CleanSource(std::string path, std::string_view bytes, std::vector<Warning>& warnings) {
  SourceText source;
  source.path = std::move(path);
  std::size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    i = 3;
    source.shifts.push_back({0, 3});
  }
  source.text.reserve(bytes.size() - i);
  std::ptrdiff_t delta = static_cast<std::ptrdiff_t>(i);
  std::size_t line = 1;
  std::size_t bad_sequences = 0;
  constexpr std::size_t kMaxReported = 10;
  std::size_t run_start = i;  // start of the pending run of valid bytes
  while (i < bytes.size()) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      if (b == '\n') ++line;
      ++i;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(bytes, i, length);
    const bool is_literal_replacement = cp == 0xFFFD && length == 3 && bytes.compare(i, 3, "\xEF\xBF\xBD") == 0;
    if (cp != 0xFFFD || is_literal_replacement) {
      i += length;
      continue;
    }
    source.text.append(bytes.substr(run_start, i - run_start));
    if (++bad_sequences <= kMaxReported) {
      warnings.push_back({{source.path, line}, "invalid UTF-8 at byte offset " + std::to_string(i) +
                                                   ", replaced by U+FFFD"});
    }
    source.text.append("\xEF\xBF\xBD");
    delta += static_cast<std::ptrdiff_t>(length) - 3;
    source.shifts.push_back({source.text.size(), delta});
    i += length;
    run_start = i;
  }
  source.text.append(bytes.substr(run_start));
  if (bad_sequences > kMaxReported) {
    warnings.push_back({{source.path}, std::to_string(bad_sequences - kMaxReported) +
                                           " more invalid UTF-8 sequences replaced by U+FFFD"});
  }
  return source;
}

std::optional<SourceText> ReadSource(const std::string& path, std::vector<Warning>& warnings) {
  std::string bytes;
  std::string shown = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      warnings.push_back({{shown}, "is a folder, not a file; skipped"});
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      warnings.push_back({{shown}, std::string("cannot open: ") + std::strerror(errno) + "; skipped"});
      return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
      warnings.push_back({{shown}, "read error; skipped"});
      return std::nullopt;
    }
    bytes = std::move(content).str();
  }
  if (bytes.empty()) {
    warnings.push_back({{shown}, "empty file; skipped"});
    return std::nullopt;
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    warnings.push_back({{shown, line}, "binary file (NUL byte at offset " + std::to_string(nul) + "); skipped"});
    return std::nullopt;
  }
  return CleanSource(std::move(shown), bytes, warnings);
}

}  // namespace kgx
