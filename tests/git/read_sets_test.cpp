#include <filesystem>

#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/expect_error.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using core::MigrationSet;
using git::Repository;

// The blob id git itself reports for `spec` ("HEAD:path", ":2:path").
std::string blob_id(GitRepo& repo, const std::string& spec) {
    std::string id = repo.git({"rev-parse", spec});
    return id.substr(0, id.find('\n'));
}

constexpr const char* odd_name = "20240102000000-add \"quoted\" caf\xc3\xa9 table.js";

class ReadSets : public GitTest {
  protected:
    // migrations/ with two migrations, a ledger, a nested folder and a
    // neighbour folder, committed on main.
    void make_history(GitRepo& repo) {
        repo.add_migration("20240101000000-create-users.js");
        repo.add_migration(odd_name);
        repo.write("migrations/.migmerge-renames", "a.js\tb.js\n");
        repo.write("migrations/nested/20240103000000-hidden.js", "nested");
        repo.write("seeders/20240104000000-seed.js", "seed");
        repo.commit("migrations");
    }
};

TEST_F(ReadSets, ACommitGivesTheFolderDirectFilesAndTheLedgerApart) {
    GitRepo repo;
    make_history(repo);
    Repository found = Repository::discover(repo.path());
    MigrationSet expected;
    expected.files = {{"20240101000000-create-users.js",
                       blob_id(repo, "HEAD:migrations/20240101000000-create-users.js")},
                      {odd_name, blob_id(repo, std::string("HEAD:migrations/") + odd_name)}};
    expected.ledger_text = "a.js\tb.js\n";
    EXPECT_EQ(found.read_commit(repo.rev("HEAD"), "migrations"), expected);
    EXPECT_EQ(found.read_commit("main", "./migrations/"), expected);
}

TEST_F(ReadSets, KeepsExecutablesAndSymlinks) {
    GitRepo repo;
    repo.write("migrations/run.sh", "#!/bin/sh\n");
    std::filesystem::permissions(repo / "migrations/run.sh", std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
    std::filesystem::create_symlink("run.sh", repo / "migrations/link.js");
    repo.commit("odd files");
    Repository found = Repository::discover(repo.path());
    MigrationSet from_commit = found.read_commit("HEAD", "migrations");
    EXPECT_EQ(from_commit.content_of("run.sh"), blob_id(repo, "HEAD:migrations/run.sh"));
    EXPECT_EQ(from_commit.content_of("link.js"), blob_id(repo, "HEAD:migrations/link.js"));
    EXPECT_EQ(found.read_workdir("migrations"), from_commit);
}

TEST_F(ReadSets, AMissingFolderIsReportedNotThrown) {
    GitRepo repo;
    repo.write("README.md", "readme");
    repo.commit("no migrations yet");
    Repository found = Repository::discover(repo.path());
    MigrationSet absent = MigrationSet::absent();
    EXPECT_EQ(found.read_commit("HEAD", "migrations"), absent);
    EXPECT_EQ(found.read_commit("HEAD", "README.md"), absent);
    EXPECT_EQ(found.read_index("migrations"), absent);
    EXPECT_EQ(found.read_workdir("migrations"), absent);
}

TEST_F(ReadSets, TheWorkTreeHasTheSameIdsAsTheCommit) {
    GitRepo repo;
    make_history(repo);
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.read_workdir("migrations"), found.read_commit("HEAD", "migrations"));
    repo.write("migrations/20240101000000-create-users.js", "changed");
    repo.add_migration("20240105000000-untracked.js");
    MigrationSet work = found.read_workdir("migrations");
    EXPECT_NE(work.content_of("20240101000000-create-users.js"),
              found.read_commit("HEAD", "migrations").content_of("20240101000000-create-users.js"));
    EXPECT_TRUE(work.contains("20240105000000-untracked.js"));
    EXPECT_FALSE(work.contains("nested"));
}

TEST_F(ReadSets, TheWorkTreeIdsSeeThroughLineEndingConversion) {
    GitRepo repo;
    repo.write("migrations/.gitattributes", "*.js text eol=crlf\n");
    repo.add_migration("20240101000000-a.js", "line one\nline two\n");
    repo.commit("crlf in the work tree");
    repo.remove("migrations/20240101000000-a.js");
    repo.git({"checkout", "--", "migrations/20240101000000-a.js"});
    ASSERT_EQ(read_file(repo / "migrations/20240101000000-a.js"), "line one\r\nline two\r\n");
    Repository found = Repository::discover(repo.path());
    EXPECT_EQ(found.read_workdir("migrations"), found.read_commit("HEAD", "migrations"));
}

