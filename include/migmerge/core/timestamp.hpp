#pragma once
// A Sequelize migration timestamp, YYYYMMDDHHMMSS, as a calendar value.
// Arithmetic is calendar-correct (carries across minutes, hours, days, months,
// years and leap days) because the planner must never produce an invalid name.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace migmerge::core {

struct Timestamp {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;

    // Parses exactly 14 digits naming a real calendar second; nullopt otherwise.
    static std::optional<Timestamp> parse(std::string_view digits);
    std::string format() const;  // 14 digits
    Timestamp plus_seconds(std::int64_t seconds) const;
    std::int64_t seconds_since_epoch() const;  // UTC, proleptic Gregorian
    static Timestamp from_seconds_since_epoch(std::int64_t seconds);

    friend bool operator==(const Timestamp& a, const Timestamp& b) { return a.key() == b.key(); }
    friend bool operator!=(const Timestamp& a, const Timestamp& b) { return !(a == b); }
    friend bool operator<(const Timestamp& a, const Timestamp& b) { return a.key() < b.key(); }

  private:
    std::int64_t key() const;
};

std::ostream& operator<<(std::ostream& out, const Timestamp& ts);  // readable test output

}  // namespace migmerge::core
