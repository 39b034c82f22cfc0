// KeepUntilExit: hands over what a run builds and uses to its end (the compiled rules, the graph)
// so that it is never freed, yet stays reachable: leak checkers (LeakSanitizer) do not report it.
// Freeing them, millions of small allocations one by one, costs several percent of a run,
// serially at its end, and the system reclaims the memory at once when the process exits.
#pragma once

#include <memory>

namespace kgx {

namespace keep_until_exit_detail {
// Adds `object` to the list of kept objects (thread-safe).
void Hold(const void* object);
}  // namespace keep_until_exit_detail

// Releases `object`, keeps it until the process exits and returns it.
template <typename T>
T& KeepUntilExit(std::unique_ptr<T> object) {
  T* const kept = object.release();
  keep_until_exit_detail::Hold(kept);
  return *kept;
}

}  // namespace kgx
