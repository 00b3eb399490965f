#include <filesystem>

#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using git::Repository;
namespace fs = std::filesystem;

// Installs a pre-commit hook in `hooks_dir` that leaves a marker behind, so
// the test learns where git itself looks for hooks.
void install_marker_hook(const std::string& hooks_dir, const std::string& marker) {
    std::string hook = hooks_dir + "/pre-commit";
    write_file(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
    fs::permissions(hook, fs::perms::owner_exec, fs::perm_options::add);
}

class HooksDir : public GitTest {};

TEST_F(HooksDir, DefaultsToTheHooksFolderOfTheGitDir) {
    GitRepo repo;
    repo.commit("first");
    EXPECT_EQ(Repository::discover(repo.path()).hooks_dir(), repo.path() + "/.git/hooks");
}

TEST_F(HooksDir, ResolvesARelativeHooksPathAgainstTheWorkTreeRoot) {
    GitRepo repo;
    repo.write("src/app.js", "app");
    repo.commit("first");
    repo.git({"config", "core.hooksPath", ".githooks"});
    std::string hooks = Repository::discover(repo / "src").hooks_dir();
    EXPECT_EQ(hooks, repo.path() + "/.githooks");
    TempDir markers("migmerge-marker");
    install_marker_hook(hooks, markers / "ran");
    repo.commit("second");
    EXPECT_TRUE(file_exists(markers / "ran"));
}

TEST_F(HooksDir, KeepsAnAbsoluteHooksPath) {
    GitRepo repo;
    TempDir elsewhere("migmerge-hooks");
    repo.git({"config", "core.hooksPath", elsewhere.path() + "/"});
    EXPECT_EQ(Repository::discover(repo.path()).hooks_dir(), elsewhere.path());
}

TEST_F(HooksDir, AWorktreeSharesTheMainRepositoryHooks) {
    GitRepo repo;
    repo.commit("first");
    TempDir outside("migmerge-worktree");
    std::string tree = outside / "feature";
    repo.git({"worktree", "add", "-q", "-b", "feature", tree});
    std::string hooks = Repository::discover(tree).hooks_dir();
    EXPECT_EQ(hooks, repo.path() + "/.git/hooks");
    TempDir markers("migmerge-marker");
    install_marker_hook(hooks, markers / "ran");
    git_in(tree, {"commit", "-q", "--allow-empty", "-m", "in the worktree"});
    EXPECT_TRUE(file_exists(markers / "ran"));
}

TEST_F(HooksDir, ARelativeHooksPathInAWorktreeIsThatWorktreesFolder) {
    GitRepo repo;
    repo.commit("first");
    repo.git({"config", "core.hooksPath", ".githooks"});
    TempDir outside("migmerge-worktree");
    std::string tree = outside / "feature";
    repo.git({"worktree", "add", "-q", "-b", "feature", tree});
    std::string hooks = Repository::discover(tree).hooks_dir();
    EXPECT_EQ(hooks, tree + "/.githooks");
    TempDir markers("migmerge-marker");
    install_marker_hook(hooks, markers / "ran");
    git_in(tree, {"commit", "-q", "--allow-empty", "-m", "in the worktree"});
    EXPECT_TRUE(file_exists(markers / "ran"));
}

}  // namespace
}  // namespace migmerge::test
