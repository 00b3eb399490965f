// status, repair, migrate and undo through the built binary, on a real
// database reached through the project's config/config.json.
#include <gmock/gmock.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string b2 = "20250104000000-b.js";
const std::string c = "20250103000000-c.js";

class DbCommands : public test::ProjectTest<test::SequelizeProject> {
  protected:
    void add(const Names& names) const {
        for (const auto& name : names) project_->add_migration(name, counting_migration(name));
    }
    // What `fix` leaves behind: the file under its new name and a ledger line.
    void rename(const std::string& from, const std::string& to) const {
        std::filesystem::rename(project_->path_of(from), project_->path_of(to));
        write_file(project_->path_of(".migmerge-renames"), from + "\t" + to + "\n");
    }
    ProcessResult migmerge(const std::vector<std::string>& args) const {
        return run_migmerge(args, project_->dir(), {});
    }
    std::map<std::string, std::string> states() const {
        ProcessResult result = migmerge({"--format", "json", "status"});
        EXPECT_EQ(result.exit_code, 0) << result;
        std::map<std::string, std::string> states;
        const nlohmann::json document = nlohmann::json::parse(result.out);
        for (const auto& migration : document.at("migrations")) {
            states[migration.at("name").get<std::string>()] =
                migration.at("state").get<std::string>();
        }
        return states;
    }
    Names rows() const { return meta_rows(*database_); }
};

TEST_F(DbCommands, StatusOfAFreshDatabaseIsAllPendingAndWritesNothing) {
    add({a, b});
    EXPECT_EQ(states(), (std::map<std::string, std::string>{{a, "pending"}, {b, "pending"}}));
    EXPECT_EQ(database_->query_value("SELECT to_regclass('\"SequelizeMeta\"') IS NULL"), "t");
}

TEST_F(DbCommands, RepairRewritesRenamedRowsSoNothingRunsTwice) {
    add({a, b});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    rename(b, b2);
    EXPECT_EQ(states().at(b), "renamed");

    ProcessResult dry = migmerge({"repair", "--dry-run"});
    EXPECT_EQ(dry.exit_code, 0) << dry;
    EXPECT_THAT(dry.out, HasSubstr("rename " + b + " -> " + b2));
    EXPECT_EQ(rows(), (Names{a, b})) << "a dry run writes nothing";

    ProcessResult repair = migmerge({"repair"});
    EXPECT_EQ(repair.exit_code, 0) << repair;
    EXPECT_EQ(rows(), (Names{a, b2}));
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM migmerge_audit"), "1");
    EXPECT_THAT(migmerge({"repair"}).out, HasSubstr("Nothing to repair"));

    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_EQ(effects(*database_), (Names{a, b})) << "b ran once, under its old name";
}

// A legacy name (no timestamp) runs as sequelize-cli runs it: first, by
// byte order, with a warning; status agrees with migrate and exits 0.
// Accepting it silences the warning.
TEST_F(DbCommands, MigrateRunsALegacyNameAsSequelizeCliDoes) {
    add({"00-init-model.js", a});
    ProcessResult migrate = migmerge({"migrate"});
    EXPECT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_THAT(migrate.out, HasSubstr("warning: invalid-name: 00-init-model.js"));
    EXPECT_EQ(effects(*database_), (Names{"00-init-model.js", a}));
    ProcessResult status = migmerge({"status"});
    EXPECT_EQ(status.exit_code, 0) << status;
    EXPECT_THAT(status.out, HasSubstr("warning: invalid-name: 00-init-model.js"));

    write_file(project_->path_of(".migmerge-accepted"),
               "invalid-name\t00-init-model.js\tthe first schema, from before timestamps\n");
    ProcessResult accepted = migmerge({"status"});
    EXPECT_EQ(accepted.exit_code, 0) << accepted;
    EXPECT_THAT(accepted.out, Not(HasSubstr("invalid-name")));
}

TEST_F(DbCommands, MigrateRepairsFromTheLedgerBeforeRunning) {
    add({a, b});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    rename(b, b2);
    add({c});
    ProcessResult migrate = migmerge({"--format", "json", "migrate"});
    ASSERT_EQ(migrate.exit_code, 0) << migrate;
    EXPECT_EQ(rows(), (Names{a, c, b2}));
    EXPECT_EQ(effects(*database_), (Names{a, b, c}));
}

