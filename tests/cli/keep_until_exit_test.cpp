// KeepUntilExit: the object handed over is the one returned, unchanged, and many can be kept, from
// several threads; under LeakSanitizer (make sanitize) none of them is reported as leaked.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/keep_until_exit.h"

TEST_CASE("KeepUntilExit returns the object it was given, kept for good", "[cli]") {
  auto owned = std::make_unique<std::vector<std::string>>(3, "kept");
  const std::vector<std::string>* const address = owned.get();
  std::vector<std::string>& kept = kgx::KeepUntilExit(std::move(owned));
  CHECK(owned == nullptr);
  CHECK(&kept == address);
  CHECK(kept == std::vector<std::string>(3, "kept"));
  const std::string& constant = kgx::KeepUntilExit(std::make_unique<const std::string>("a constant"));
  CHECK(constant == "a constant");
}

TEST_CASE("KeepUntilExit keeps objects from several threads at once", "[cli]") {
  std::vector<std::thread> threads;
  std::vector<const std::string*> kept(4 * 100, nullptr);
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&kept, t] {
      for (std::size_t i = 0; i < 100; ++i) {
        kept[t * 100 + i] = &kgx::KeepUntilExit(std::make_unique<std::string>(std::to_string(t * 100 + i)));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < kept.size(); ++i) CHECK(*kept[i] == std::to_string(i));
}
