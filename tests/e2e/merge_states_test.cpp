// The ref defaults and "what is judged" rules, in every place a user can stand.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;

TEST_F(MergeScenarioTest, MergeInProgressIsJudgedInTheIndexAndFixLetsItCommit) {
    GitRepo repo;
    build_diverged_branches(repo, "production");
    ASSERT_TRUE(repo.merge("staging", false, /*commit=*/false));
    ProcessResult check = run_migmerge({"--format", "json", "check"}, repo.path());
    ASSERT_EQ(check.exit_code, 1) << check;
    nlohmann::json document = parse_json(check);
    EXPECT_EQ(document["judged"], "index");
    EXPECT_EQ(document["base"]["commit"], repo.rev("production"));
    EXPECT_EQ(document["head"]["commit"], repo.rev("staging"));
    ASSERT_EQ(run_migmerge({"fix"}, repo.path()).exit_code, 0);
    ProcessResult after = run_migmerge({"check"}, repo.path());
    EXPECT_EQ(after.exit_code, 0) << after;
    repo.git({"commit", "-q", "--no-edit"});
    EXPECT_THAT(repo.git({"show", "--name-only", "--format=", "HEAD"}),
                HasSubstr(".migmerge-renames"));
}

TEST_F(MergeScenarioTest, MergeCommitAtHeadComparesItsParents) {
    GitRepo repo;
    build_diverged_branches(repo, "production");
    ASSERT_TRUE(repo.merge("staging"));
    ProcessResult check = run_migmerge({"--format", "json", "check"}, repo.path());
    ASSERT_EQ(check.exit_code, 1) << check;
    nlohmann::json document = parse_json(check);
    EXPECT_EQ(document["base"]["ref"], "HEAD^1");
    EXPECT_EQ(document["head"]["ref"], "HEAD^2");
    EXPECT_EQ(document["head"]["commit"], repo.rev("staging"));
    ASSERT_EQ(run_migmerge({"fix"}, repo.path()).exit_code, 0);
    EXPECT_EQ(run_migmerge({"check"}, repo.path()).exit_code, 0);
}

TEST_F(MergeScenarioTest, WorksFromASubdirectory) {
    GitRepo repo;
    build_diverged_branches(repo);
    ProcessResult result = run_migmerge({"check", "--base", "production"}, repo / "migrations");
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_THAT(result.out, HasSubstr("same-timestamp"));
}

TEST_F(MergeScenarioTest, WorksInABareRepository) {
    GitRepo repo;
    build_diverged_branches(repo);
    TempDir outside;
    ProcessResult result = run_migmerge(
        {"-C", bare_clone(repo, outside), "check", "--base", "production", "--head", "staging"},
        outside.path());
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_THAT(result.out, HasSubstr("out-of-order"));
}

TEST_F(MergeScenarioTest, WorksInAWorktree) {
    GitRepo repo;
    build_diverged_branches(repo, "main");
    TempDir outside;
    std::string tree = outside / "staging-tree";
    repo.git({"worktree", "add", "-q", tree, "staging"});
    ProcessResult result = run_migmerge({"check", "--base", "production"}, tree);
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_EQ(run_migmerge({"fix", "--base", "production"}, tree).exit_code, 0);
    EXPECT_TRUE(file_exists(tree + "/migrations/20260115100002-add-audit-log.js"));
    repo.git({"worktree", "remove", "--force", tree});
}

TEST_F(MergeScenarioTest, ShallowCloneSaysHowToDeepen) {
    GitRepo repo;
    build_diverged_branches(repo, "main");
    repo.write("README.md", "main moves on, so no branch tip is the merge base\n");
    repo.commit("main moves on");
    TempDir clones;
    git_in(clones.path(), {"clone", "-q", "--depth", "1", "--no-single-branch",
                           "file://" + repo.path(), "shallow"});
    ProcessResult result =
        run_migmerge({"check", "--base", "origin/production"}, clones / "shallow");
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_THAT(result.err, HasSubstr("no merge base"));
    EXPECT_THAT(result.err, HasSubstr("--deepen"));
}

TEST_F(MergeScenarioTest, BaseFromMigmergeJson) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.write("migmerge.json", R"({"base": "production"})");
    ProcessResult result = run_migmerge({"check"}, repo.path());
    EXPECT_EQ(result.exit_code, 1) << result;
}

TEST_F(MergeScenarioTest, RemoteTrackingRefsAndTagsResolve) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.git({"tag", "-a", "v1", "-m", "release", "production"});
    ProcessResult by_tag = run_migmerge({"check", "--base", "v1"}, repo.path());
    EXPECT_EQ(by_tag.exit_code, 1) << by_tag;
    TempDir clones;
    git_in(clones.path(), {"clone", "-q", repo.path(), "clone"});
    ProcessResult remote = run_migmerge(
        {"check", "--base", "origin/production", "--head", "origin/staging"}, clones / "clone");
    EXPECT_EQ(remote.exit_code, 1) << remote;
}

}  // namespace
}  // namespace migmerge::test
