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

// The mask shares no byte with the secret, so it cannot complete one: "*a"
// masked in "*aa" with '*' left "*****a".
TEST(ScrubSecret, LeavesNoOccurrenceWhateverTheSecretsBytes) {
    EXPECT_EQ(scrub_secret("x *aa", std::string("*a")), "x !!!!!a");
    EXPECT_EQ(scrub_secret("**", std::string("**")), "!!!!!");
    EXPECT_EQ(scrub_secret("caf\xc3\xa9 %40@", std::string("\xc3\xa9 %40@")), "caf*****");
    std::string every_printable;
    for (char c = '!'; c <= '~'; ++c) every_printable += c;
    const std::string& all = every_printable;  // no byte left for a mask: deleted
    EXPECT_EQ(scrub_secret("<" + all + all + ">", all), "<>");
    // Deleting the inner one joins the outer pieces into the secret again.
    EXPECT_EQ(scrub_secret("<" + all.substr(0, 10) + all + all.substr(10) + ">", all), "<>");
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
