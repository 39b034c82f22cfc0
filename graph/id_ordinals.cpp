// Id ordinals (see id_ordinals.h).
#include "graph/id_ordinals.h"

#include <algorithm>

namespace kgx {

std::size_t IdOrdinals::SlotOf(std::string_view id, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.ordinal == kNone || (slot.hash == hash && ids_[slot.ordinal] == id)) return i;
  }
}

std::uint32_t IdOrdinals::Find(std::string_view id) const {
  if (slots_.empty()) return kNone;
  return slots_[SlotOf(id, HashOf(id))].ordinal;
}

std::uint32_t IdOrdinals::Add(std::string_view id) {
  if ((ids_.size() + 1) * 2 > slots_.size()) Grow();
  return Add(id, HashOf(id));
}

void IdOrdinals::AddAll(const std::vector<std::string_view>& ids, std::vector<std::uint32_t>& ordinals) {
  hashes_.clear();
  for (const std::string_view id : ids) hashes_.push_back(HashOf(id));
  AddAll(ids, hashes_, ordinals);
}

void IdOrdinals::AddAll(const std::vector<std::string_view>& ids, const std::vector<std::uint32_t>& hashes,
                        std::vector<std::uint32_t>& ordinals) {
  while ((ids_.size() + ids.size()) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint32_t hash : hashes) __builtin_prefetch(&slots_[hash & mask]);
  for (const std::uint32_t hash : hashes) {
    const Slot& slot = slots_[hash & mask];
    if (slot.ordinal != kNone) __builtin_prefetch(&ids_[slot.ordinal]);
  }
  ordinals.clear();
  for (std::size_t i = 0; i < ids.size(); ++i) ordinals.push_back(Add(ids[i], hashes[i]));
}

std::uint32_t IdOrdinals::Add(std::string_view id, std::uint32_t hash) {
  Slot& slot = slots_[SlotOf(id, hash)];
  if (slot.ordinal == kNone) {
    slot = {hash, static_cast<std::uint32_t>(ids_.size())};
    ids_.emplace_back(id);
  }
  return slot.ordinal;
}

void IdOrdinals::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
  for (const Slot& slot : old) {
    if (slot.ordinal != kNone) slots_[SlotOf(ids_[slot.ordinal], slot.hash)] = slot;
  }
}

}  // namespace kgx
