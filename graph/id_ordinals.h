// IdOrdinals: numbers ids (entity ids) 0, 1, 2, … in the order they are first added, and finds
// them again. One flat open-addressing table whose slots keep part of the id's hash next to its
// ordinal, so a look-up compares text only when the hashes agree: a streamed run looks up every
// entity and mention of every document here.
#pragma once

#include <cstddef>
#include <cstdint>
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
  // The hash a slot keeps of an id.
  static std::uint32_t HashOf(std::string_view id);
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
