// check -> plan -> fix -> check on two diverged branches, through the binary.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(MergeScenarioTest, CheckFindsTheCollisionAndTheSplitHistory) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result =
        run_migmerge({"--format", "json", "check", "--base", "production"}, repo.path());
    ASSERT_EQ(result.exit_code, 1) << result;
    nlohmann::json document = parse_json(result);
    EXPECT_EQ(document["version"], 2);
    EXPECT_EQ(document["base"]["ref"], "production");
    EXPECT_EQ(document["base"]["commit"], repo.rev("production"));
    EXPECT_EQ(document["head"]["commit"], repo.rev("staging"));
    EXPECT_EQ(document["mergeBase"], repo.rev("main"));
    EXPECT_THAT(finding_codes(document),
                ::testing::IsSupersetOf({"same-timestamp", "out-of-order"}));
    for (const auto& finding : document["findings"]) {
        if (finding["code"] == "same-timestamp") {
            EXPECT_EQ(finding["severity"], "error");
            EXPECT_THAT(finding["files"].get<std::vector<std::string>>(),
                        ::testing::UnorderedElementsAre(billing, audit));
        }
    }
}

TEST_F(MergeScenarioTest, CheckTextShowsTheTimelineAndTheFixCommand) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result = run_migmerge({"check", "--base", "production"}, repo.path());
    ASSERT_EQ(result.exit_code, 1) << result;
    EXPECT_THAT(result.out, HasSubstr("base: production"));
    EXPECT_THAT(result.out, HasSubstr("head: HEAD"));
    EXPECT_THAT(result.out, HasSubstr("error: same-timestamp"));
    EXPECT_THAT(result.out, HasSubstr("fix: migmerge fix --base production"));
    EXPECT_EQ(result.out.find("\033["), std::string::npos) << "no colour when not a terminal";
}

TEST_F(MergeScenarioTest, VerboseSaysWhereTheNamesCameFrom) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult quiet = run_migmerge({"check", "--base", "production"}, repo.path());
    EXPECT_EQ(quiet.out.find("migrations folder"), std::string::npos) << quiet;
    ProcessResult verbose = run_migmerge({"-v", "check", "--base", "production"}, repo.path());
    EXPECT_EQ(verbose.exit_code, 1) << verbose;
    EXPECT_THAT(verbose.out,
                HasSubstr("migrations folder migrations, 5 files in the result, 0 ledger entries"));
}

TEST_F(MergeScenarioTest, PlanMovesStagingsFilesAfterProductionsInOrder) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result =
        run_migmerge({"--format", "json", "plan", "--base", "production"}, repo.path());
    ASSERT_EQ(result.exit_code, 1) << result << "plan exits as check does while errors stand";
    nlohmann::json renames = parse_json(result)["renames"];
    ASSERT_EQ(renames.size(), 2u) << result;
    EXPECT_EQ(renames[0]["from"], analytics);
    EXPECT_EQ(renames[0]["to"], "20260115100001-add-site-analytics.js");
    EXPECT_EQ(renames[1]["from"], audit);
    EXPECT_EQ(renames[1]["to"], "20260115100002-add-audit-log.js");
    EXPECT_EQ(repo.git({"status", "--porcelain"}), "") << "plan changes nothing";
}

TEST_F(MergeScenarioTest, FixRenamesInWorkTreeAndIndexThenCheckPasses) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult fix = run_migmerge({"fix", "--base", "production"}, repo.path());
    ASSERT_EQ(fix.exit_code, 0) << fix;
    EXPECT_TRUE(file_exists(repo / "migrations/20260115100001-add-site-analytics.js"));
    EXPECT_FALSE(file_exists(repo / ("migrations/" + std::string(analytics))));
    EXPECT_EQ(read_file(repo / "migrations/.migmerge-renames"),
              std::string(analytics) + "\t20260115100001-add-site-analytics.js\n" + audit +
                  "\t20260115100002-add-audit-log.js\n");
    std::string staged = repo.git({"diff", "--cached", "--name-status", "-M"});
    EXPECT_THAT(staged, HasSubstr("R100\tmigrations/" + std::string(analytics)));
    ProcessResult again = run_migmerge({"check", "--base", "production"}, repo.path());
    EXPECT_EQ(again.exit_code, 0) << again;
    repo.commit("fix migrations");
    EXPECT_EQ(run_migmerge({"check", "--base", "production"}, repo.path()).exit_code, 0);
}

TEST_F(MergeScenarioTest, FixDryRunChangesNothing) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result = run_migmerge({"fix", "--dry-run", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_THAT(result.out, HasSubstr("Dry run"));
    EXPECT_EQ(repo.git({"status", "--porcelain"}), "");
    EXPECT_FALSE(file_exists(repo / "migrations/.migmerge-renames"));
}

TEST_F(MergeScenarioTest, FixRefusesToTouchAFileWithUncommittedChanges) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.write(std::string("migrations/") + analytics, "module.exports = {};\n");
    ProcessResult result = run_migmerge({"fix", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_THAT(result.err, HasSubstr("uncommitted"));
    EXPECT_TRUE(file_exists(repo / ("migrations/" + std::string(analytics))));
    EXPECT_FALSE(file_exists(repo / "migrations/.migmerge-renames"));
}

TEST_F(MergeScenarioTest, GithubFormatAnnotatesTheFiles) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result =
        run_migmerge({"--format", "github", "check", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    bool annotated = false;
    for (const auto& line : lines_of(result.out)) {
        EXPECT_EQ(line.rfind("::", 0), 0u) << line;
        annotated |= line.rfind("::error file=migrations/", 0) == 0;
    }
    EXPECT_TRUE(annotated) << result;
}

TEST_F(MergeScenarioTest, NoConflictMeansExitZero) {
    GitRepo repo;
    build_diverged_branches(repo, "production");
    repo.branch("feature", "production");
    repo.checkout("feature");
    repo.add_migration("20260120000000-add-feature.js");
    repo.commit("feature");
    ProcessResult result = run_migmerge({"check", "--base", "production"}, repo.path());
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_THAT(result.out, HasSubstr("No problems found."));
}

}  // namespace
}  // namespace migmerge::test
