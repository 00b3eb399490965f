// `migmerge hook install|uninstall` in real repositories: where the hooks
// go, that they are never lost or doubled, and that git really runs them.
#include <gmock/gmock.h>

#include "hooks_env.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> hook_names{"pre-merge-commit", "pre-commit", "post-merge",
                                          "pre-push"};

TEST_F(HookTest, InstallWritesFourExecutableHooksAndIsIdempotent) {
    GitRepo repo;
    std::string first = hook_command(repo.path(), {"install"});
    for (const auto& name : hook_names) {
        std::string hook = repo / (".git/hooks/" + name);
        EXPECT_TRUE(is_executable(hook)) << hook;
        EXPECT_THAT(read_file(hook), HasSubstr("migmerge hook run " + name));
        EXPECT_THAT(first, HasSubstr("installed " + hook));
    }
    std::string before = read_file(repo / ".git/hooks/pre-push");
    std::string second = hook_command(repo.path(), {"install"});
    EXPECT_THAT(second, HasSubstr("unchanged " + repo / ".git/hooks/pre-push"));
    EXPECT_THAT(second, ::testing::Not(HasSubstr("installed")));
    EXPECT_EQ(read_file(repo / ".git/hooks/pre-push"), before);
    EXPECT_FALSE(file_exists(repo / ".git/hooks/pre-push.migmerge-chained"))
        << "reinstalling must not chain migmerge to itself";
}

TEST_F(HookTest, AForeignHookIsChainedAndStillRuns) {
    GitRepo repo;
    TempDir marks;
    std::string foreign = "echo \"$@\" >> " + (marks / "ran");
    write_hook(repo / ".git/hooks/pre-commit", foreign);
    std::string out = hook_command(repo.path(), {"install"});
    EXPECT_THAT(out, HasSubstr("chained " + repo / ".git/hooks/pre-commit"));
    EXPECT_THAT(read_file(repo / ".git/hooks/pre-commit.migmerge-chained"), HasSubstr(foreign));
    repo.write("README.md", "hello\n");
    repo.git({"add", "README.md"});
    ProcessResult commit = git_on_path(repo.path(), {"commit", "-q", "-m", "first"});
    ASSERT_EQ(commit.exit_code, 0) << commit;
    EXPECT_TRUE(file_exists(marks / "ran")) << "the chained hook did not run";
}

TEST_F(HookTest, AChainedHookThatFailsStillBlocks) {
    GitRepo repo;
    write_hook(repo / ".git/hooks/pre-commit", "echo 'lint failed' >&2; exit 7");
    hook_command(repo.path(), {"install"});
    ProcessResult commit = git_on_path(repo.path(), {"commit", "-q", "--allow-empty", "-m", "x"});
    EXPECT_NE(commit.exit_code, 0) << commit;
    EXPECT_THAT(commit.err, HasSubstr("lint failed"));
}

TEST_F(HookTest, InstallRefusesWhenTheChainSlotIsTakenUnlessForced) {
    GitRepo repo;
    write_hook(repo / ".git/hooks/post-merge", "echo mine");
    write_hook(repo / ".git/hooks/post-merge.migmerge-chained", "echo stale");
    ProcessResult refused = run_migmerge({"hook", "install"}, repo.path());
    EXPECT_EQ(refused.exit_code, 2) << refused;
    EXPECT_THAT(refused.err, HasSubstr("post-merge.migmerge-chained is taken"));
    EXPECT_THAT(refused.err, HasSubstr("--force"));
    EXPECT_FALSE(file_exists(repo / ".git/hooks/pre-commit")) << "nothing is written on refusal";
    EXPECT_THAT(read_file(repo / ".git/hooks/post-merge"), HasSubstr("echo mine"));
    hook_command(repo.path(), {"install", "--force"});
    EXPECT_THAT(read_file(repo / ".git/hooks/post-merge"), HasSubstr("migmerge hook run"));
    EXPECT_THAT(read_file(repo / ".git/hooks/post-merge.migmerge-chained"), HasSubstr("echo mine"));
}

