#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using git::Repository;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* odd_name =
    "20240104000000-it's \"odd\" \xc3\xbc"
    "ber.js";

class UncommittedFiles : public GitTest {
  protected:
    void make_history(GitRepo& repo) {
        repo.add_migration("20240101000000-a.js");
        repo.add_migration("20240102000000-b.js");
        repo.add_migration("20240103000000-c.js");
        repo.add_migration(odd_name);
        repo.write("migrations/nested/x.js", "x");
        repo.write("other/y.js", "y");
        repo.commit("first");
    }
};

TEST_F(UncommittedFiles, ACleanFolderHasNone) {
    GitRepo repo;
    make_history(repo);
    EXPECT_THAT(Repository::discover(repo.path()).uncommitted_files("migrations"), IsEmpty());
}

TEST_F(UncommittedFiles, ListsStagedAndUnstagedChangesButNotUntrackedFiles) {
    GitRepo repo;
    make_history(repo);
    repo.write("migrations/20240101000000-a.js", "edited, not staged");
    repo.remove("migrations/20240102000000-b.js");
    repo.add_migration("20240105000000-new.js");
    repo.git({"add", "migrations/20240105000000-new.js"});
    repo.write(std::string("migrations/") + odd_name, "edited and staged");
    repo.git({"add", "--", std::string("migrations/") + odd_name});
    repo.add_migration("20240106000000-untracked.js");
    repo.write("migrations/nested/x.js", "nested edit");
    repo.write("other/y.js", "outside edit");
    EXPECT_THAT(Repository::discover(repo.path()).uncommitted_files("./migrations/"),
                ElementsAre("20240101000000-a.js", "20240102000000-b.js", odd_name,
                            "20240105000000-new.js"));
}

}  // namespace
}  // namespace migmerge::test
