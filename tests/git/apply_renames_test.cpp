#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migmerge/git/repository.hpp"
#include "support/expect_error.hpp"
#include "support/git_fixture.hpp"

namespace migmerge::test {
namespace {

using core::Rename;
using git::Repository;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr const char* odd_from = "20240102000000-add \"quoted\" caf\xc3\xa9.js";
constexpr const char* odd_to = "20240201000000-add \"quoted\" caf\xc3\xa9.js";

// `git status --porcelain -z` as readable lines: "R  new <- old", "A  path".
std::vector<std::string> status_lines(GitRepo& repo) {
    std::string raw = repo.git({"status", "--porcelain=v1", "-z", "--untracked-files=all"});
    std::vector<std::string> fields;
    for (std::size_t start = 0, end; (end = raw.find('\0', start)) != std::string::npos;
         start = end + 1) {
        fields.push_back(raw.substr(start, end - start));
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string line = fields[i];
        // A rename's original path follows as a field of its own.
        if (line[0] == 'R' && i + 1 < fields.size()) line += " <- " + fields[++i];
        lines.push_back(line);
    }
    return lines;
}

Rename moving(const std::string& from, const std::string& to) {
    return Rename{from, to, "out-of-order", true};
}

class ApplyRenames : public GitTest {
  protected:
    void make_history(GitRepo& repo) {
        repo.add_migration("20240101000000-a.js");
        repo.add_migration(odd_from);
        repo.add_migration("20240103000000-c.js");
        repo.commit("migrations");
    }
};

TEST_F(ApplyRenames, MovesFilesLikeGitMvAndRecordsThemInTheLedger) {
    GitRepo repo;
    make_history(repo);
    Repository found = Repository::discover(repo.path());
    found.apply_renames("migrations", {Rename{odd_from, odd_to, "out-of-order", true},
                                       Rename{"old.js", "20240101000000-a.js", "record", false}});
    EXPECT_FALSE(file_exists(repo / (std::string("migrations/") + odd_from)));
    EXPECT_TRUE(file_exists(repo / (std::string("migrations/") + odd_to)));
    EXPECT_EQ(read_file(repo / "migrations/.migmerge-renames"),
              std::string(odd_from) + "\t" + odd_to + "\nold.js\t20240101000000-a.js\n");
    EXPECT_EQ(read_file(repo / "migrations/.gitattributes"), ".migmerge-renames merge=union\n");
    std::vector<std::string> status = status_lines(repo);
    EXPECT_THAT(status,
                Contains(std::string("R  migrations/") + odd_to + " <- migrations/" + odd_from));
    EXPECT_THAT(status, Contains("A  migrations/.migmerge-renames"));
    EXPECT_THAT(status, Contains("A  migrations/.gitattributes"));
    EXPECT_EQ(status.size(), 3u);
    EXPECT_EQ(found.read_index("migrations").content_of(odd_to),
              found.read_commit("HEAD", "migrations").content_of(odd_from));
}

TEST_F(ApplyRenames, AppendsOnLaterFixesAndWritesTheAttributesLineOnce) {
    GitRepo repo;
    make_history(repo);
    repo.write("migrations/.gitattributes", "*.js text");  // no final newline
    repo.commit("attributes");
    Repository found = Repository::discover(repo.path());
    found.apply_renames("migrations", {moving("20240103000000-c.js", "20240301000000-c.js")});
    repo.commit("first fix");
    found.apply_renames("migrations", {moving("20240101000000-a.js", "20240302000000-a.js")});
    EXPECT_EQ(read_file(repo / "migrations/.migmerge-renames"),
              "20240103000000-c.js\t20240301000000-c.js\n"
              "20240101000000-a.js\t20240302000000-a.js\n");
    EXPECT_EQ(read_file(repo / "migrations/.gitattributes"),
              "*.js text\n.migmerge-renames merge=union\n");
    EXPECT_THAT(status_lines(repo), Contains("M  migrations/.migmerge-renames"));
    EXPECT_EQ(status_lines(repo).size(), 2u);
}

TEST_F(ApplyRenames, RefusesAFileWithUncommittedChangesAndChangesNothing) {
    GitRepo repo;
    make_history(repo);
    repo.write("migrations/20240103000000-c.js", "edited");
    std::vector<std::string> before = status_lines(repo);
    Repository found = Repository::discover(repo.path());
    Error error = expect_error(
        [&] {
            found.apply_renames("migrations",
                                {moving("20240101000000-a.js", "20240301000000-a.js"),
                                 moving("20240103000000-c.js", "20240302000000-c.js")});
        },
        ExitCode::bad_input);
    EXPECT_EQ(error.one_line(),
              "cannot rename migrations/20240103000000-c.js: it has uncommitted changes");
    EXPECT_EQ(error.hint(), "commit or stash it first");
    EXPECT_EQ(status_lines(repo), before);
    EXPECT_TRUE(file_exists(repo / "migrations/20240101000000-a.js"));
    EXPECT_FALSE(file_exists(repo / "migrations/.migmerge-renames"));
}

TEST_F(ApplyRenames, ChecksEverySourceAndDestinationBeforeWriting) {
    GitRepo repo;
    make_history(repo);
    repo.add_migration("20240104000000-untracked.js");
    Repository found = Repository::discover(repo.path());
    auto refusal = [&](std::vector<Rename> renames) {
        Error error =
            expect_error([&] { found.apply_renames("migrations", renames); }, ExitCode::bad_input);
        return error.one_line();
    };
    Rename fine = moving("20240101000000-a.js", "20240301000000-a.js");
    EXPECT_THAT(refusal({fine, moving("missing.js", "x.js")}), HasSubstr("migrations/missing.js"));
    EXPECT_THAT(refusal({fine, moving("20240104000000-untracked.js", "x.js")}),
                HasSubstr("not a tracked file"));
    EXPECT_THAT(refusal({fine, moving("20240103000000-c.js", "20240101000000-a.js")}),
                HasSubstr("already exists"));
    EXPECT_THAT(refusal({fine, moving("20240103000000-c.js", "20240301000000-a.js")}),
                HasSubstr("two files"));
    EXPECT_THAT(refusal({moving("20240103000000-c.js", "sub/c.js")}), HasSubstr("file names"));
    EXPECT_THAT(refusal({moving("20240103000000-c.js", ".migmerge-renames")}),
                HasSubstr("file names"));
    EXPECT_THAT(status_lines(repo),
                testing::ElementsAre("?? migrations/20240104000000-untracked.js"));
}

TEST_F(ApplyRenames, RenamesAnIncomingFileWhileAMergeIsInProgress) {
    GitRepo repo;
    make_history(repo);
    repo.branch("staging");
    repo.add_migration("20240105000000-main.js");
    repo.commit("main work");
    repo.checkout("staging");
    repo.add_migration("20240104000000-staging.js");
    repo.commit("staging work");
    repo.checkout("main");
    repo.merge("staging", false, false);
    Repository found = Repository::discover(repo.path());
    found.apply_renames("migrations", {Rename{"20240104000000-staging.js",
                                              "20240105000001-staging.js", "out-of-order"}});
    core::MigrationSet index = found.read_index("migrations");
    EXPECT_TRUE(index.contains("20240105000001-staging.js"));
    EXPECT_FALSE(index.contains("20240104000000-staging.js"));
    EXPECT_EQ(found.read_workdir("migrations"), index);
    repo.git({"commit", "-q", "--no-edit"});
    EXPECT_TRUE(found.head_is_merge_commit());
    EXPECT_EQ(found.read_commit("HEAD", "migrations"), index);
}

TEST_F(ApplyRenames, NeedsAWorkTree) {
    GitRepo repo;
    make_history(repo);
    TempDir outside("migmerge-bare");
    std::string bare = bare_clone(repo, outside);
    Repository found = Repository::discover(bare);
    Error error = expect_error(
        [&] {
            found.apply_renames("migrations",
                                {moving("20240101000000-a.js", "20240301000000-a.js")});
        },
        ExitCode::bad_input);
    EXPECT_EQ(error.context(), "fix needs a work tree");
}

}  // namespace
}  // namespace migmerge::test
