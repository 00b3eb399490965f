// pre-merge-commit and pre-commit with the real git: a merge whose
// migrations collide is stopped before its commit, and `migmerge fix` then
// `git commit` concludes it.
#include <gmock/gmock.h>

#include "hooks_env.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string renamed_audit = "20260115100002-add-audit-log.js";
const std::string renamed_analytics = "20260115100001-add-site-analytics.js";

class HookMergeTest : public HookTest {
  protected:
    void SetUp() override {
        HookTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        build_diverged_branches(repo, "production");
        hook_command(repo.path(), {"install"});
    }

    // README.md edited on both branches, so merging staging stops on a conflict.
    void make_readme_conflict() {
        repo.checkout("staging");
        repo.write("README.md", "staging's words\n");
        repo.commit("staging: readme");
        repo.checkout("production");
        repo.write("README.md", "production's words\n");
        repo.commit("production: readme");
    }

    bool merging() { return file_exists(repo / ".git/MERGE_HEAD"); }

    GitRepo repo;
};

TEST_F(HookMergeTest, ACollidingMergeIsBlockedThenFixAndCommitConcludeIt) {
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "staging"});
    ASSERT_EQ(merge.exit_code, 1) << merge;
    EXPECT_THAT(merge.err, HasSubstr("error: same-timestamp"));
    EXPECT_THAT(merge.err, HasSubstr("Run `migmerge fix`, then `git commit`"));
    EXPECT_EQ(repo.rev("HEAD"), repo.rev("production")) << "no merge commit was made";
    ASSERT_TRUE(merging());

    ProcessResult fix = run_migmerge({"fix"}, repo.path());
    ASSERT_EQ(fix.exit_code, 0) << fix;
    ProcessResult commit = git_on_path(repo.path(), {"commit", "--no-edit"});
    ASSERT_EQ(commit.exit_code, 0) << commit;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("staging"));
    std::string tree = repo.git({"ls-tree", "--name-only", "HEAD", "migrations/"});
    EXPECT_THAT(tree, HasSubstr(renamed_audit));
    EXPECT_THAT(tree, Not(HasSubstr(audit)));
    EXPECT_THAT(repo.git({"show", "HEAD:migrations/.migmerge-renames"}),
                HasSubstr(std::string(audit) + "\t" + renamed_audit));
}

TEST_F(HookMergeTest, AConflictedMergeIsCheckedWhenConcludedWithCommit) {
    make_readme_conflict();
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "staging"});
    ASSERT_EQ(merge.exit_code, 1) << merge;
    EXPECT_THAT(merge.out, HasSubstr("CONFLICT"));
    repo.write("README.md", "both words\n");
    repo.git({"add", "README.md"});

    ProcessResult commit = git_on_path(repo.path(), {"commit", "--no-edit"});
    EXPECT_EQ(commit.exit_code, 1) << commit;
    EXPECT_THAT(commit.err, HasSubstr("error: out-of-order"));
    EXPECT_TRUE(merging()) << "the merge is still open";

    ASSERT_EQ(run_migmerge({"fix"}, repo.path()).exit_code, 0);
    ProcessResult concluded = git_on_path(repo.path(), {"merge", "--continue"});
    ASSERT_EQ(concluded.exit_code, 0) << concluded;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("staging"));
    EXPECT_THAT(repo.git({"ls-tree", "--name-only", "HEAD", "migrations/"}),
                HasSubstr(renamed_analytics));
}

TEST_F(HookMergeTest, NoVerifySkipsTheCheckAndPostMergeStillWarns) {
    ProcessResult merge =
        git_on_path(repo.path(), {"merge", "--no-verify", "--no-edit", "staging"});
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("staging"));
    EXPECT_THAT(merge.err, Not(HasSubstr("merge not committed")));
    EXPECT_THAT(merge.err, HasSubstr("this merge has migration conflicts"));
    EXPECT_THAT(merge.err, HasSubstr("`git commit --amend --no-edit`"));
    EXPECT_THAT(merge.err, HasSubstr("2 new migration(s) arrived"));
}

