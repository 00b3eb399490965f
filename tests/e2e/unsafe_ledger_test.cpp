// Ledger entries that would run a migration twice: every command that reads
// the ledger refuses them with exit 2 and one line, before anything runs or
// is written. And a ledger a Windows editor saved still counts.
#include <gmock/gmock.h>

#include <filesystem>

#include "merge_scenario.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

void expect_refused(const ProcessResult& result, const std::string& line_and_entry) {
    EXPECT_EQ(result.exit_code, 2) << result;
    std::vector<std::string> lines = lines_of(result.err);
    ASSERT_EQ(lines.size(), 1u) << result;
    EXPECT_THAT(lines[0], StartsWith("migmerge: error: unsafe ledger entry in "));
    EXPECT_THAT(lines[0], HasSubstr(".migmerge-renames " + line_and_entry)) << result;
    EXPECT_EQ(result.out, "") << "nothing printed before the refusal";
}

class UnsafeLedger : public ProjectTest<SequelizeProject> {
  protected:
    void add(const Names& names) const {
        for (const auto& name : names) project_->add_migration(name, counting_migration(name));
    }
    void write_ledger(const std::string& text) const {
        write_file(project_->path_of(".migmerge-renames"), text);
    }
    ProcessResult migmerge(const std::vector<std::string>& args) const {
        return run_migmerge(args, project_->dir(), {});
    }
    // Every command that reads the folder's ledger, as a deploy would run it.
    void expect_every_command_refuses(const std::string& line_and_entry) const {
        for (const Names& args : std::vector<Names>{{"status"},
                                                    {"--format", "json", "status"},
                                                    {"repair"},
                                                    {"repair", "--dry-run"},
                                                    {"migrate"},
                                                    {"--format", "json", "migrate"},
                                                    {"migrate", "--dry-run"},
                                                    {"undo"}}) {
            SCOPED_TRACE(::testing::PrintToString(args));
            expect_refused(migmerge(args), line_and_entry);
        }
    }
};

// What reached a real database before: repair moved a's row onto b, then
// migrate ran a a second time and b never.
TEST_F(UnsafeLedger, ARenameOntoAnotherMigrationThatIsThereIsRefusedEverywhere) {
    add({a});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    add({b});
    write_ledger("# renames\n" + a + "\t" + b + "\n");
    expect_every_command_refuses("line 2 (" + a + " -> " + b + ")");
    EXPECT_THAT(migmerge({"status"}).err, HasSubstr("both are migration files in the folder"));
    EXPECT_EQ(meta_rows(*database_), Names{a}) << "nothing written";
    EXPECT_EQ(effects(*database_), Names{a}) << "nothing ran twice";
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM migmerge_audit"), "0");
}

TEST_F(UnsafeLedger, ARenameWhoseOldFileIsStillThereIsRefused) {
    add({a});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    write_ledger(a + "\t" + b + "\n");
    expect_every_command_refuses("line 1 (" + a + " -> " + b + ")");
    EXPECT_EQ(meta_rows(*database_), Names{a});
    EXPECT_EQ(effects(*database_), Names{a});
}

TEST_F(UnsafeLedger, ACycleIsRefusedAtTheLineThatClosesIt) {
    add({b});
    write_ledger(a + "\t" + b + "\n" + b + "\t" + a + "\n");
    expect_every_command_refuses("line 2 (" + b + " -> " + a + ")");
    EXPECT_THAT(migmerge({"migrate"}).err,
                HasSubstr("closes a cycle of renames: " + b + " -> " + a + " -> " + b));
    EXPECT_EQ(meta_rows(*database_), Names{}) << "SequelizeMeta not even created";
}

TEST_F(UnsafeLedger, ANameRenamedToTwoNamesIsRefused) {
    add({b, c});
    write_ledger(a + "\t" + b + "\n" + a + "\t" + c + "\n");
    expect_every_command_refuses("line 2 (" + a + " -> " + c + ")");
    EXPECT_THAT(migmerge({"repair"}).err, HasSubstr("already renamed to " + b + " on line 1"));
}

TEST_F(UnsafeLedger, ALegitimateRenameStillRepairs) {
    add({a});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    std::filesystem::rename(project_->path_of(a), project_->path_of(b));
    write_ledger(a + "\t" + b + "\n");
    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_EQ(meta_rows(*database_), Names{b});
    EXPECT_EQ(effects(*database_), Names{a}) << "ran once, under its old name";
}

// A byte order mark used to glue itself to the first old name, so the
// rename matched no row and migrate ran the migration again.
TEST_F(UnsafeLedger, ALedgerWithAByteOrderMarkAndCrlfEndingsIsApplied) {
    add({a});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    std::filesystem::rename(project_->path_of(a), project_->path_of(b));
    write_ledger("\xEF\xBB\xBF" + a + "\t" + b + "\r\n");
    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_THAT(migrate.out, HasSubstr("repaired SequelizeMeta: " + a + " -> " + b));
    EXPECT_EQ(meta_rows(*database_), Names{b});
    EXPECT_EQ(effects(*database_), Names{a});
}

// check, plan, fix and status --ref judge a ledger against its own commit.
TEST_F(MergeScenarioTest, GitCommandsRefuseAnUnsafeLedgerAtTheirRef) {
    GitRepo repo;
    build_diverged_branches(repo);
    repo.write("migrations/.migmerge-renames", std::string(analytics) + "\t" + audit + "\n");
    repo.commit("a rename onto a migration that is there");
    const std::string entry = "line 1 (" + std::string(analytics) + " -> " + audit + ")";
    for (const Names& args :
         std::vector<Names>{{"check", "--base", "production"},
                            {"--format", "json", "plan", "--base", "production"},
                            {"fix", "--base", "production"}}) {
        SCOPED_TRACE(::testing::PrintToString(args));
        ProcessResult result = run_migmerge(args, repo.path());
        expect_refused(result, entry);
        EXPECT_THAT(result.err, HasSubstr("HEAD:migrations/.migmerge-renames"));
    }
    EXPECT_EQ(repo.git({"status", "--porcelain"}), "") << "fix changed nothing";
    ProcessResult status = run_migmerge({"status", "--ref", "staging"}, repo.path());
    expect_refused(status, entry);
    EXPECT_THAT(status.err, HasSubstr("staging:migrations/.migmerge-renames"));
}

TEST_F(MergeScenarioTest, BasesLedgerIsJudgedAgainstBasesFolder) {
    GitRepo repo;
    build_diverged_branches(repo, "production");
    repo.write("migrations/.migmerge-renames",
               std::string("20251222115645-initial-schema.js\t") + billing + "\n");
    repo.commit("production: an unsafe rename");
    repo.checkout("staging");
    ProcessResult result = run_migmerge({"check", "--base", "production"}, repo.path());
    expect_refused(result, "line 1 (20251222115645-initial-schema.js -> ");
    EXPECT_THAT(result.err, HasSubstr("production:migrations/.migmerge-renames"));
}

}  // namespace
}  // namespace migmerge::test
