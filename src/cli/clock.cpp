#include "clock.hpp"

#include <chrono>

namespace migmerge::cli {

core::Timestamp utc_now() {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return core::Timestamp::from_seconds_since_epoch(seconds.count());
}

}  // namespace migmerge::cli
