// `migrate --transaction each`: each `up` and its SequelizeMeta row (and
// checksum) commit together or not at all, through the project's real
// sequelize, whose queryInterface calls join the transaction by CLS.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";

// Creates a table through queryInterface (the first half), then `second`.
std::string two_halves(const std::string& second) {
    return "module.exports = {\n  async up(queryInterface, Sequelize) {\n"
           "    await queryInterface.createTable('half', { id: Sequelize.INTEGER });\n" +
           second + "  },\n  async down() {},\n};\n";
}

class TransactionEach : public ProjectTest<SequelizeProject> {
  protected:
    ProcessResult migrate(const std::vector<std::string>& extra = {"--transaction", "each"},
                          std::function<void(int)> started = {}) const {
        std::vector<std::string> args{"migrate"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_migmerge(args, project_->dir(), {}, std::move(started));
    }
    bool half_exists() const {
        return database_->query_value("SELECT to_regclass('half') IS NOT NULL") == "t";
    }
};

TEST_F(TransactionEach, AFailureHalfWayLeavesNoTraceOfTheFirstHalf) {
    project_->add_migration(a, two_halves("    throw new Error('second half failed');\n"));
    ProcessResult result = migrate();
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_NE(result.out.find("second half failed"), std::string::npos) << result;
    EXPECT_FALSE(half_exists());
    EXPECT_EQ(meta_rows(*database_), Names{});
}

// The default is sequelize-cli's: no transaction, the first half stays.
TEST_F(TransactionEach, WithoutItTheFirstHalfStaysAsWithSequelizeCli) {
    project_->add_migration(a, two_halves("    throw new Error('second half failed');\n"));
    EXPECT_EQ(migrate({}).exit_code, 1);
    EXPECT_TRUE(half_exists());
}

TEST_F(TransactionEach, RowChecksumAndBodyCommitTogether) {
    project_->add_migration(a, two_halves(""));
    project_->add_migration(b, counting_migration(b));
    ProcessResult result = migrate();
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(half_exists());
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM migmerge_applied"), "2");
    EXPECT_EQ(effects(*database_), Names{b});
}

TEST_F(TransactionEach, AKilledMigrationLeavesNothingAndTheRerunRunsItOnce) {
    project_->add_migration(
        a, two_halves("    await queryInterface.sequelize.query('CREATE TABLE IF NOT EXISTS "
                      "effects (id serial, name text)');\n"
                      "    await queryInterface.sequelize.query(\"INSERT INTO effects (name) "
                      "SELECT 'a' FROM pg_sleep(3)\");\n"));
    std::promise<int> pid;
    auto first = std::async(std::launch::async, [&] {
        return migrate({"--transaction", "each"}, [&](int started) { pid.set_value(started); });
    });
    const int running = pid.get_future().get();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (database_->query_value("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                  "AND query LIKE 'INSERT INTO effects%'") == "0" &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(running, SIGKILL);
    first.get();
    // Without the transaction, the rerun would fail: "half" already exists.
    ProcessResult again = migrate();
    EXPECT_EQ(again.exit_code, 0) << again;
    EXPECT_EQ(effects(*database_), Names{"a"});
    EXPECT_EQ(meta_rows(*database_), Names{a});
}

TEST_F(TransactionEach, WhatCannotRunInATransactionSaysHowToOptOut) {
    database_->exec("CREATE TABLE things (id int)");
    const std::string concurrently =
        "await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY things_id ON things "
        "(id)');";
    project_->add_migration(a, "module.exports = { async up(queryInterface) { " + concurrently +
                                   " }, async down() {} };\n");
    ProcessResult refused = migrate();
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_NE(refused.out.find("CREATE INDEX CONCURRENTLY cannot run inside a transaction block "
                               "(hint: export `transaction: false` from " +
                               a),
              std::string::npos)
        << refused;
    project_->add_migration(
        a, "module.exports = { transaction: false, async up(queryInterface) { " + concurrently +
               " }, async down() {} };\n");
    ProcessResult opted_out = migrate();
    EXPECT_EQ(opted_out.exit_code, 0) << opted_out;
    EXPECT_EQ(meta_rows(*database_), Names{a});
}

}  // namespace
}  // namespace migmerge::test
