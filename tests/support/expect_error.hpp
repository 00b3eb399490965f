#pragma once
// The one way tests expect a migmerge::Error: the exit code it carries and,
// optionally, a piece of its one-line message.
//
//     expect_error([&] { repo.resolve("nope"); }, ExitCode::bad_input, "unknown ref");
//     Error error = expect_error([&] { ... }, ExitCode::resource);
//     EXPECT_THAT(error.hint(), HasSubstr("--force"));
#include <functional>
#include <string>

#include "migmerge/core/error.hpp"

namespace migmerge::test {

// Runs `action`; fails the calling test (at the caller's file and line) unless
// it throws a migmerge::Error with exit code `code` whose one_line() contains
// `what_contains` (when that is not empty). Returns the error so the test can
// check its context, cause or hint too; Error(ExitCode::ok, ...) when nothing,
// or something else, was thrown.
Error expect_error(const std::function<void()>& action, ExitCode code,
                   const std::string& what_contains = {}, const char* file = __builtin_FILE(),
                   int line = __builtin_LINE());

}  // namespace migmerge::test
