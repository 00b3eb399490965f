#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"

namespace migmerge::sys {
namespace {

TEST(Identity, NamesThisHostAndUser) {
    char name[256] = {};
    ASSERT_EQ(gethostname(name, sizeof name - 1), 0);
    EXPECT_EQ(host_name(), name);
    EXPECT_EQ(os_user(), geteuid() == 0 ? "root" : os_user());
    EXPECT_NE(os_user(), "unknown");
}

TEST(Clock, Iso8601IsWhatPostgresReadsAsUtc) {
    EXPECT_TRUE(
        std::regex_match(utc_now_iso8601(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
    EXPECT_GE(utc_now().year, 2024);
}

}  // namespace
}  // namespace migmerge::sys
