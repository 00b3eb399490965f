#pragma once
// The naming schemes real Sequelize projects date their migrations with, and
// the UTC time each prefix stands for. sequelize-cli itself ignores all of
// this (it runs names in byte order): the time is what lets us say when that
// byte order contradicts the order the migrations were written in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace migmerge::core {

enum class NamingScheme {
    sequelize_cli,  // YYYYMMDDHHMMSS-     sequelize-cli 6 (and 5, 4...)
    epoch_millis,   // 1609339480378-      13 digits of Unix epoch milliseconds
    sequelize7,     // YYYY-MM-DDtHH-MM-SS- @sequelize/cli 7, UTC
    minutes,        // YYYYMMDDHHMM-       12 digits, hand-written
    long_digits,    // YYYYMMDDHHMMnnn-    15 digits, a shipped typo: the minute counts
};

// What a name's prefix stands for: the half-open interval [start_ms, end_ms)
// of UTC milliseconds since the epoch that the prefix's precision allows.
struct DatedPrefix {
    NamingScheme scheme;
    std::size_t length;  // of the prefix, without the dash after it
    std::int64_t start_ms;
    std::int64_t end_ms;

    // Strictly later: every instant this one stands for is after all of other's.
    bool dated_after(const DatedPrefix& other) const { return start_ms >= other.end_ms; }
};

// The prefix of `name` when it is one of the schemes, names a real calendar
// time (epoch milliseconds: 13 digits, no leading zero) and a dash follows it.
std::optional<DatedPrefix> read_dated_prefix(std::string_view name);

// The prefix of `scheme` for the instant `ms`, floored to the scheme's
// precision. Error(bad_input) when the scheme cannot write it (a year past
// 9999, epoch milliseconds that need other than 13 digits).
std::string format_prefix(NamingScheme scheme, std::int64_t ms);

std::int64_t precision_ms(NamingScheme scheme);  // 1, 1000 or 60000
std::string to_string(NamingScheme scheme);      // the pattern, "YYYYMMDDHHMMSS", ...

}  // namespace migmerge::core
