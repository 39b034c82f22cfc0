// Input listing and reading (see reader.h). Files are read whole, one at a time; the caller
// keeps only one document (per worker) in memory.
#include "extractor/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "extractor/text_util.h"
#include "extractor/utf8_window.h"
#include "extractor/wiki_dialect.h"

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
  return ext == ".txt" || ext == ".md" || ext == ".org" || WikiDialectOfExtension(ext) != WikiDialect::kNone;
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
    fs::directory_iterator it(dir, ec);  // an unreadable folder is a warning, not silence
    if (ec) {
      warnings.push_back({{dir.string()}, "cannot list folder: " + ec.message()});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      if (path.filename().string().starts_with(".")) continue;
      std::error_code type_ec;
      const fs::file_status target = it->status(type_ec);  // through symlinks
      if (fs::is_directory(target)) {
        pending.push_back(path);
        continue;
      }
      if (!IsNoteFile(path)) continue;
      if (fs::is_regular_file(target)) {
        files.insert(path.lexically_normal().string());
        continue;
      }
      // A note that cannot be read as a file: say so rather than lose it silently.
      const char* why = target.type() == fs::file_type::not_found ? "broken symbolic link; skipped"
                        : type_ec                                  ? "cannot read its type; skipped"
                                                                   : "not a regular file; skipped";
      warnings.push_back({{path.string()}, why});
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
    if (!fs::exists(status)) {
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      warnings.push_back({{input}, missing ? "no such file or folder" : "cannot read: " + ec.message()});
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

namespace {

// Returns the end of the run of ASCII bytes starting at `i`, eight bytes at a time.
std::size_t SkipAscii(std::string_view bytes, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
  return i;
}

// Returns the end of the run of common well-formed characters starting at `i`: ASCII, two
// bytes, and three bytes without the lead bytes E0 and ED (which need a range check); where it
// stops, DecodeUtf8 must decide. The reader's hot loop: most notes are ASCII and Japanese, read
// sixteen bytes at a time (CommonWindow), and the last few bytes one character at a time.
#ifdef __SSE2__
// Returns how many bytes from `p` (which starts a character) are ASCII and the common two- and
// three-byte characters SkipCommon passes: 16 plus the bytes of a character that begins in the
// sixteen and ends beyond them; 0 when one of the sixteen is anything else, with `first_other`
// set to it. Reads p[0] to p[17].
std::size_t CommonWindow(const unsigned char* p, unsigned& first_other) {
  using namespace utf8_window;
  const __m128i lead = Load(p);
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(lead));
  if (high == 0) return 16;
  const __m128i second_continues = AtMost(Load(p + 1), 0xBF);
  const __m128i e1_to_ef_but_ed = _mm_andnot_si128(Is(lead, 0xED), Between(lead, 0xE1, 0xEF));
  const __m128i three = _mm_and_si128(_mm_and_si128(e1_to_ef_but_ed, second_continues), AtMost(Load(p + 2), 0xBF));
  const __m128i two = _mm_and_si128(Between(lead, 0xC2, 0xDF), second_continues);
  const auto threes = static_cast<unsigned>(_mm_movemask_epi8(three));
  const unsigned leads = threes | static_cast<unsigned>(_mm_movemask_epi8(two));
  return Answer(high, leads | (leads << 1) | (threes << 2), first_other);  // leads and their continuation bytes
}
#endif

std::size_t SkipCommon(std::string_view bytes, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  while (i < n) {
#ifdef __SSE2__
    if (i + 18 <= n) {
      // Sixteen bytes at a time; the first byte that does not fit is where the run ends, as
      // everything before it is whole common characters.
      unsigned other = 0;
      const std::size_t passed = CommonWindow(p + i, other);
      if (passed == 0) return i + other;
      i += passed;
      continue;
    }
#endif
    const unsigned b = p[i];
    if (b < 0x80) {
      i = SkipAscii(bytes, i);
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED) {
      if (i + 2 >= n || ((p[i + 1] & 0xC0u) | ((p[i + 2] & 0xC0u) << 8)) != 0x8080u) return i;
      i += 3;
    } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0u) == 0x80u) {
      i += 2;
    } else {
      return i;
    }
  }
  return i;
}

}  // namespace

namespace {

// CleanSource; `owned`, when given, holds `bytes` and is taken as the text when it needs no
// change (no byte order mark, no invalid sequence: nearly every file), instead of copied.
SourceText Clean(std::string path, std::string_view bytes, std::string* owned, std::vector<Warning>& warnings) {
  SourceText source;
  source.path = std::move(path);
  std::size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    i = 3;
    source.shifts.push_back({0, 3});
  }
  if (owned == nullptr || i != 0) source.text.reserve(bytes.size() - i);
  std::ptrdiff_t delta = static_cast<std::ptrdiff_t>(i);
  std::size_t line = 1;
  std::size_t lines_counted_to = i;  // `line` counts the newlines before this offset
  std::size_t bad_sequences = 0;
  constexpr std::size_t kMaxReported = 10;
  std::size_t run_start = i;  // start of the pending run of valid bytes
  while (i < bytes.size()) {
    i = SkipCommon(bytes, i);
    if (i == bytes.size()) break;
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(bytes, i, length);
    const bool is_literal_replacement = cp == 0xFFFD && length == 3 && bytes.compare(i, 3, "\xEF\xBF\xBD") == 0;
    if (cp != 0xFFFD || is_literal_replacement) {
      i += length;
      continue;
    }
    if (source.text.capacity() < bytes.size() - run_start) source.text.reserve(bytes.size() - run_start);
    source.text.append(bytes.substr(run_start, i - run_start));
    // Lines are counted only here, for the warning: a bad sequence never holds a newline.
    line += static_cast<std::size_t>(std::count(bytes.begin() + static_cast<std::ptrdiff_t>(lines_counted_to),
                                                bytes.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
    lines_counted_to = i;
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
  if (run_start == 0 && owned != nullptr) {
    source.text = std::move(*owned);
  } else {
    source.text.append(bytes.substr(run_start));
  }
  if (bad_sequences > kMaxReported) {
    warnings.push_back({{source.path}, std::to_string(bad_sequences - kMaxReported) +
                                           " more invalid UTF-8 sequences replaced by U+FFFD"});
  }
  return source;
}

}  // namespace

SourceText CleanSource(std::string path, std::string_view bytes, std::vector<Warning>& warnings) {
  return Clean(std::move(path), bytes, nullptr, warnings);
}

namespace {

// Reads the whole file at `path` into `bytes`; returns "" or why it cannot be read. Opens
// without blocking, so a FIFO that no one writes to reads as empty instead of hanging the run;
// a pipe with a writer (`kgx extract <(zcat notes.gz)`) is read to its end as usual.
std::string ReadFileBytes(const std::string& path, std::string& bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::string("cannot open: ") + std::strerror(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return std::string("cannot read: ") + std::strerror(errno);
  if (S_ISDIR(info.st_mode)) return "is a folder, not a file";
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (S_ISREG(info.st_mode)) bytes.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return "";
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::string("read error: ") + std::strerror(errno);
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::optional<SourceText> ReadSource(const std::string& path, std::vector<Warning>& warnings) {
  std::string bytes;
  std::string shown = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (const std::string problem = ReadFileBytes(path, bytes); !problem.empty()) {
    warnings.push_back({{shown}, problem + "; skipped"});
    return std::nullopt;
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
  return Clean(std::move(shown), bytes, &bytes, warnings);
}

}  // namespace kgx
