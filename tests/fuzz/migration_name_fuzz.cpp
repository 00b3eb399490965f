// Migration names and their YYYYMMDDHHMMSS timestamps (core/migration_name,
// core/timestamp). Properties: a name parses back to itself (file, and
// timestamp + description + extension when it has a timestamp); a timestamp
// formats back to its 14 digits and survives the epoch round trip; one
// second later is later; no input throws. Written against the 14-digit
// scheme; the 12/13/15-digit schemes add their own cases here.
#include "fuzz_support.hpp"
#include "migmerge/core/migration_name.hpp"

namespace migmerge::fuzz {
namespace {

void check_timestamp(const std::string& digits) {
    auto ts = core::Timestamp::parse(digits);
    if (!ts) return;
    require(ts->format() == digits, "a timestamp formats back to its digits", digits);
    const auto seconds = ts->seconds_since_epoch();
    require(core::Timestamp::from_seconds_since_epoch(seconds) == *ts,
            "a timestamp survives the epoch round trip", digits);
    if (ts->year == 9999 && ts->month == 12 && ts->day == 31 && ts->hour == 23 &&
        ts->minute == 59 && ts->second == 59)
        return;
    core::Timestamp next = ts->plus_seconds(1);
    require(*ts < next && next.seconds_since_epoch() == seconds + 1, "one second later is later",
            digits);
    require(core::Timestamp::parse(next.format()).has_value(),
            "the planner's next second is a real second", digits);
}

void check_name(const std::string& file) {
    core::MigrationName name = core::MigrationName::parse(file);
    require(name.file == file, "a name keeps its file", file);
    require(core::MigrationName::parse(file) == name, "parsing is a function", file);
    // with_timestamp writes sequelize-cli's 14 digits: only such a name comes back.
    if (!name.timestamp || name.dated->scheme != core::NamingScheme::sequelize_cli) return;
    require(name.with_timestamp(*name.timestamp) == file,
            "timestamp, description and extension format back to the name", file);
    core::MigrationName renamed =
        core::MigrationName::parse(name.with_timestamp(core::Timestamp{2030, 2, 28, 1, 2, 3}));
    require(renamed.kind == name.kind && renamed.description == name.description &&
                renamed.extension == name.extension,
            "another timestamp keeps the kind, description and extension", file);
}

}  // namespace
}  // namespace migmerge::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    migmerge::fuzz::accepts([&] {
        migmerge::fuzz::check_name(text);
        migmerge::fuzz::check_timestamp(text.substr(0, 14));
    });
    return 0;
}
