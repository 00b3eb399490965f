// Every naming scheme: what it parses to, what it refuses, and round trips.
#include "migmerge/core/naming_scheme.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "migmerge/core/timestamp.hpp"

namespace migmerge::core {
namespace {

std::int64_t ms_of(const char* digits) {
    return Timestamp::parse(digits)->seconds_since_epoch() * 1000;
}

TEST(NamingScheme, ReadsSequelizeCliSeconds) {
    auto prefix = read_dated_prefix("20260108120000-add-sites.js");
    ASSERT_TRUE(prefix);
    EXPECT_EQ(prefix->scheme, NamingScheme::sequelize_cli);
    EXPECT_EQ(prefix->length, 14u);
    EXPECT_EQ(prefix->start_ms, ms_of("20260108120000"));
    EXPECT_EQ(prefix->end_ms, prefix->start_ms + 1000);
}

TEST(NamingScheme, ReadsEpochMilliseconds) {
    auto prefix = read_dated_prefix("1609339480378-create-accounts-types.js");
    ASSERT_TRUE(prefix);
    EXPECT_EQ(prefix->scheme, NamingScheme::epoch_millis);
    EXPECT_EQ(prefix->start_ms, 1609339480378);
    EXPECT_EQ(prefix->end_ms, 1609339480379);
    EXPECT_EQ(Timestamp::from_seconds_since_epoch(prefix->start_ms / 1000).format(),
              "20201230144440");
}

TEST(NamingScheme, ReadsSequelize7UtcNames) {
    auto prefix = read_dated_prefix("2026-04-05t10-00-00-create-users.ts");
    ASSERT_TRUE(prefix);
    EXPECT_EQ(prefix->scheme, NamingScheme::sequelize7);
    EXPECT_EQ(prefix->length, 19u);
    EXPECT_EQ(prefix->start_ms, ms_of("20260405100000"));
    EXPECT_TRUE(read_dated_prefix("2026-04-05t10-00-00-create-users/"));
}

TEST(NamingScheme, ReadsTwelveAndFifteenDigitsAsTheirMinute) {
    auto twelve = read_dated_prefix("201905130115-x.js");
    auto fifteen = read_dated_prefix("201905130115600-renames-measurable-columns.js");
    ASSERT_TRUE(twelve && fifteen);
    EXPECT_EQ(twelve->scheme, NamingScheme::minutes);
    EXPECT_EQ(fifteen->scheme, NamingScheme::long_digits);
    EXPECT_EQ(fifteen->length, 15u);
    EXPECT_EQ(twelve->start_ms, ms_of("20190513011500"));
    EXPECT_EQ(fifteen->start_ms, twelve->start_ms);
    EXPECT_EQ(fifteen->end_ms, fifteen->start_ms + 60000);
}

TEST(NamingScheme, RefusesWhatNamesNoRealTime) {
    for (const char* name :
         {"20261340000000-x.js", "20250229000000-x.js", "201913130115600-x.js", "202602301200-x.js",
          "0609339480378-x.js", "2026-02-30t10-00-00-x.ts", "2026-04-05T10-00-00-x.ts",
          "2026-04-05t24-00-00-x.ts", "2026-04-05-x.js", "20260101000000x.js", "20260101000000.js",
          "123456789012345678-x.js", "helpers.js", "2026010100000"}) {
        EXPECT_FALSE(read_dated_prefix(name)) << name;
    }
    EXPECT_TRUE(read_dated_prefix("20240229235959-leap.js"));
    EXPECT_TRUE(read_dated_prefix("2000-02-29t00-00-00-leap.ts"));
    EXPECT_FALSE(read_dated_prefix("1900-02-29t00-00-00-not-leap.ts"));
}

TEST(NamingScheme, DatedAfterMeansEveryInstantLater) {
    auto minute = *read_dated_prefix("201905130115600-a.js");
    auto inside = *read_dated_prefix("20190513011559-b.js");
    auto after = *read_dated_prefix("20190513011600-c.js");
    EXPECT_FALSE(inside.dated_after(minute));
    EXPECT_FALSE(minute.dated_after(inside));
    EXPECT_TRUE(after.dated_after(minute));
    EXPECT_FALSE(minute.dated_after(after));
}

TEST(NamingScheme, FormatsEachSchemeAndRoundTrips) {
    const std::int64_t ms = ms_of("20260405100007") + 123;
    EXPECT_EQ(format_prefix(NamingScheme::sequelize_cli, ms), "20260405100007");
    EXPECT_EQ(format_prefix(NamingScheme::sequelize7, ms), "2026-04-05t10-00-07");
    EXPECT_EQ(format_prefix(NamingScheme::minutes, ms), "202604051000");
    EXPECT_EQ(format_prefix(NamingScheme::long_digits, ms), "202604051000000");
    EXPECT_EQ(format_prefix(NamingScheme::epoch_millis, ms), std::to_string(ms));
    for (NamingScheme scheme :
         {NamingScheme::sequelize_cli, NamingScheme::epoch_millis, NamingScheme::sequelize7,
          NamingScheme::minutes, NamingScheme::long_digits}) {
        auto back = read_dated_prefix(format_prefix(scheme, ms) + "-x.js");
        ASSERT_TRUE(back) << to_string(scheme);
        EXPECT_EQ(back->scheme, scheme);
        EXPECT_LE(back->start_ms, ms);
        EXPECT_GT(back->end_ms, ms);
        EXPECT_EQ(back->end_ms - back->start_ms, precision_ms(scheme));
    }
}

// Within a scheme, byte order of formatted prefixes is time order.
TEST(NamingScheme, FormattedPrefixesSortInTimeOrderWithinAScheme) {
    for (NamingScheme scheme : {NamingScheme::sequelize_cli, NamingScheme::epoch_millis,
                                NamingScheme::sequelize7, NamingScheme::minutes}) {
        std::int64_t step = precision_ms(scheme);
        std::int64_t ms = ms_of("20241231235800");
        for (int i = 0; i < 200; ++i, ms += step * 7) {
            EXPECT_LT(format_prefix(scheme, ms), format_prefix(scheme, ms + step))
                << to_string(scheme);
        }
    }
}

TEST(NamingScheme, RefusesInstantsItCannotWrite) {
    EXPECT_THROW(format_prefix(NamingScheme::epoch_millis, 999999999999), Error);
    EXPECT_THROW(format_prefix(NamingScheme::sequelize_cli, ms_of("99991231235959") + 1000), Error);
}

}  // namespace
}  // namespace migmerge::core
