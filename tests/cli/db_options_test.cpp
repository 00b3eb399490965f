// The database commands' options: --lock-timeout's range.
#include "db_options.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>

#include "support/expect_error.hpp"

namespace migmerge::cli {
namespace {

TEST(LockTimeout, AcceptsWholeSecondsUpToWhatPostgresqlTakes) {
    EXPECT_EQ(parse_lock_timeout("0"), std::chrono::seconds(0));
    EXPECT_EQ(parse_lock_timeout("300"), std::chrono::seconds(300));
    // lock_timeout is an int of milliseconds: 2147483000 fits, 2147484000 does not.
    EXPECT_EQ(parse_lock_timeout("2147483"), std::chrono::seconds(2147483));
}

// 99999999999999999999 overflowed on its way to milliseconds and crashed.
TEST(LockTimeout, RefusesEverythingElseInOneLine) {
    for (const char* text : {"2147484", "99999999999999999999", "-1", "abc", "1.5", "", "0x10",
                             " 5", "+5", "5s", "1e3"}) {
        Error error = test::expect_error([&] { parse_lock_timeout(text); }, ExitCode::bad_input);
        EXPECT_EQ(error.one_line(), std::string("invalid --lock-timeout '") + text +
                                        "': give a whole number of seconds from 0 to 2147483");
        EXPECT_EQ(error.hint(), "");
    }
}

TEST(LockTimeout, TheOptionChecksItsValueWhileParsing) {
    CLI::App app;
    app::RunRequest options;
    std::string node;
    add_run_options(app, options, node);
    app.parse(std::vector<std::string>{"60", "--lock-timeout"});  // CLI11 takes them reversed
    EXPECT_EQ(options.lock_timeout, std::chrono::seconds(60));
    test::expect_error(
        [&] {
            app.parse(std::vector<std::string>{"99999999999999999999", "--lock-timeout"});
        },
        ExitCode::bad_input, "invalid --lock-timeout");
}

}  // namespace
}  // namespace migmerge::cli
