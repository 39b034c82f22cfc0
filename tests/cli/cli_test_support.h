// What the end-to-end tests of the kgx binary share: reading and writing files, a scratch
// folder per test, and running `kgx` through the shell with both streams captured.
// KGX_BINARY and KGX_SOURCE_DIR come from tests/CMakeLists.txt.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kgx_test {

namespace fs = std::filesystem;

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh folder under the system's temporary folder, named after the test group and the
// process (CTest runs tests in parallel).
inline fs::path FreshFolder(const std::string& group, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("kgx-" + group + "-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct Run {
  int status = -1;  // exit status, -1 when killed by a signal
  std::string out, err;
};

// Runs `kgx ARGS` (shell words) in `dir`, capturing both streams.
inline Run Kgx(const std::string& args, const fs::path& dir) {
  const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string command = "cd '" + dir.string() + "' && '" KGX_BINARY "' " + args + " > '" + out.string() +
                              "' 2> '" + err.string() + "'";
  const int raw = std::system(command.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(out), ReadFile(err)};
}

}  // namespace kgx_test
