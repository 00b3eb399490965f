#include "migmerge/sys/random_hex.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace migmerge::sys {
namespace {

TEST(RandomHex, IsAsManyLowercaseHexDigitsAsAsked) {
    for (std::size_t digits : {0u, 1u, 8u, 13u, 32u}) {
        EXPECT_THAT(random_hex(digits),
                    testing::MatchesRegex("[0-9a-f]{" + std::to_string(digits) + "}"));
    }
}

TEST(RandomHex, DiffersFromCallToCall) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) seen.insert(random_hex(16));
    EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace migmerge::sys
