#include "migmerge/core/timestamp.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"

namespace migmerge::core {
namespace {

Timestamp ts(const char* digits) {
    return Timestamp::parse(digits).value();
}

TEST(Timestamp, ParsesFourteenDigitsIntoCalendarFields) {
    Timestamp parsed = ts("20260108123456");
    EXPECT_EQ(parsed.year, 2026);
    EXPECT_EQ(parsed.month, 1);
    EXPECT_EQ(parsed.day, 8);
    EXPECT_EQ(parsed.hour, 12);
    EXPECT_EQ(parsed.minute, 34);
    EXPECT_EQ(parsed.second, 56);
    EXPECT_EQ(parsed.format(), "20260108123456");
}

TEST(Timestamp, RejectsWrongLengthOrNonDigits) {
    for (const char* text : {"", "2026010812345", "202601081234567", "2026-1-08123456",
                             "20260108 23456", "2026010812345a", "+2026010812345"}) {
        EXPECT_FALSE(Timestamp::parse(text)) << text;
    }
}

TEST(Timestamp, RejectsSecondsThatAreNotOnTheCalendar) {
    for (const char* text : {"20260001000000", "20261301000000", "20260100000000", "20260132000000",
                             "20260431000000", "20260229000000", "19000229000000", "20260101240000",
                             "20260101006000", "20260101000060"}) {
        EXPECT_FALSE(Timestamp::parse(text)) << text;
    }
}

TEST(Timestamp, AcceptsLeapDaysByGregorianRules) {
    EXPECT_TRUE(Timestamp::parse("20240229000000"));
    EXPECT_TRUE(Timestamp::parse("20000229000000"));   // divisible by 400
    EXPECT_FALSE(Timestamp::parse("21000229000000"));  // divisible by 100 only
    EXPECT_TRUE(Timestamp::parse("20261231235959"));
}

TEST(Timestamp, PlusOneSecondCarriesThroughEveryField) {
    EXPECT_EQ(ts("20260108125958").plus_seconds(1), ts("20260108125959"));
    EXPECT_EQ(ts("20260108125959").plus_seconds(1), ts("20260108130000"));
    EXPECT_EQ(ts("20260108235959").plus_seconds(1), ts("20260109000000"));
    EXPECT_EQ(ts("20260131235959").plus_seconds(1), ts("20260201000000"));
    EXPECT_EQ(ts("20260430235959").plus_seconds(1), ts("20260501000000"));
    EXPECT_EQ(ts("20261231235959").plus_seconds(1), ts("20270101000000"));
}

TEST(Timestamp, FebruaryEndsOnTheTwentyEighthOrNinth) {
    EXPECT_EQ(ts("20260228235959").plus_seconds(1), ts("20260301000000"));
    EXPECT_EQ(ts("20240228235959").plus_seconds(1), ts("20240229000000"));
    EXPECT_EQ(ts("20240229235959").plus_seconds(1), ts("20240301000000"));
    EXPECT_EQ(ts("19000228235959").plus_seconds(1), ts("19000301000000"));
    EXPECT_EQ(ts("20000228235959").plus_seconds(1), ts("20000229000000"));
}

TEST(Timestamp, AddsLargeAndNegativeAmounts) {
    EXPECT_EQ(ts("20260101000000").plus_seconds(365LL * 86400), ts("20270101000000"));
    EXPECT_EQ(ts("20240101000000").plus_seconds(365LL * 86400), ts("20241231000000"));
    EXPECT_EQ(ts("20260101000000").plus_seconds(-1), ts("20251231235959"));
    EXPECT_EQ(ts("20260101000000").plus_seconds(3600 * 25 + 61), ts("20260102010101"));
}

TEST(Timestamp, CountsSecondsFromTheUnixEpoch) {
    EXPECT_EQ(ts("19700101000000").seconds_since_epoch(), 0);
    EXPECT_EQ(ts("20000101000000").seconds_since_epoch(), 946684800);
    EXPECT_EQ(ts("19691231235959").seconds_since_epoch(), -1);
    EXPECT_EQ(Timestamp::from_seconds_since_epoch(1767225600), ts("20260101000000"));
    EXPECT_EQ(Timestamp::from_seconds_since_epoch(-86400), ts("19691231000000"));
}

TEST(Timestamp, RoundTripsEveryDayOfFourHundredYears) {
    Timestamp day = ts("18000101000000");
    for (int i = 0; i < 146097; ++i) {
        Timestamp next = day.plus_seconds(86400);
        ASSERT_LT(day, next);
        ASSERT_EQ(Timestamp::parse(next.format()), next) << next;
        ASSERT_EQ(next.seconds_since_epoch() - day.seconds_since_epoch(), 86400);
        day = next;
    }
    EXPECT_EQ(day, ts("22000101000000"));
}

TEST(Timestamp, RefusesToLeaveFourDigitYears) {
    test::expect_error([] { ts("99991231235959").plus_seconds(1); }, ExitCode::bad_input,
                       "cannot add 1 s to 99991231235959");
}

TEST(Timestamp, OrdersChronologically) {
    EXPECT_LT(ts("20260101000000"), ts("20260101000001"));
    EXPECT_LT(ts("20251231235959"), ts("20260101000000"));
    EXPECT_FALSE(ts("20260101000000") < ts("20260101000000"));
    EXPECT_NE(ts("20260101000000"), ts("20260101000001"));
}

}  // namespace
}  // namespace migmerge::core
