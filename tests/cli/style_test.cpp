// Colour only when asked for, and then the codes of each tone.
#include "style.hpp"

#include <gtest/gtest.h>

namespace migmerge::cli {
namespace {

const Tone every_tone[] = {Tone::plain, Tone::error, Tone::warning,
                           Tone::good,  Tone::dim,   Tone::bold};

TEST(Paint, WithoutColourTheTextIsUntouched) {
    for (Tone tone : every_tone) EXPECT_EQ(paint(false, tone, "a: b"), "a: b");
}

TEST(Paint, PlainIsNeverColoured) {
    EXPECT_EQ(paint(true, Tone::plain, "text"), "text");
}

// fmt's codes: emphasis first, then the basic terminal colour, then a reset.
TEST(Paint, EachToneHasItsOwnCodesAndResets) {
    EXPECT_EQ(paint(true, Tone::error, "x"), "\033[1m\033[31mx\033[0m");
    EXPECT_EQ(paint(true, Tone::warning, "x"), "\033[33mx\033[0m");
    EXPECT_EQ(paint(true, Tone::good, "x"), "\033[32mx\033[0m");
    EXPECT_EQ(paint(true, Tone::dim, "x"), "\033[2mx\033[0m");
    EXPECT_EQ(paint(true, Tone::bold, "x"), "\033[1mx\033[0m");
}

TEST(Paint, KeepsBracesAndPercentSignsLiteral) {
    EXPECT_EQ(paint(false, Tone::error, "{} {0} %s"), "{} {0} %s");
    EXPECT_EQ(paint(true, Tone::bold, "{}"), "\033[1m{}\033[0m");
}

TEST(ToneOf, ErrorsAreErrorsAndWarningsWarnings) {
    EXPECT_EQ(tone_of(core::Severity::error), Tone::error);
    EXPECT_EQ(tone_of(core::Severity::warning), Tone::warning);
}

}  // namespace
}  // namespace migmerge::cli
