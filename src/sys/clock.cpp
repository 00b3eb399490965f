#include "migmerge/sys/clock.hpp"

#include <fmt/format.h>

#include <chrono>

namespace migmerge::sys {

core::Timestamp utc_now() {
    using namespace std::chrono;
    auto seconds = duration_cast<std::chrono::seconds>(system_clock::now().time_since_epoch());
    return core::Timestamp::from_seconds_since_epoch(seconds.count());
}

std::string utc_now_iso8601() {
    const core::Timestamp t = utc_now();
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour,
                       t.minute, t.second);
}

}  // namespace migmerge::sys
