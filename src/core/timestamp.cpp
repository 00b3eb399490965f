#include "migmerge/core/timestamp.hpp"

#include <cstdio>

#include "civil_calendar.hpp"
#include "migmerge/core/error.hpp"

namespace migmerge::core {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

bool is_real_second(const Timestamp& ts) {
    return ts.month >= 1 && ts.month <= 12 && ts.day >= 1 &&
           ts.day <= days_in_month(ts.year, ts.month) && ts.hour < 24 && ts.minute < 60 &&
           ts.second < 60;
}

// Floor division, so instants before 1970 land on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

std::optional<Timestamp> Timestamp::parse(std::string_view digits) {
    if (digits.size() != 14 || !all_digits(digits)) return std::nullopt;
    Timestamp ts;
    ts.year = digits_at(digits, 0, 4);
    ts.month = digits_at(digits, 4, 2);
    ts.day = digits_at(digits, 6, 2);
    ts.hour = digits_at(digits, 8, 2);
    ts.minute = digits_at(digits, 10, 2);
    ts.second = digits_at(digits, 12, 2);
    if (!is_real_second(ts)) return std::nullopt;
    return ts;
}

std::string Timestamp::format() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute,
                  second);
    return buffer;
}

std::int64_t Timestamp::seconds_since_epoch() const {
    std::int64_t days = days_from_civil(year, month, day);
    return days * seconds_per_day + hour * 3600 + minute * 60 + second;
}

Timestamp Timestamp::from_seconds_since_epoch(std::int64_t seconds) {
    std::int64_t days = floor_div(seconds, seconds_per_day);
    std::int64_t rest = seconds - days * seconds_per_day;
    CivilDate date = civil_from_days(days);
    Timestamp ts;
    ts.year = static_cast<int>(date.year);
    ts.month = date.month;
    ts.day = date.day;
    ts.hour = static_cast<int>(rest / 3600);
    ts.minute = static_cast<int>(rest % 3600 / 60);
    ts.second = static_cast<int>(rest % 60);
    return ts;
}

Timestamp Timestamp::plus_seconds(std::int64_t seconds) const {
    Timestamp result = from_seconds_since_epoch(seconds_since_epoch() + seconds);
    // A name needs exactly four year digits; past 9999 no valid name exists.
    if (result.year < 0 || result.year > 9999) {
        throw bad_input("cannot add " + std::to_string(seconds) + " s to " + format(),
                        "the result is outside the years 0000-9999");
    }
    return result;
}

std::int64_t Timestamp::key() const {
    return ((((static_cast<std::int64_t>(year) * 100 + month) * 100 + day) * 100 + hour) * 100 +
            minute) *
               100 +
           second;
}

std::ostream& operator<<(std::ostream& out, const Timestamp& ts) {
    return out << ts.format();
}

}  // namespace migmerge::core