TEST_F(HookMergeTest, WithoutMigmergeOnPathTheMergeGoesAheadAndSaysSo) {
    ProcessResult merge =
        git_on_path(repo.path(), {"merge", "--no-edit", "staging"}, path_without_migmerge());
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("staging"));
    EXPECT_THAT(merge.err, HasSubstr("migmerge: not on PATH"));
    EXPECT_THAT(merge.err, HasSubstr("cmake --install"));
}

TEST_F(HookMergeTest, ACheckThatCannotRunBlocksAndNamesTheEscape) {
    repo.write("migmerge.json", "{ not json");
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "staging"});
    EXPECT_EQ(merge.exit_code, 1) << merge;
    EXPECT_THAT(merge.err, HasSubstr("migmerge: error: malformed"));
    EXPECT_THAT(merge.err, HasSubstr("the check could not run (exit 2)"));
    EXPECT_THAT(merge.err, HasSubstr("git merge --no-verify"));
}

TEST_F(HookMergeTest, AMergeTouchingNoMigrationPassesSilently) {
    repo.branch("docs", "production");
    repo.checkout("docs");
    repo.write("docs/notes.md", "no migration here\n");
    repo.commit("docs");
    repo.checkout("production");
    repo.write("CHANGELOG.md", "production moves on\n");
    repo.commit("changelog");
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "docs"});
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_THAT(merge.err, Not(HasSubstr("migmerge")));
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("docs"));
}

TEST_F(HookMergeTest, AnOrdinaryCommitIsNotChecked) {
    repo.add_migration("20260101000000-older-than-billing.js");
    repo.git({"add", "-A"});
    ProcessResult commit = git_on_path(repo.path(), {"commit", "-q", "-m", "an old name"});
    EXPECT_EQ(commit.exit_code, 0) << commit;
    EXPECT_EQ(commit.err, "");
}

TEST_F(HookMergeTest, ACleanMergeWithNewMigrationsIsCommitted) {
    repo.branch("feature", "production");
    repo.checkout("feature");
    repo.add_migration("20260120000000-add-feature.js");
    repo.commit("feature");
    repo.checkout("production");
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-ff", "--no-edit", "feature"});
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("feature"));
    EXPECT_THAT(merge.err, HasSubstr("20260120000000-add-feature.js"));
    EXPECT_THAT(merge.err, Not(HasSubstr("error:")));
}

// "Merge main into my branch": main is the merged side, yet deployed, so the
// hook judges the branch's migration, and `fix` renames it, never main's.
TEST_F(HookTest, ACatchUpMergeOfTheDeployedBranchJudgesTheBranch) {
    GitRepo repo;
    repo.write("migmerge.json", "{\"base\": \"main\"}\n");
    repo.add_migration("20240101000000-create-users.js");
    repo.commit("initial");
    repo.branch("feature");
    repo.checkout("feature");
    repo.add_migration("20240301000000-add-tags.js");
    repo.commit("feature: tags");
    repo.checkout("main");
    repo.add_migration("20240401000000-add-comments.js");
    repo.commit("main: comments");
    repo.checkout("feature");
    hook_command(repo.path(), {"install"});
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "main"});
    ASSERT_EQ(merge.exit_code, 1) << merge;
    EXPECT_THAT(printed(merge), HasSubstr("Deployed side: base main (main is the deployed branch "
                                          "(\"base\" in migmerge.json), HEAD does not)"));
    EXPECT_THAT(printed(merge), HasSubstr("20240301000000-add-tags.js (new on head) sorts before "
                                          "20240401000000-add-comments.js"));
    ASSERT_EQ(run_migmerge({"fix"}, repo.path()).exit_code, 0);
    ProcessResult commit = git_on_path(repo.path(), {"commit", "--no-edit"});
    ASSERT_EQ(commit.exit_code, 0) << commit;
    std::string tree = repo.git({"ls-tree", "--name-only", "HEAD", "migrations/"});
    EXPECT_THAT(tree, HasSubstr("20240401000001-add-tags.js"));
    EXPECT_THAT(tree, HasSubstr("20240401000000-add-comments.js"));
}

}  // namespace
}  // namespace migmerge::test
