#pragma once
// Runs `action` and returns the migmerge::Error it throws, failing the test
// when it throws nothing.
#include <optional>
#include <utility>

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"

namespace migmerge::test {

template <typename Action>
Error expect_error(Action&& action) {
    try {
        std::forward<Action>(action)();
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected a migmerge::Error, none was thrown";
    return Error(ExitCode::ok, "nothing thrown");
}

}  // namespace migmerge::test
