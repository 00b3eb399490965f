#pragma once
// Two independent steps at once, e.g. hashing the migration files while the
// database connection does its round trips. Errors come out as if the steps
// had run one after the other: `first`'s error wins over `second`'s, so a
// missing folder is still reported before an unreachable database.
#include <exception>
#include <future>
#include <optional>
#include <utility>

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

}  // namespace migmerge::sys
