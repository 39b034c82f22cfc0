# Fails when CTest registers fewer (or more) tests for a Catch2 binary than the binary holds:
# catch_discover_tests splits the listed names as a CMake list, so a '[', ']' or ';' in a
# TEST_CASE name silently merges or drops the tests after it.
# Usage: cmake -DBINARY=<test binary> -DPREFIX=<TEST_PREFIX> -DCTEST=<ctest> -DBUILD_DIR=<dir> -P <this file>

execute_process(COMMAND "${BINARY}" --list-test-names-only
                OUTPUT_VARIABLE listed RESULT_VARIABLE listed_rc)
# Catch2 v2 (Debian's) exits with the number of tests listed: only a crash is a failure.
if(NOT listed_rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "${BINARY} --list-test-names-only failed (${listed_rc})")
endif()
# Count non-empty lines without making a CMake list of the names (they may hold ';' or brackets).
string(REGEX REPLACE "\n[\n]+" "\n" listed "${listed}")
string(STRIP "${listed}" listed)
string(REGEX REPLACE "[^\n]" "" newlines "${listed}")
string(LENGTH "${newlines}" in_binary)
if(NOT listed STREQUAL "")
  math(EXPR in_binary "${in_binary} + 1")
endif()

execute_process(COMMAND "${CTEST}" --test-dir "${BUILD_DIR}" -N -R "^${PREFIX}"
                OUTPUT_VARIABLE registered_out RESULT_VARIABLE ctest_rc)
if(NOT ctest_rc EQUAL 0 OR NOT registered_out MATCHES "Total Tests: ([0-9]+)")
  message(FATAL_ERROR "ctest -N failed for '${PREFIX}' (${ctest_rc}): ${registered_out}")
endif()
set(registered "${CMAKE_MATCH_1}")

if(NOT in_binary EQUAL registered)
  math(EXPR missing "${in_binary} - ${registered}")
  message(FATAL_ERROR
    "${BINARY} holds ${in_binary} test cases but CTest registers ${registered} under '${PREFIX}' "
    "(difference ${missing}): a '[' or ']' in a TEST_CASE name drops the tests after it, a ';' "
    "splits the name in two that match no test. Rename the test case.")
endif()
message(STATUS "${BINARY}: ${in_binary} test cases, all registered")
