// The hooks that talk about other repositories: post-merge after a pull
// (fast-forward included) and pre-push against a local bare remote.
#include <gmock/gmock.h>

#include "hooks_env.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A clone of `upstream` in `home`/clone with migmerge's hooks installed.
std::string clone_with_hooks(GitRepo& upstream, const TempDir& home) {
    std::string clone = home / "clone";
    git_in(home.path(), {"clone", "-q", upstream.path(), clone});
    hook_command(clone, {"install"});
    return clone;
}

TEST_F(HookTest, AFastForwardPullPrintsTheArrivedMigrationsAndWhatToRun) {
    GitRepo upstream;
    build_diverged_branches(upstream, "main");
    TempDir home;
    std::string clone = clone_with_hooks(upstream, home);
    upstream.add_migration("20260201000000-add-invoices.js");
    upstream.commit("main: invoices");

    ProcessResult pull = git_on_path(clone, {"pull", "--ff-only"});
    ASSERT_EQ(pull.exit_code, 0) << pull;
    EXPECT_THAT(pull.out, HasSubstr("Fast-forward"));
    EXPECT_THAT(printed(pull), HasSubstr("1 new migration(s) arrived"));
    EXPECT_THAT(printed(pull), HasSubstr("  20260201000000-add-invoices.js\n"));
    EXPECT_THAT(printed(pull), HasSubstr("`migmerge migrate`"));
}

TEST_F(HookTest, APullThatBringsNoMigrationSaysNothing) {
    GitRepo upstream;
    build_diverged_branches(upstream, "main");
    TempDir home;
    std::string clone = clone_with_hooks(upstream, home);
    upstream.write("README.md", "words only\n");
    upstream.commit("main: readme");
    ProcessResult pull = git_on_path(clone, {"pull", "--ff-only"});
    ASSERT_EQ(pull.exit_code, 0) << pull;
    EXPECT_THAT(printed(pull), Not(HasSubstr("migmerge:")));
}

TEST_F(HookTest, APullThatWouldCollideStopsBeforeItsMergeCommit) {
    GitRepo upstream;
    upstream.add_migration("20251222115645-initial-schema.js");
    upstream.commit("schema");
    TempDir home;
    std::string clone = home / "clone";
    git_in(home.path(), {"clone", "-q", upstream.path(), clone});
    upstream.add_migration(audit);
    upstream.commit("upstream: audit log");
    write_file(clone + "/migrations/" + billing, default_migration_body(billing));
    git_in(clone, {"add", "-A"});
    git_on_path(clone, {"commit", "-q", "-m", "local: billing"});
    hook_command(clone, {"install"});

    ProcessResult pull = git_on_path(clone, {"pull", "--no-rebase", "--no-edit"});
    EXPECT_THAT(printed(pull), HasSubstr("error: same-timestamp"));
    EXPECT_THAT(printed(pull), HasSubstr("merge not committed"));
    EXPECT_TRUE(file_exists(clone + "/.git/MERGE_HEAD")) << "the pull's merge is left open\n"
                                                         << pull;
}

class HookPushTest : public HookTest {
  protected:
    void SetUp() override {
        HookTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        build_diverged_branches(repo, "staging");
        git_in(remote.path(), {"init", "-q", "--bare", "origin.git"});
        repo.git({"remote", "add", "origin", remote / "origin.git"});
        repo.git({"push", "-q", "origin", "main", "production"});
        repo.write("migmerge.json", R"({"base": "origin/production"})");
        hook_command(repo.path(), {"install"});
    }

    bool remote_has(const std::string& branch) {
        return !git_in(remote / "origin.git", {"branch", "--list", branch}).empty();
    }

    GitRepo repo;
    TempDir remote;
};

TEST_F(HookPushTest, PushingABranchThatCollidesWithProductionIsBlocked) {
    ProcessResult push = git_on_path(repo.path(), {"push", "origin", "staging"});
    EXPECT_NE(push.exit_code, 0) << push;
    // git passes pre-push's stdout through, where other hooks' goes to stderr.
    EXPECT_THAT(printed(push), HasSubstr("error: same-timestamp"));
    EXPECT_THAT(printed(push), HasSubstr("migmerge: not pushing refs/heads/staging."));
    EXPECT_THAT(printed(push), HasSubstr("run `migmerge fix --base origin/production`"));
    EXPECT_FALSE(remote_has("staging"));
}

TEST_F(HookPushTest, AfterFixTheBranchPushes) {
    ASSERT_EQ(run_migmerge({"fix"}, repo.path()).exit_code, 0);
    repo.git({"commit", "-q", "-m", "migmerge fix"});
    ProcessResult push = git_on_path(repo.path(), {"push", "origin", "staging"});
    EXPECT_EQ(push.exit_code, 0) << push;
    EXPECT_TRUE(remote_has("staging"));
}

TEST_F(HookPushTest, NoVerifyPushesAnyway) {
    ProcessResult push = git_on_path(repo.path(), {"push", "--no-verify", "origin", "staging"});
    EXPECT_EQ(push.exit_code, 0) << push;
    EXPECT_TRUE(remote_has("staging"));
}

TEST_F(HookPushTest, OnlyTheCollidingRefOfSeveralIsReported) {
    repo.branch("feature", "production");
    repo.checkout("feature");
    repo.add_migration("20260120000000-add-feature.js");
    repo.commit("feature");
    ProcessResult push = git_on_path(repo.path(), {"push", "origin", "feature", "staging"});
    EXPECT_NE(push.exit_code, 0) << push;
    EXPECT_THAT(printed(push), HasSubstr("not pushing refs/heads/staging"));
    EXPECT_THAT(printed(push), Not(HasSubstr("not pushing refs/heads/feature")));
}

TEST_F(HookPushTest, TheBaseCanBeGivenToHookRunAndRefsComeOnStdin) {
    repo.remove("migmerge.json");
    std::string refs = "refs/heads/staging " + repo.rev("staging") + " refs/heads/staging " +
                       std::string(40, '0') + "\n";
    ProcessOptions options;
    options.cwd = repo.path();
    options.input = refs;
    ProcessResult unconfigured = run_process(
        {MIGMERGE_BIN, "hook", "run", "pre-push", "origin", remote / "origin.git"}, options);
    EXPECT_EQ(unconfigured.exit_code, 0) << unconfigured;
    EXPECT_THAT(unconfigured.err, HasSubstr("no production branch configured"));
    ProcessResult given = run_process({MIGMERGE_BIN, "hook", "run", "pre-push", "--base",
                                       "origin/production", "origin", remote / "origin.git"},
                                      options);
    EXPECT_EQ(given.exit_code, 1) << given;
    EXPECT_THAT(given.out, HasSubstr("not pushing refs/heads/staging"));
}

TEST_F(HookPushTest, AChainedPrePushHookReadsTheSameRefs) {
    hook_command(repo.path(), {"uninstall"});
    TempDir marks;
    write_hook(repo / ".git/hooks/pre-push", "cat > " + (marks / "refs"));
    hook_command(repo.path(), {"install"});
    ProcessResult push = git_on_path(repo.path(), {"push", "origin", "staging"});
    EXPECT_NE(push.exit_code, 0) << push;
    EXPECT_THAT(printed(push), HasSubstr("not pushing refs/heads/staging"));
    EXPECT_EQ(read_file(marks / "refs"), "refs/heads/staging " + repo.rev("staging") +
                                             " refs/heads/staging " + std::string(40, '0') + "\n");
}

}  // namespace
}  // namespace migmerge::test
