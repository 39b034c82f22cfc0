// IdOrdinals: numbers ids (entity ids) 0, 1, 2, … in the order they are first added, and finds
// them again. One flat open-addressing table whose slots keep part of the id's hash next to its
// ordinal, so a look-up compares text only when the hashes agree: a streamed run looks up every
// entity and mention of every document here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

class IdOrdinals {
 public:
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

  // Returns the ordinal of `id`, numbering it next when it is new.
  std::uint32_t Add(std::string_view id);
  // Add for each id in turn, into `ordinals`. The ids' slots and texts are fetched from memory
  // for all of them before the first is looked at: a document's entities are mostly ones the
  // caches no longer hold, and waiting for them one after another is what a look-up costs.
  void AddAll(const std::vector<std::string_view>& ids, std::vector<std::uint32_t>& ordinals);
  // The same with `hashes[i]` = HashOf(ids[i]) worked out beforehand (on a worker, see EntityRefs).
  void AddAll(const std::vector<std::string_view>& ids, const std::vector<std::uint32_t>& hashes,
              std::vector<std::uint32_t>& ordinals);
  // The hash a slot keeps of an id: eight bytes at a time, multiplied and folded (ids are tens of
  // bytes; std::hash's out-of-line Murmur cost several times as much per id, and a streamed run
  // hashes every mention's entity id on a worker). Only tables use it: no output depends on it.
  static std::uint32_t HashOf(std::string_view id) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    const char* const p = id.data();
    const std::size_t n = id.size();
    const auto load64 = [](const char* at) {
      std::uint64_t word;
      std::memcpy(&word, at, sizeof word);
      return word;
    };
    const auto load32 = [](const char* at) {
      std::uint32_t word;
      std::memcpy(&word, at, sizeof word);
      return std::uint64_t{word};
    };
    std::uint64_t h = (n + 1) * kMultiplier;
    const auto mix = [&](std::uint64_t word) {
      h = (h ^ word) * kMultiplier;
      h ^= h >> 29;
    };
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) mix(load64(p + i));
      mix(load64(p + n - 8));  // the last eight bytes, overlapping the word before when n % 8 != 0
    } else if (n >= 4) {
      mix(load32(p) | load32(p + n - 4) << 32);
    } else if (n > 0) {
      mix(static_cast<unsigned char>(p[0]) | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
          std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    h *= kMultiplier;
    return static_cast<std::uint32_t>(h >> 32);
  }
  // Returns the ordinal of `id`, or kNone.
  std::uint32_t Find(std::string_view id) const;
  std::size_t size() const { return ids_.size(); }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t ordinal = kNone;  // kNone: empty
  };
  // The slot that holds `id`, or the empty slot where it would go.
  std::size_t SlotOf(std::string_view id, std::uint32_t hash) const;
  std::uint32_t Add(std::string_view id, std::uint32_t hash);
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::string> ids_;
  std::vector<std::uint32_t> hashes_;  // scratch of AddAll
};

}  // namespace kgx
