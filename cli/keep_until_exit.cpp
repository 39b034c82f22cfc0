// Objects kept until the process exits (see keep_until_exit.h).
#include "cli/keep_until_exit.h"

#include <atomic>

namespace kgx::keep_until_exit_detail {

namespace {

struct Held {
  const void* object;
  const Held* next;
};

// The kept objects, newest first. A plain static pointer that nothing reads back may have its
// stores dropped by the optimizer (LeakSanitizer then saw the graph as leaked); an atomic's stores
// are always made, and several threads may keep objects at once.
std::atomic<const Held*> held{nullptr};

}  // namespace

void Hold(const void* object) {
  if (object == nullptr) return;
  auto* const node = new Held{object, held.load(std::memory_order_relaxed)};
  while (!held.compare_exchange_weak(node->next, node, std::memory_order_release, std::memory_order_relaxed)) {
  }
}

}  // namespace kgx::keep_until_exit_detail
