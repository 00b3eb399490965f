// A check report grows with its findings, not with the product of both
// sides: N new files sorting before N deployed ones are N findings of a
// bounded size each, and each still names what a user needs.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

std::string name_at(const std::string& day, int i, const std::string& description) {
    const int hours = i / 60, minutes = i % 60;
    return day + static_cast<char>('0' + hours / 10) + static_cast<char>('0' + hours % 10) +
           static_cast<char>('0' + minutes / 10) + static_cast<char>('0' + minutes % 10) + "00-" +
           description + ".js";
}

// `count` deployed migrations on production, `count` earlier ones on staging.
void split_history(GitRepo& repo, int count) {
    repo.add_migration("20250101000000-initial.js");
    repo.commit("initial");
    repo.branch("production");
    repo.branch("staging");
    repo.checkout("production");
    for (int i = 0; i < count; ++i) repo.add_migration(name_at("20260201", i, "deployed"));
    repo.commit("production's migrations");
    repo.checkout("staging");
    for (int i = 0; i < count; ++i) repo.add_migration(name_at("20260101", i, "new"));
    repo.commit("staging's migrations");
}

nlohmann::json check_report(int count, std::size_t& bytes) {
    GitRepo repo;
    split_history(repo, count);
    ProcessResult result = run_migmerge(
        {"--format", "json", "check", "--base", "production", "--head", "staging"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    bytes = result.out.size();
    return nlohmann::json::parse(result.out);
}

TEST_F(MergeScenarioTest, ASplitHistoryReportGrowsLinearlyAndNamesWhatAUserNeeds) {
    std::size_t small = 0, large = 0;
    check_report(100, small);
    const nlohmann::json report = check_report(300, large);
    // Three times the files on each side: about three times the report (a
    // list of every deployed file per finding would be nine times).
    EXPECT_LT(static_cast<double>(large) / static_cast<double>(small), 3.6)
        << small << " bytes, then " << large;
    ASSERT_EQ(report["findings"].size(), 300u);
    const std::string newest = name_at("20260201", 299, "deployed");
    for (const auto& finding : report["findings"]) {
        ASSERT_EQ(finding["code"], "out-of-order");
        const auto files = finding["files"].get<std::vector<std::string>>();
        ASSERT_EQ(files.size(), 4u);
        EXPECT_THAT(files[0], ::testing::HasSubstr("-new.js"));
        EXPECT_EQ(files.back(), newest);
        EXPECT_EQ(finding["fileCount"], 301);
        EXPECT_THAT(finding["message"].get<std::string>(),
                    ::testing::HasSubstr("298 more base has, the latest " + newest));
    }
}

}  // namespace
}  // namespace migmerge::test
