#include "support/expect_error.hpp"

#include <gtest/gtest.h>

#include <exception>

namespace migmerge::test {

Error expect_error(const std::function<void()>& action, ExitCode code,
                   const std::string& what_contains, const char* file, int line) {
    try {
        action();
    } catch (const Error& error) {
        if (error.code() != code) {
            ADD_FAILURE_AT(file, line)
                << "exit code " << static_cast<int>(error.code()) << ", expected "
                << static_cast<int>(code) << ": " << error.one_line();
        }
        if (error.one_line().find(what_contains) == std::string::npos) {
            ADD_FAILURE_AT(file, line)
                << "the error does not mention \"" << what_contains << "\": " << error.one_line();
        }
        return error;
    } catch (const std::exception& other) {
        ADD_FAILURE_AT(file, line) << "expected a migmerge::Error, got: " << other.what();
        return Error(ExitCode::ok, "another exception was thrown");
    }
    ADD_FAILURE_AT(file, line) << "expected a migmerge::Error, none was thrown";
    return Error(ExitCode::ok, "nothing thrown");
}

}  // namespace migmerge::test
