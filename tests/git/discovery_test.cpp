#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/expect_error.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using git::Repository;
using ::testing::HasSubstr;

class Discovery : public GitTest {};

TEST_F(Discovery, FindsTheRepositoryFromASubdirectory) {
    GitRepo repo;
    repo.add_migration("20240101000000-a.js");
    repo.commit("first");
    Repository found = Repository::discover(repo / "migrations");
    EXPECT_EQ(found.workdir(), repo.path() + "/");
    EXPECT_EQ(found.git_dir(), repo.path() + "/.git/");
    EXPECT_EQ(found.common_dir(), repo.path() + "/.git/");
    EXPECT_FALSE(found.is_bare());
    EXPECT_FALSE(found.is_shallow());
}

TEST_F(Discovery, OpensALinkedWorktreeWithItsOwnGitDir) {
    GitRepo repo;
    repo.commit("first");
    TempDir outside("migmerge-worktree");
    std::string tree = outside / "feature";
    repo.git({"worktree", "add", "-q", "-b", "feature", tree});
    Repository found = Repository::discover(tree);
    EXPECT_EQ(found.workdir(), tree + "/");
    EXPECT_EQ(found.git_dir(), repo.path() + "/.git/worktrees/feature/");
    EXPECT_EQ(found.common_dir(), repo.path() + "/.git/");
    EXPECT_EQ(found.resolve("HEAD").commit, repo.rev("feature"));
}

TEST_F(Discovery, ReadsCommitsOfABareRepository) {
    GitRepo repo;
    repo.add_migration("20240101000000-a.js");
    std::string first = repo.commit("first");
    TempDir outside("migmerge-bare");
    std::string bare = bare_clone(repo, outside);
    Repository found = Repository::discover(bare);
    EXPECT_TRUE(found.is_bare());
    EXPECT_EQ(found.workdir(), "");
    EXPECT_EQ(found.resolve("main").commit, first);
    EXPECT_TRUE(found.read_commit(first, "migrations").contains("20240101000000-a.js"));
}

TEST_F(Discovery, OutsideARepositoryIsAResourceError) {
    TempDir plain("migmerge-plain");
    // Stop the upward search at the temp dir, which may itself sit inside a repository.
    ProcessResult inside = run_git({"rev-parse", "--git-dir"}, plain.path());
    if (inside.exit_code == 0) GTEST_SKIP() << "the temp directory is inside a repository";
    Error error = expect_error([&] { Repository::discover(plain.path()); }, ExitCode::resource);
    EXPECT_EQ(error.context(), "not a git repository");
    EXPECT_EQ(error.cause(), plain.path());
    EXPECT_THAT(error.hint(), HasSubstr("-C DIR"));
}

TEST_F(Discovery, AMissingDirectoryIsAResourceError) {
    TempDir plain("migmerge-plain");
    expect_error([&] { Repository::discover(plain / "does/not/exist"); }, ExitCode::resource);
}

TEST_F(Discovery, ReportsAShallowClone) {
    GitRepo repo;
    repo.commit("first");
    repo.commit("second");
    TempDir outside("migmerge-shallow");
    std::string clone = outside / "clone";
    git_in(outside.path(), {"clone", "-q", "--depth", "1", "file://" + repo.path(), clone});
    EXPECT_TRUE(Repository::discover(clone).is_shallow());
}

TEST_F(Discovery, MakesPathsRelativeToTheWorkTreeRoot) {
    GitRepo repo;
    repo.write("db/migrations/.keep", "");
    repo.commit("first");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.relative_to_workdir(repo / "db/migrations"), "db/migrations");
    EXPECT_EQ(found.relative_to_workdir(repo / "db/../db/migrations/"), "db/migrations");
    EXPECT_EQ(found.relative_to_workdir(repo.path()), ".");
    expect_error([&] { found.relative_to_workdir("/"); }, ExitCode::bad_input);
}

}  // namespace
}  // namespace migmerge::test
