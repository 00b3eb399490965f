#pragma once
// Independent steps at once, e.g. hashing the migration files while the
// database connection does its round trips. Errors come out as if the steps
// had run one after the other: `first`'s error wins over `second`'s, so a
// missing folder is still reported before an unreachable database.
#include <cstddef>
#include <exception>
#include <future>
#include <optional>
#include <utility>
#include <vector>

namespace migmerge::sys {

// Runs `first` on a thread of its own and `second` on this one; returns both
// results once both are done. Nothing is left running when it returns or throws.
template <class First, class Second>
auto in_parallel(First&& first, Second&& second) {
    auto background = std::async(std::launch::async, std::forward<First>(first));
    std::optional<decltype(second())> second_result;
    std::exception_ptr second_error;
    try {
        second_result.emplace(second());
    } catch (...) {
        second_error = std::current_exception();
    }
    auto first_result = background.get();
    if (second_error) std::rethrow_exception(second_error);
    return std::make_pair(std::move(first_result), std::move(*second_result));
}

// step(0) .. step(count - 1) at once, step(0) on this thread, the others on
// threads of their own; returns once all are done. The lowest-numbered
// step's error wins, as if they had run in order. Nothing is left running
// when it returns or throws (a std::async future waits when destroyed).
template <class Step>
void in_parallel_each(std::size_t count, const Step& step) {
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < count; ++i) {
        others.push_back(std::async(std::launch::async, [&step, i] { step(i); }));
    }
    std::exception_ptr error;
    try {
        if (count > 0) step(std::size_t{0});
    } catch (...) {
        error = std::current_exception();
    }
    for (std::future<void>& other : others) {
        try {
            other.get();
        } catch (...) {
            if (!error) error = std::current_exception();
        }
    }
    if (error) std::rethrow_exception(error);
}

}  // namespace migmerge::sys