TEST_F(DbCommands, UndoFollowsSequelizeCliSemantics) {
    add({a, b, c});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    ProcessResult last = migmerge({"undo"});
    EXPECT_EQ(last.exit_code, 0) << last;
    EXPECT_THAT(last.out, HasSubstr("== 20250103000000-c: reverting ======="));
    EXPECT_EQ(last.out.find("Database "), std::string::npos) << "only -v names the target";
    EXPECT_THAT(migmerge({"-v", "undo", "--dry-run"}).out,
                HasSubstr("(from config/config.json (development)); migrations in "));
    EXPECT_EQ(rows(), (Names{a, b}));
    EXPECT_EQ(migmerge({"undo", "--to", b}).exit_code, 0);
    EXPECT_EQ(rows(), (Names{a}));
    EXPECT_EQ(migmerge({"undo", "--all"}).exit_code, 0);
    EXPECT_EQ(rows(), Names{});
    EXPECT_EQ(migmerge({"undo", "--all", "--name", a}).exit_code, 2) << "exclusive options";
}

TEST_F(DbCommands, AFailedMigrationIsExitOneAndTheNextRunResumes) {
    add({a});
    project_->add_migration(b, throwing_migration("boom"));
    ProcessResult failed = migmerge({"migrate"});
    EXPECT_EQ(failed.exit_code, 1) << failed;
    EXPECT_THAT(failed.out, HasSubstr("boom"));
    EXPECT_EQ(rows(), (Names{a}));
    add({b});
    EXPECT_EQ(migmerge({"migrate"}).exit_code, 0);
    EXPECT_EQ(effects(*database_), (Names{a, b}));
}

TEST_F(DbCommands, MigrateRefusesOnASameTimestampAndRunsNothing) {
    add({a, "20250101000000-also-a.js"});
    ProcessResult result = migmerge({"migrate"});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_THAT(result.out, HasSubstr("same-timestamp"));
    EXPECT_EQ(effects(*database_), Names{});
}

TEST_F(DbCommands, AnUnreachableDatabaseIsExitThreeAndNeverShowsThePassword) {
    add({a});
    ProcessResult result = migmerge({"status", "--url", "postgres://me:s3cret-pw@127.0.0.1:1/x"});
    EXPECT_EQ(result.exit_code, 3) << result;
    EXPECT_THAT(result.err, HasSubstr("migmerge: error: cannot connect"));
    EXPECT_EQ((result.out + result.err).find("s3cret-pw"), std::string::npos) << result;
}

TEST_F(DbCommands, AMalformedLedgerIsExitTwoAndChangesNothing) {
    add({a});
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    write_file(project_->path_of(".migmerge-renames"), "no tab on this line\n");
    ProcessResult result = migmerge({"repair"});
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_THAT(result.err, HasSubstr("line 1"));
    EXPECT_EQ(rows(), (Names{a}));
}

// What blocks migrate is what is pending: a legacy name that sequelize-cli
// already ran everywhere is a note; the same problem in a pending file refuses.
TEST_F(DbCommands, MigrateRefusesOnlyOnFindingsAboutPendingMigrations) {
    const std::string legacy = "dev-20200911-tax-forms.js";
    add({legacy});
    ASSERT_EQ(project_->sequelize_cli({"db:migrate"}).exit_code, 0);
    add({a, "20250101000000-a-twin.js"});
    ProcessResult refused = migmerge({"migrate"});
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_THAT(refused.err + refused.out, HasSubstr("same-timestamp"));
    EXPECT_EQ(effects(*database_), Names{legacy}) << "nothing ran";

    std::filesystem::remove(project_->path_of("20250101000000-a-twin.js"));
    ProcessResult ran = migmerge({"migrate"});
    EXPECT_EQ(ran.exit_code, 0) << ran;
    EXPECT_THAT(ran.err + ran.out, HasSubstr("warning: invalid-name: " + legacy));
    EXPECT_EQ(effects(*database_), (Names{legacy, a}));
    // An applied same-timestamp pair: a note in migrate and in status alike.
    add({"20250101000000-a-twin.js"});
    ASSERT_EQ(project_->sequelize_cli({"db:migrate"}).exit_code, 0);
    for (const char* command : {"migrate", "status"}) {
        ProcessResult noted = migmerge({command});
        EXPECT_EQ(noted.exit_code, 0) << noted;
        EXPECT_THAT(noted.out, HasSubstr("already applied here")) << command;
    }
}

}  // namespace
}  // namespace migmerge::test
