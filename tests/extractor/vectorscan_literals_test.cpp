// CompileLiteralDatabase: caseless literals are found in any ASCII case, and literals without
// letters (kana, `->`), compiled exactly, are found as before.
#include <catch2/catch.hpp>
#include <hs/hs.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extractor/vectorscan_scratch.h"

namespace {

// The (id, end) of every literal `db` reports in `text`, in report order.
std::vector<std::pair<unsigned, unsigned long long>> Scan(const hs_database_t* db, const std::string& text) {
  std::vector<std::pair<unsigned, unsigned long long>> hits;
  hs_scratch_t* scratch = kgx::VectorscanScratchFor(db, kgx::NewVectorscanSerial());
  REQUIRE(scratch != nullptr);
  const auto collect = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* context) {
    static_cast<std::vector<std::pair<unsigned, unsigned long long>>*>(context)->emplace_back(id, to);
    return 0;
  };
  REQUIRE(hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, collect, &hits) == HS_SUCCESS);
  return hits;
}

}  // namespace

TEST_CASE("caseless literal databases fold letters and match the rest exactly", "[vectorscan]") {
  const std::vector<std::string> literals = {"migrated", "k8s", "から", "->", "の中の人"};
  std::string error;
  int failed = 0;
  const std::unique_ptr<hs_database_t, decltype(&hs_free_database)> db(
      kgx::CompileLiteralDatabase(literals, HS_FLAG_CASELESS, error, failed), hs_free_database);
  REQUIRE(db);
  using Hits = std::vector<std::pair<unsigned, unsigned long long>>;
  // English: any case of a literal with a letter, digits included.
  CHECK(Scan(db.get(), "MIGRATED to K8S") == Hits{{0, 8}, {1, 15}});
  CHECK(Scan(db.get(), "Migrated -> k8S") == Hits{{0, 8}, {3, 11}, {1, 15}});
  // Japanese: the kana and kanji literals where they stand, and not in near misses.
  CHECK(Scan(db.get(), "AWSからGCPへ") == Hits{{2, 9}});
  CHECK(Scan(db.get(), "チームの中の人 -> 移行") == Hits{{4, 21}, {3, 24}});
  CHECK(Scan(db.get(), "がら の中 - >").empty());
  // Without the flag, case matters for the letters again.
  const std::unique_ptr<hs_database_t, decltype(&hs_free_database)> exact(
      kgx::CompileLiteralDatabase(literals, 0, error, failed), hs_free_database);
  REQUIRE(exact);
  CHECK(Scan(exact.get(), "MIGRATED k8s から") == Hits{{1, 12}, {2, 19}});
}
