#pragma once
// Polling for a condition another process brings about, with a deadline.
#include <chrono>
#include <thread>

namespace migmerge::test {

template <class Condition>
bool wait_until(Condition&& condition, std::chrono::seconds deadline = std::chrono::seconds(30)) {
    auto give_up = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < give_up) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace migmerge::test
