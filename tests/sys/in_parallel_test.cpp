#include "migmerge/sys/in_parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"

namespace migmerge::sys {
namespace {

TEST(InParallel, ReturnsBothResults) {
    auto [text, number] = in_parallel([] { return std::string("files"); }, [] { return 42; });
    EXPECT_EQ(text, "files");
    EXPECT_EQ(number, 42);
}

// Each step waits until the other has started: run one after the other, they
// would never finish (the test would time out instead of failing an assert).
TEST(InParallel, RunsTheStepsAtTheSameTime) {
    std::atomic<int> started{0};
    auto step = [&started] {
        ++started;
        while (started < 2) std::this_thread::yield();
        return true;
    };
    auto [first, second] = in_parallel(step, step);
    EXPECT_TRUE(first && second);
}

TEST(InParallel, FirstStepsErrorWinsAsIfRunInOrder) {
    Error error = test::expect_error(
        [] {
            in_parallel([]() -> int { throw bad_input("no migrations folder"); },
                        []() -> int { throw resource_failure("cannot connect"); });
        },
        ExitCode::bad_input);
    EXPECT_EQ(error.one_line(), "no migrations folder");
}

TEST(InParallel, SecondStepsErrorComesOutWhenTheFirstSucceeds) {
    test::expect_error(
        [] {
            in_parallel([] { return 1; },
                        []() -> int { throw resource_failure("cannot connect"); });
        },
        ExitCode::resource, "cannot connect");
}

TEST(InParallel, WaitsForTheFirstStepEvenWhenTheSecondFails) {
    std::atomic<bool> finished{false};
    try {
        in_parallel(
            [&finished] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                finished = true;
                return 1;
            },
            []() -> int { throw std::runtime_error("second"); });
    } catch (const std::runtime_error&) {
    }
    EXPECT_TRUE(finished);
}

TEST(InParallelEach, RunsEveryStepOnce) {
    std::vector<int> ran(5, 0);
    in_parallel_each(ran.size(), [&ran](std::size_t i) { ++ran[i]; });
    EXPECT_EQ(ran, (std::vector<int>{1, 1, 1, 1, 1}));
}

TEST(InParallelEach, NoStepsIsNothingToDo) {
    in_parallel_each(0, [](std::size_t) { FAIL() << "no step should run"; });
}

// As RunsTheStepsAtTheSameTime: in order, the first step would wait forever.
TEST(InParallelEach, RunsTheStepsAtTheSameTime) {
    std::atomic<std::size_t> started{0};
    in_parallel_each(3, [&started](std::size_t) {
        ++started;
        while (started < 3) std::this_thread::yield();
    });
    EXPECT_EQ(started, 3u);
}

TEST(InParallelEach, TheLowestNumberedErrorWinsAndEveryStepFinishes) {
    std::atomic<bool> last_finished{false};
    Error error = test::expect_error(
        [&last_finished] {
            in_parallel_each(3, [&last_finished](std::size_t i) {
                if (i == 1) throw bad_input("step one");
                if (i == 2) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    last_finished = true;
                    throw resource_failure("step two");
                }
            });
        },
        ExitCode::bad_input);
    EXPECT_EQ(error.one_line(), "step one");
    EXPECT_TRUE(last_finished);
}

}  // namespace
}  // namespace migmerge::sys
