#include "migmerge/sys/secret_scrub.hpp"

#include <gtest/gtest.h>

namespace migmerge::sys {
namespace {

TEST(ScrubSecret, ReplacesEveryOccurrenceWithTheOneMask) {
    EXPECT_EQ(scrub_secret("pw: hunter2, again hunter2", std::string("hunter2")),
              "pw: *****, again *****");
}

TEST(ScrubSecret, LeavesTextAloneWithoutASecret) {
    EXPECT_EQ(scrub_secret("nothing", std::nullopt), "nothing");
    EXPECT_EQ(scrub_secret("nothing", std::string()), "nothing");
}

// The bridge's old copy never ended for these: the mask contains the secret.
TEST(ScrubSecret, EndsForSecretsMadeOfTheMasksCharacter) {
    for (std::string secret : {"*", "**", "***", "*****", "******"}) {
        std::string scrubbed = scrub_secret("a " + secret + " b", secret);
        EXPECT_EQ(scrubbed.find("a "), 0u) << secret;
    }
}

TEST(ScrubUrlUserinfo, HidesThePasswordOfAUrl) {
    EXPECT_EQ(scrub_url_userinfo("failed for s3cret", "postgres://app:s3cret@db:5432/prod"),
              "failed for *****");
}

TEST(ScrubUrlUserinfo, HidesAPasswordHoldingRawAtColonAndSlash) {
    const std::string url = "postgres://app:p@ss:w/rd@db/prod";
    EXPECT_EQ(scrub_url_userinfo("echo p@ss:w/rd", url), "echo *****");
}

TEST(ScrubUrlUserinfo, IgnoresUrlsWithoutAPassword) {
    EXPECT_EQ(scrub_url_userinfo("postgres://app@db/prod", "postgres://app@db/prod"),
              "postgres://app@db/prod");
}

}  // namespace
}  // namespace migmerge::sys
