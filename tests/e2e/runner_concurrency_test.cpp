// The built `migmerge migrate` as deployments run it: many pods at once on one
// database, and side by side with sequelize-cli on the same SequelizeMeta.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <map>

#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"
#include "support/side_by_side.hpp"

namespace migmerge::test {
namespace {

using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

class Runner : public test::ProjectTest<test::SequelizeProject> {
  protected:
    // Not idempotent on purpose: every run leaves a row in "effects", and the
    // sleep widens the window in which a second runner could slip in.
    void add(const Names& names) const {
        for (const auto& name : names) project_->add_migration(name, sleeping_migration(name, 1));
    }

    ProcessResult migmerge(const std::vector<std::string>& args) const {
        return run_migmerge(args, project_->dir(), {});
    }
    ProcessResult sequelize_cli(const std::vector<std::string>& args) const {
        return project_->sequelize_cli(args);
    }
    Names effects() const { return test::effects(*database_); }
    Names meta_rows() const { return test::meta_rows(*database_); }
};

TEST_F(Runner, ThirtyTwoConcurrentMigratesRunEachMigrationExactlyOnce) {
    add({a, b, c});
    std::vector<std::future<ProcessResult>> runs;
    for (int i = 0; i < 32; ++i) {
        runs.push_back(std::async(std::launch::async, [this] { return migmerge({"migrate"}); }));
    }
    for (auto& run : runs) {
        ProcessResult result = run.get();
        EXPECT_EQ(result.exit_code, 0) << result;
    }
    EXPECT_EQ(effects(), (Names{a, b, c}));
    EXPECT_EQ(meta_rows(), (Names{a, b, c}));
    EXPECT_EQ(database_->query_value(
                  "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                  "(SELECT oid FROM pg_database WHERE datname = current_database())"),
              "0");
}

TEST_F(Runner, ContinuesADatabaseThatSequelizeCliMigrated) {
    add({a, b});
    ProcessResult cli = sequelize_cli({"db:migrate"});
    ASSERT_EQ(cli.exit_code, 0) << cli;
    add({c});
    ProcessResult result = migmerge({"migrate"});
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(effects(), (Names{a, b, c}));
    EXPECT_EQ(meta_rows(), (Names{a, b, c}));
}

TEST_F(Runner, SequelizeCliContinuesADatabaseThatMigmergeMigrated) {
    add({a, b});
    ProcessResult result = migmerge({"migrate"});
    ASSERT_EQ(result.exit_code, 0) << result;
    add({c});
    ProcessResult cli = sequelize_cli({"db:migrate"});
    EXPECT_EQ(cli.exit_code, 0) << cli;
    EXPECT_EQ(effects(), (Names{a, b, c}));
    ProcessResult again = sequelize_cli({"db:migrate"});
    EXPECT_NE(again.out.find("No migrations were executed"), std::string::npos) << again;
    EXPECT_EQ(meta_rows(), (Names{a, b, c}));
}

TEST_F(Runner, SequelizeCliStatusAgreesWithMigmergeStatus) {
    add({a, b, c});
    ProcessResult partial = migmerge({"migrate", "--to", b});
    ASSERT_EQ(partial.exit_code, 0) << partial;
    ProcessResult cli = sequelize_cli({"db:migrate:status"});
    ASSERT_EQ(cli.exit_code, 0) << cli;
    ProcessResult ours = migmerge({"--format", "json", "status"});
    ASSERT_EQ(ours.exit_code, 0) << ours;
    const std::map<std::string, std::string> expected{{a, "up"}, {b, "up"}, {c, "down"}};
    EXPECT_EQ(sequelize_cli_states(cli.out), expected) << cli;
    EXPECT_EQ(as_up_or_down(migmerge_states(ours.out)), expected) << ours;
}

}  // namespace
}  // namespace migmerge::test
