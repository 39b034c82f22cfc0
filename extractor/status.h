// Status and Result<T>: expected failures as values, with a code, a message and a location.
// Used by every stage; printed compiler-style (`file:line:col: message`) at the command line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kgx {

enum class ErrorCode {
  kOk,
  kInvalidArgument,  // bad usage: unknown option, bad query, unknown format
  kInvalidRules,     // a rule file does not load or compile
  kIo,               // a file cannot be read or written
  kNotFound,         // a named thing (entity, file) does not exist
};

// Where an error points: a file and, when known, a 1-based line and column.
struct Location {
  std::string file;
  std::size_t line = 0;    // 0 = no line
  std::size_t column = 0;  // 0 = no column

  // Returns "file:line:col", "file:line", "file" or "" depending on what is known.
  std::string ToString() const;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, Location where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  // Returns "where: message" (or just the message when there is no location).
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  Location where_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace kgx
