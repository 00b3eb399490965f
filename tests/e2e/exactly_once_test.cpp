// Exactly once as deployments break it: PgBouncer in transaction and session
// mode with more runners than server slots, and pods stopped by SIGTERM,
// SIGINT (Ctrl-C) or SIGKILL in the middle of a statement, with the next run
// started at once. The migrations are slow and not idempotent: each body
// inserts its name into "effects" in the same statement that sleeps, so a
// statement that commits after its run was stopped shows up as a second row.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "support/pg_fixture.hpp"
#include "support/pgbouncer.hpp"
#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

// The effect and the sleep in one statement: it commits at its end or not at all.
std::string slow_statement_migration(const std::string& name, double seconds) {
    return "module.exports = {\n  async up(queryInterface) {\n"
           "    await queryInterface.sequelize.query("
           "'CREATE TABLE IF NOT EXISTS effects (id serial, name text)');\n"
           "    await queryInterface.sequelize.query("
           "'INSERT INTO effects (name) SELECT $1 FROM pg_sleep(" +
           std::to_string(seconds) + ")', { bind: ['" + name +
           "'] });\n  },\n  async down() {},\n};\n";
}

class ExactlyOnce : public ProjectTest<SequelizeProject> {
  protected:
    void add(const Names& names, double seconds) const {
        for (const auto& name : names) {
            project_->add_migration(name, slow_statement_migration(name, seconds));
        }
    }

    std::vector<ProcessResult> migrate_at_once(int runners, const std::string& url) const {
        std::vector<std::future<ProcessResult>> runs;
        for (int i = 0; i < runners; ++i) {
            runs.push_back(std::async(std::launch::async, [&] {
                return run_migmerge({"migrate", "--url", url, "--lock-timeout", "120"},
                                    project_->dir());
            }));
        }
        std::vector<ProcessResult> results;
        for (auto& run : runs) results.push_back(run.get());
        return results;
    }

    void expect_exactly_once(const std::vector<ProcessResult>& results, const Names& names) const {
        for (const ProcessResult& result : results) EXPECT_EQ(result.exit_code, 0) << result;
        EXPECT_EQ(effects(*database_), names);
        EXPECT_EQ(meta_rows(*database_), names);
        EXPECT_EQ(advisory_locks(), "0");
    }

    std::string advisory_locks() const {
        return database_->query_value(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    // Backends of migmerge runs' bridges still doing something.
    std::string busy_run_backends() const {
        return database_->query_value(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            "starts_with(application_name, 'migmerge-run:') AND state <> 'idle'");
    }

    bool wait_for_running_statement(const std::string& name) const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            if (database_->query_value("SELECT count(*) FROM pg_stat_activity WHERE state = "
                                       "'active' AND query LIKE 'INSERT INTO effects%' AND "
                                       "datname = current_database()") != "0") {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        (void)name;
        return false;
    }

    // One migrate stopped by `signal_number` while a's statement runs, and a
    // second started the moment the signal is sent.
    std::pair<ProcessResult, ProcessResult> stop_then_rerun(int signal_number) {
        add({a}, 3);
        add({b}, 0.1);
        std::promise<int> first_pid;
        auto first = std::async(std::launch::async, [&] {
            return run_migmerge({"migrate"}, project_->dir(), {},
                                [&](int pid) { first_pid.set_value(pid); });
        });
        const int pid = first_pid.get_future().get();
        EXPECT_TRUE(wait_for_running_statement(a));
        kill(pid, signal_number);
        ProcessResult second = run_migmerge({"migrate"}, project_->dir());
        return {first.get(), second};
    }
};

TEST_F(ExactlyOnce, TwentyFourRunnersThroughPgbouncerInTransactionMode) {
    MIGMERGE_REQUIRE_PGBOUNCER();
    add({a, b, c}, 0.5);
    Pgbouncer pooler(*database_, PoolMode::transaction, 5);
    expect_exactly_once(migrate_at_once(24, pooler.url()), {a, b, c});
}

TEST_F(ExactlyOnce, TwentyFourRunnersThroughPgbouncerInSessionModeWithTenSlots) {
    MIGMERGE_REQUIRE_PGBOUNCER();
    add({a, b, c}, 0.5);
    Pgbouncer pooler(*database_, PoolMode::session, 10);
    expect_exactly_once(migrate_at_once(24, pooler.url()), {a, b, c});
}

TEST_F(ExactlyOnce, SigtermCancelsTheStatementWaitsForItAndExits143) {
    auto [first, second] = stop_then_rerun(SIGTERM);
    EXPECT_EQ(first.exit_code, 143) << first;
    EXPECT_NE(first.err.find("migmerge: error: stopped by SIGTERM: " + a + " was cancelled"),
              std::string::npos)
        << first;
    EXPECT_EQ(second.exit_code, 0) << second;
    EXPECT_EQ(effects(*database_), (Names{a, b}));
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
    EXPECT_EQ(busy_run_backends(), "0");
}

TEST_F(ExactlyOnce, SigintIsExit130AndRunsNothingTwice) {
    auto [first, second] = stop_then_rerun(SIGINT);
    EXPECT_EQ(first.exit_code, 130) << first;
    EXPECT_EQ(second.exit_code, 0) << second;
    EXPECT_EQ(effects(*database_), (Names{a, b}));
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
}

// migmerge can do nothing about SIGKILL: the next run finds the statement
// the killed run left on the server and stops it before running anything.
TEST_F(ExactlyOnce, AfterSigkillTheNextRunStopsTheOrphanedStatementFirst) {
    auto [first, second] = stop_then_rerun(SIGKILL);
    EXPECT_EQ(first.signal, SIGKILL) << first;
    EXPECT_EQ(second.exit_code, 0) << second;
    // Had the orphan been left to finish, a would be in effects twice.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(effects(*database_), (Names{a, b}));
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
    EXPECT_EQ(busy_run_backends(), "0");
}

// Another application migrating its own table in the same database is not
// an earlier, killed run: its statement is left alone.
TEST_F(ExactlyOnce, ARunOnAnotherTableIsNeverCancelled) {
    add({a}, 2);
    auto other = std::async(std::launch::async, [&] {
        return run_migmerge({"migrate", "--table", "OtherMeta"}, project_->dir());
    });
    ASSERT_TRUE(wait_for_running_statement(a));
    ProcessResult ours = run_migmerge({"migrate"}, project_->dir());
    ProcessResult theirs = other.get();
    EXPECT_EQ(ours.exit_code, 0) << ours;
    EXPECT_EQ(theirs.exit_code, 0) << theirs;
    EXPECT_EQ(effects(*database_), (Names{a, a}));
}

// The lock's connection ends mid-run (a pooler restart, an administrator):
// the migration that was running is recorded, nothing after it runs.
TEST_F(ExactlyOnce, ALostLockStopsTheRunBeforeTheNextMigrationWithExit3) {
    add({a}, 2);
    add({b}, 0.1);
    auto run =
        std::async(std::launch::async, [&] { return run_migmerge({"migrate"}, project_->dir()); });
    ASSERT_TRUE(wait_for_running_statement(a));
    database_->exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
        "'migmerge' AND state = 'idle in transaction' AND datname = current_database()");
    ProcessResult result = run.get();
    EXPECT_EQ(result.exit_code, 3) << result;
    EXPECT_NE(result.err.find("migmerge: error: lost the migration lock on"), std::string::npos)
        << result;
    EXPECT_EQ(effects(*database_), (Names{a}));
    EXPECT_EQ(meta_rows(*database_), (Names{a}));
}

}  // namespace
}  // namespace migmerge::test
