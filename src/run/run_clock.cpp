#include "run_clock.hpp"

#include <unistd.h>

#include <chrono>

namespace migmerge::run {
namespace {

std::int64_t seconds_since_epoch() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string two_digits(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

core::Timestamp utc_now() {
    return core::Timestamp::from_seconds_since_epoch(seconds_since_epoch());
}

std::string utc_now_iso8601() {
    const core::Timestamp t = utc_now();
    return std::to_string(t.year) + "-" + two_digits(t.month) + "-" + two_digits(t.day) + "T" +
           two_digits(t.hour) + ":" + two_digits(t.minute) + ":" + two_digits(t.second) + "Z";
}

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "unknown";
    return name;
}

}  // namespace migmerge::run
