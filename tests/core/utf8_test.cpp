#include "migmerge/core/utf8.hpp"

#include <gtest/gtest.h>

namespace migmerge::core {
namespace {

TEST(Utf8, AcceptsAsciiAndWellFormedSequences) {
    for (const char* text : {"", "20240101000000-a.js", "caf\xc3\xa9", "\xe2\x82\xac",
                             "\xf0\x9f\x98\x80", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf"}) {
        EXPECT_TRUE(is_valid_utf8(text)) << escape_invalid_utf8(text);
    }
}

TEST(Utf8, RefusesWhatJsonAndPostgresRefuse) {
    for (const char* text : {"\xff", "caf\xe9", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
                             "\xf4\x90\x80\x80", "\xe2\x82", "\x80", "\xf8\x88\x80\x80\x80"}) {
        EXPECT_FALSE(is_valid_utf8(text)) << escape_invalid_utf8(text);
    }
}

TEST(Utf8, EscapesOnlyTheBytesOutsideWellFormedSequences) {
    EXPECT_EQ(escape_invalid_utf8("20240101000000-caf\xff.js"), "20240101000000-caf\\xff.js");
    EXPECT_EQ(escape_invalid_utf8("caf\xc3\xa9-\xe9\xe2\x82"), "caf\xc3\xa9-\\xe9\\xe2\\x82");
    EXPECT_EQ(escape_invalid_utf8("plain.js"), "plain.js");
}

}  // namespace
}  // namespace migmerge::core
