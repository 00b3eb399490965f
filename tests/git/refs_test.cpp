#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/expect_error.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using git::Repository;
using git::ResolvedRef;
using ::testing::HasSubstr;

class Refs : public GitTest {};

TEST_F(Refs, ResolvesBranchesAndIds) {
    GitRepo repo;
    std::string first = repo.commit("first");
    repo.branch("staging");
    std::string second = repo.commit("second");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.resolve("staging"), (ResolvedRef{"staging", first}));
    EXPECT_EQ(found.resolve("main").commit, second);
    EXPECT_EQ(found.resolve("HEAD").commit, second);
    EXPECT_EQ(found.resolve("main~1").commit, first);
    EXPECT_EQ(found.resolve(first).commit, first);
    EXPECT_EQ(found.resolve(first.substr(0, 8)), (ResolvedRef{first.substr(0, 8), first}));
}

TEST_F(Refs, PeelsLightweightAndAnnotatedTags) {
    GitRepo repo;
    std::string first = repo.commit("first");
    repo.git({"tag", "light"});
    repo.git({"tag", "-a", "-m", "release", "v1.0"});
    repo.commit("second");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.resolve("light").commit, first);
    EXPECT_EQ(found.resolve("v1.0").commit, first);
}

TEST_F(Refs, ResolvesRemoteTrackingBranchesOfAClone) {
    GitRepo origin;
    std::string first = origin.commit("first");
    TempDir outside("migmerge-clone");
    std::string clone = outside / "clone";
    git_in(outside.path(), {"clone", "-q", origin.path(), clone});
    std::string second = origin.commit("second");
    Repository found = Repository::discover(clone);
    EXPECT_EQ(found.resolve("origin/main").commit, first);
    git_in(clone, {"fetch", "-q"});
    EXPECT_EQ(found.resolve("origin/main").commit, second);
}

TEST_F(Refs, AnUnknownRefIsBadInput) {
    GitRepo repo;
    repo.commit("first");
    Repository found = Repository::discover(repo.path());
    Error error = expect_error([&] { found.resolve("no-such-branch"); }, ExitCode::bad_input);
    EXPECT_EQ(error.context(), "unknown ref 'no-such-branch'");
    expect_error([&] { found.resolve("HEAD^2"); }, ExitCode::bad_input);
    expect_error([&] { found.resolve("HEAD^{tree}"); }, ExitCode::bad_input);
}

TEST_F(Refs, SeesBothParentsOfAMergeCommit) {
    GitRepo repo;
    repo.commit("first");
    repo.branch("staging");
    repo.add_migration("20240101000000-main.js");
    std::string ours = repo.commit("main work");
    repo.checkout("staging");
    repo.add_migration("20240101000001-staging.js");
    std::string theirs = repo.commit("staging work");
    repo.checkout("main");
    Repository found = Repository::discover(repo.path());
    EXPECT_FALSE(found.head_is_merge_commit());
    repo.merge("staging");
    EXPECT_TRUE(found.head_is_merge_commit());
    EXPECT_EQ(found.resolve("HEAD^1").commit, ours);
    EXPECT_EQ(found.resolve("HEAD^2").commit, theirs);
}

TEST_F(Refs, ReadsMergeHeadWhileAMergeIsInProgress) {
    GitRepo repo;
    repo.commit("first");
    repo.branch("staging");
    repo.add_migration("20240101000000-main.js");
    repo.commit("main work");
    repo.checkout("staging");
    repo.add_migration("20240101000001-staging.js");
    std::string theirs = repo.commit("staging work");
    repo.checkout("main");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.merge_head(), std::nullopt);
    repo.merge("staging", false, false);
    EXPECT_EQ(found.merge_head(), (ResolvedRef{"MERGE_HEAD", theirs}));
    EXPECT_FALSE(found.head_is_merge_commit());
}

TEST_F(Refs, AnEmptyRepositoryHasNoMergeCommit) {
    GitRepo repo;
    EXPECT_FALSE(Repository::discover(repo.path()).head_is_merge_commit());
}

TEST_F(Refs, FindsTheMergeBaseOfTwoBranches) {
    GitRepo repo;
    std::string base = repo.commit("first");
    repo.branch("staging");
    std::string ours = repo.commit("main work");
    repo.checkout("staging");
    std::string theirs = repo.commit("staging work");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.merge_base(ours, theirs), base);
    EXPECT_EQ(found.merge_base("main", "staging"), base);
}

TEST_F(Refs, UnrelatedHistoriesHaveNoMergeBase) {
    GitRepo repo;
    std::string ours = repo.commit("first");
    repo.git({"checkout", "-q", "--orphan", "other"});
    std::string theirs = repo.commit("unrelated");
    Repository found = Repository::discover(repo.path());
    Error error = expect_error([&] { found.merge_base(ours, theirs); }, ExitCode::bad_input);
    EXPECT_EQ(error.context(), "no merge base between " + ours + " and " + theirs);
    EXPECT_EQ(error.hint(), "");
}

TEST_F(Refs, AShallowCloneSuggestsDeepening) {
    GitRepo origin;
    origin.commit("first");
    origin.branch("staging");
    origin.commit("main work");
    origin.checkout("staging");
    origin.commit("staging work");
    TempDir outside("migmerge-shallow");
    std::string clone = outside / "clone";
    git_in(outside.path(),
           {"clone", "-q", "--depth", "1", "--no-single-branch", "file://" + origin.path(), clone});
    Repository found = Repository::discover(clone);
    Error error = expect_error([&] { found.merge_base("origin/main", "origin/staging"); },
                               ExitCode::bad_input);
    EXPECT_THAT(error.context(), HasSubstr("no merge base between origin/main and origin/staging"));
    EXPECT_THAT(error.hint(), HasSubstr("git fetch --unshallow"));
    EXPECT_THAT(error.hint(), HasSubstr("--deepen=N"));
}

// Past the shallow boundary the walk goes on wherever the objects are here
// (main's tip is the merge base, fetched with main).
TEST_F(Refs, AShallowCloneThatHoldsTheMergeBaseFindsIt) {
    GitRepo origin;
    origin.commit("first");
    origin.commit("second");
    std::string base = origin.rev("HEAD");
    origin.branch("staging");
    origin.branch("production");
    for (const char* branch : {"staging", "production"}) {
        origin.checkout(branch);
        origin.commit(std::string(branch) + " one");
        origin.commit(std::string(branch) + " two");
    }
    TempDir outside("migmerge-shallow");
    std::string clone = outside / "clone";
    git_in(outside.path(),
           {"clone", "-q", "--depth", "2", "--no-single-branch", "file://" + origin.path(), clone});
    Repository found = Repository::discover(clone);
    ASSERT_TRUE(found.is_shallow());
    EXPECT_EQ(found.merge_base(found.resolve("origin/production").commit,
                               found.resolve("origin/staging").commit),
              base);
    EXPECT_EQ(found.merge_base("origin/staging", "origin/main"), base);
}

}  // namespace
}  // namespace migmerge::test