TEST_F(HookTest, InstallHonoursCoreHooksPathAndGitRunsThem) {
    GitRepo repo;
    build_diverged_branches(repo, "production");
    repo.git({"config", "core.hooksPath", ".githooks"});
    std::string out = hook_command(repo / "migrations", {"install"});
    EXPECT_THAT(out, HasSubstr(repo / ".githooks/pre-merge-commit"));
    EXPECT_TRUE(is_executable(repo / ".githooks/pre-merge-commit"));
    EXPECT_FALSE(file_exists(repo / ".git/hooks/pre-merge-commit"));
    ProcessResult merge = git_on_path(repo.path(), {"merge", "--no-edit", "staging"});
    EXPECT_EQ(merge.exit_code, 1) << "git ran the hook from core.hooksPath\n" << merge;
}

TEST_F(HookTest, InstallFromAWorktreeUsesTheSharedHooksDirectory) {
    GitRepo repo;
    build_diverged_branches(repo, "main");
    TempDir outside;
    std::string tree = outside / "production-tree";
    repo.git({"worktree", "add", "-q", tree, "production"});
    hook_command(tree, {"install"});
    EXPECT_TRUE(is_executable(repo / ".git/hooks/pre-merge-commit"));
    ProcessResult merge = git_on_path(tree, {"merge", "--no-edit", "staging"});
    EXPECT_EQ(merge.exit_code, 1) << "the worktree's merge ran the hook\n" << merge;
    EXPECT_THAT(merge.err, HasSubstr("same-timestamp"));
    repo.git({"worktree", "remove", "--force", tree});
}

TEST_F(HookTest, UninstallRestoresWhatWasThere) {
    GitRepo repo;
    write_hook(repo / ".git/hooks/pre-push", "echo theirs");
    std::string theirs = read_file(repo / ".git/hooks/pre-push");
    hook_command(repo.path(), {"install"});
    std::string out = hook_command(repo.path(), {"uninstall"});
    EXPECT_THAT(out, HasSubstr("restored " + repo / ".git/hooks/pre-push"));
    EXPECT_THAT(out, HasSubstr("removed " + repo / ".git/hooks/pre-commit"));
    EXPECT_EQ(read_file(repo / ".git/hooks/pre-push"), theirs);
    EXPECT_TRUE(is_executable(repo / ".git/hooks/pre-push"));
    EXPECT_FALSE(file_exists(repo / ".git/hooks/pre-push.migmerge-chained"));
    for (const auto& name : {"pre-merge-commit", "pre-commit", "post-merge"})
        EXPECT_FALSE(file_exists(repo / (std::string(".git/hooks/") + name))) << name;
    EXPECT_THAT(hook_command(repo.path(), {"uninstall"}), HasSubstr("No migmerge hooks"));
}

TEST_F(HookTest, UninstallLeavesHooksMigmergeDidNotWrite) {
    GitRepo repo;
    write_hook(repo / ".git/hooks/pre-commit", "echo theirs");
    EXPECT_THAT(hook_command(repo.path(), {"uninstall"}), HasSubstr("No migmerge hooks"));
    EXPECT_THAT(read_file(repo / ".git/hooks/pre-commit"), HasSubstr("echo theirs"));
    hook_command(repo.path(), {"install"});
    write_hook(repo / ".git/hooks/pre-commit", "echo written over migmerge's");
    std::string out = hook_command(repo.path(), {"uninstall"});
    EXPECT_THAT(out, HasSubstr("left " + repo / ".git/hooks/pre-commit"));
    EXPECT_THAT(read_file(repo / ".git/hooks/pre-commit"), HasSubstr("written over"));
    EXPECT_THAT(read_file(repo / ".git/hooks/pre-commit.migmerge-chained"),
                HasSubstr("echo theirs"));
}

TEST_F(HookTest, AnUnwritableHooksDirectoryIsAResourceError) {
    GitRepo repo;
    repo.write("not-a-dir", "a file where the hooks directory should be\n");
    repo.git({"config", "core.hooksPath", "not-a-dir"});
    ProcessResult result = run_migmerge({"hook", "install"}, repo.path());
    EXPECT_EQ(result.exit_code, 3) << result;
    EXPECT_THAT(result.err, HasSubstr("migmerge: error: cannot install the hooks in"));
}

}  // namespace
}  // namespace migmerge::test
