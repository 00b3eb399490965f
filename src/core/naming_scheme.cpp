#include "migmerge/core/naming_scheme.hpp"

#include "migmerge/core/error.hpp"
#include "migmerge/core/timestamp.hpp"

namespace migmerge::core {
namespace {

constexpr std::int64_t second_ms = 1000;
constexpr std::int64_t minute_ms = 60 * second_ms;
constexpr std::int64_t smallest_epoch_millis = 1000000000000;  // 2001-09-09, 13 digits
constexpr std::int64_t largest_epoch_millis = 9999999999999;   // 2286-11-20

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// How many digits `text` starts with.
std::size_t leading_digits(std::string_view text) {
    std::size_t count = 0;
    while (count < text.size() && is_digit(text[count])) ++count;
    return count;
}

std::optional<DatedPrefix> interval(NamingScheme scheme, std::size_t length,
                                    const std::optional<Timestamp>& ts) {
    if (!ts) return std::nullopt;
    std::int64_t start = ts->seconds_since_epoch() * second_ms;
    return DatedPrefix{scheme, length, start, start + precision_ms(scheme)};
}

// 12, 14 and 15 digits: a calendar time; 12 and 15 name a minute.
std::optional<DatedPrefix> read_digits(std::string_view digits) {
    switch (digits.size()) {
        case 14:
            return interval(NamingScheme::sequelize_cli, 14, Timestamp::parse(digits));
        case 12:
            return interval(NamingScheme::minutes, 12,
                            Timestamp::parse(std::string(digits) + "00"));
        case 15:
            return interval(NamingScheme::long_digits, 15,
                            Timestamp::parse(std::string(digits.substr(0, 12)) + "00"));
        case 13: {
            std::int64_t ms = std::stoll(std::string(digits));
            if (ms < smallest_epoch_millis) return std::nullopt;
            return DatedPrefix{NamingScheme::epoch_millis, 13, ms, ms + 1};
        }
    }
    return std::nullopt;
}

// YYYY-MM-DDtHH-MM-SS: the dashes and the 't' where @sequelize/cli puts them.
std::optional<DatedPrefix> read_sequelize7(std::string_view name) {
    static constexpr std::string_view pattern = "dddd-dd-ddtdd-dd-dd";
    if (name.size() <= pattern.size()) return std::nullopt;
    std::string digits;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        bool fits = pattern[i] == 'd' ? is_digit(name[i]) : name[i] == pattern[i];
        if (!fits) return std::nullopt;
        if (pattern[i] == 'd') digits += name[i];
    }
    return interval(NamingScheme::sequelize7, pattern.size(), Timestamp::parse(digits));
}

}  // namespace

std::optional<DatedPrefix> read_dated_prefix(std::string_view name) {
    std::optional<DatedPrefix> prefix = read_sequelize7(name);
    if (!prefix) prefix = read_digits(name.substr(0, leading_digits(name)));
    if (!prefix || name.size() <= prefix->length || name[prefix->length] != '-') {
        return std::nullopt;
    }
    return prefix;
}

std::int64_t precision_ms(NamingScheme scheme) {
    switch (scheme) {
        case NamingScheme::epoch_millis:
            return 1;
        case NamingScheme::minutes:
        case NamingScheme::long_digits:
            return minute_ms;
        default:
            return second_ms;
    }
}

std::string format_prefix(NamingScheme scheme, std::int64_t ms) {
    if (scheme == NamingScheme::epoch_millis) {
        if (ms < smallest_epoch_millis || ms > largest_epoch_millis) {
            throw bad_input(
                "cannot name the instant " + std::to_string(ms) + " ms in epoch milliseconds",
                "it needs other than 13 digits");
        }
        return std::to_string(ms);
    }
    const Timestamp ts = Timestamp{}.plus_seconds(ms / second_ms);  // checks the year range
    std::string digits = ts.format();
    switch (scheme) {
        case NamingScheme::sequelize7:
            return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) +
                   "t" + digits.substr(8, 2) + "-" + digits.substr(10, 2) + "-" +
                   digits.substr(12, 2);
        case NamingScheme::minutes:
            return digits.substr(0, 12);
        case NamingScheme::long_digits:
            return digits.substr(0, 12) + "000";
        default:
            return digits;
    }
}

std::string to_string(NamingScheme scheme) {
    switch (scheme) {
        case NamingScheme::sequelize_cli:
            return "YYYYMMDDHHMMSS";
        case NamingScheme::epoch_millis:
            return "epoch milliseconds";
        case NamingScheme::sequelize7:
            return "YYYY-MM-DDtHH-MM-SS";
        case NamingScheme::minutes:
            return "YYYYMMDDHHMM";
        case NamingScheme::long_digits:
            return "YYYYMMDDHHMMnnn";
    }
    return "unknown";
}

}  // namespace migmerge::core