TEST_F(ReadSets, TheIndexIncludesStagedFilesOnly) {
    GitRepo repo;
    make_history(repo);
    repo.add_migration("20240105000000-staged.js");
    repo.git({"add", "migrations/20240105000000-staged.js"});
    repo.add_migration("20240106000000-untracked.js");
    Repository found = Repository::discover(repo.path());
    MigrationSet index = found.read_index("migrations");
    EXPECT_EQ(index.content_of("20240105000000-staged.js"),
              blob_id(repo, ":migrations/20240105000000-staged.js"));
    EXPECT_FALSE(index.contains("20240106000000-untracked.js"));
    EXPECT_TRUE(index.contains(odd_name));
    EXPECT_EQ(index.ledger_text, "a.js\tb.js\n");
}

TEST_F(ReadSets, TheIndexDuringAConflictedMergeTakesOurSide) {
    GitRepo repo;
    repo.add_migration("20240101000000-shared.js", "base");
    repo.commit("base");
    repo.branch("staging");
    repo.add_migration("20240101000000-shared.js", "ours");
    repo.commit("main edits");
    repo.checkout("staging");
    repo.add_migration("20240101000000-shared.js", "theirs");
    repo.add_migration("20240102000000-incoming.js");
    repo.commit("staging edits");
    repo.checkout("main");
    EXPECT_FALSE(repo.merge("staging", true, false));
    Repository found = Repository::discover(repo.path());
    MigrationSet index = found.read_index("migrations");
    EXPECT_EQ(index.content_of("20240101000000-shared.js"),
              blob_id(repo, "HEAD:migrations/20240101000000-shared.js"));
    EXPECT_EQ(index.content_of("20240102000000-incoming.js"),
              blob_id(repo, "staging:migrations/20240102000000-incoming.js"));
    EXPECT_EQ(index.files.size(), 2u);
}

TEST_F(ReadSets, ABareRepositoryHasNoWorkTreeToRead) {
    GitRepo repo;
    make_history(repo);
    TempDir outside("migmerge-bare");
    std::string bare = bare_clone(repo, outside);
    Repository found = Repository::discover(bare);
    expect_error([&] { found.read_workdir("migrations"); }, ExitCode::bad_input);
    EXPECT_EQ(found.read_commit("HEAD", "migrations").files.size(), 2u);
}

TEST_F(ReadSets, AnUnreadableCommitIsAResourceError) {
    GitRepo repo;
    repo.commit("first");
    Repository found = Repository::discover(repo.path());
    std::string missing(40, 'a');
    expect_error([&] { found.read_commit(missing, "migrations"); }, ExitCode::resource);
    expect_error([&] { found.read_commit("nope", "migrations"); }, ExitCode::bad_input);
}

// A Sequelize 7 SQL migration is one entry named by its folder, whose
// content id names both files; a folder without both files is nothing.
TEST_F(ReadSets, ASqlFolderIsOneMigrationInEveryReader) {
    GitRepo repo;
    const std::string folder = "migrations/2026-04-05t10-00-00-add-index";
    repo.write(folder + "/up.sql", "CREATE INDEX i ON t (c);\n");
    repo.write(folder + "/down.sql", "DROP INDEX i;\n");
    repo.write("migrations/2026-04-06t10-00-00-half/up.sql", "SELECT 1;\n");
    repo.commit("sql folders");
    Repository found = Repository::discover(repo.path());
    MigrationSet commit = found.read_commit("HEAD", "migrations");
    const std::string id = blob_id(repo, "HEAD:" + folder + "/up.sql") + "+" +
                           blob_id(repo, "HEAD:" + folder + "/down.sql");
    MigrationSet expected;
    expected.files = {{"2026-04-05t10-00-00-add-index/", id}};
    EXPECT_EQ(commit, expected);
    EXPECT_EQ(found.read_index("migrations"), expected);
    EXPECT_EQ(found.read_workdir("migrations"), expected);
    repo.write(folder + "/down.sql", "DROP INDEX IF EXISTS i;\n");
    EXPECT_NE(found.read_workdir("migrations").content_of("2026-04-05t10-00-00-add-index/"), id);
}

}  // namespace
}  // namespace migmerge::test
