#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "db_test.hpp"
#include "migmerge/db/meta_store.hpp"
#include "wait_until.hpp"

namespace migmerge::db {
namespace {

using std::chrono::seconds;

class LockTest : public test::PgTest {
  protected:
    // The backend pid of the only migmerge session in this database.
    std::string holder_pid() {
        return db().query_value(
            "SELECT pid FROM pg_stat_activity WHERE application_name = "
            "'migmerge' AND datname = '" +
            db().name() + "'");
    }
    std::string advisory_locks_held() {
        return db().query_value(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
            "granted AND database = (SELECT oid FROM pg_database WHERE "
            "datname = current_database())");
    }
};

TEST_F(LockTest, SecondLockWithZeroTimeoutFailsAtOnceNamingTheHolder) {
    AdvisoryLock first(db().target(), seconds(0));
    std::string pid = holder_pid();
    auto started = std::chrono::steady_clock::now();
    Error error = test::expect_error([&] { AdvisoryLock second(db().target(), seconds(0)); },
                                     ExitCode::resource);
    EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(2));
    EXPECT_EQ(error.one_line(),
              "lock timeout after 0s: held by pid " + pid + " (application migmerge)");
}

TEST_F(LockTest, SecondLockWaitsForItsTimeoutThenFails) {
    AdvisoryLock first(db().target(), seconds(0));
    auto started = std::chrono::steady_clock::now();
    test::expect_error([&] { AdvisoryLock second(db().target(), seconds(2)); }, ExitCode::resource,
                       "lock timeout after 2s: held by pid");
    auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, std::chrono::milliseconds(1900));
    EXPECT_LT(waited, seconds(10));
}

TEST_F(LockTest, AConnectedLockHoldsNothingUntilAcquired) {
    AdvisoryLock early(db().target());
    EXPECT_EQ(advisory_locks_held(), "0");
    AdvisoryLock other(db().target(), seconds(0));
    test::expect_error([&] { early.acquire(seconds(0)); }, ExitCode::resource);
}

TEST_F(LockTest, AcquiredAfterConnectingIsReleasedOnDestruction) {
    {
        AdvisoryLock early(db().target());
        early.acquire(seconds(0));
        EXPECT_EQ(advisory_locks_held(), "1");
    }
    EXPECT_EQ(advisory_locks_held(), "0");
}

TEST_F(LockTest, LockIsFreeAgainOnceTheHolderIsGone) {
    { AdvisoryLock first(db().target(), seconds(0)); }
    EXPECT_EQ(advisory_locks_held(), "0");
    AdvisoryLock second(db().target(), seconds(0));
    EXPECT_EQ(advisory_locks_held(), "1");
}

TEST_F(LockTest, LockOfAKilledProcessIsReleasedByTheServer) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        try {
            AdvisoryLock held(db().target(), seconds(0));
            pause();
        } catch (...) {
        }
        _exit(1);
    }
    bool locked = test::wait_until([&] { return advisory_locks_held() == "1"; });
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    ASSERT_TRUE(locked);
    AdvisoryLock after(db().target(), seconds(10));
    EXPECT_EQ(advisory_locks_held(), "1");
}

TEST_F(LockTest, ALostLockConnectionIsReportedNotIgnored) {
    AdvisoryLock held(db().target(), seconds(0));
    held.confirm_held();
    db().exec("SELECT pg_terminate_backend(" + holder_pid() + ")");
    test::expect_error([&] { held.confirm_held(); }, ExitCode::resource,
                       "lost the migration lock on");
    EXPECT_FALSE(held.held());
}

// A long migration leaves the holding transaction idle: the server's
// idle_in_transaction_session_timeout must not take the lock away.
TEST_F(LockTest, TheHolderOutlivesIdleInTransactionTimeout) {
    db().exec("ALTER DATABASE " + db().name() +
              " SET idle_in_transaction_session_timeout = '200ms'");
    AdvisoryLock held(db().target(), seconds(0));
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    held.confirm_held();
    EXPECT_EQ(advisory_locks_held(), "1");
}

// Through a session-mode pooler a connected waiter pins a server slot the
// holder may need: between attempts a waiter is not connected at all.
TEST_F(LockTest, AWaiterHoldsNoConnectionBetweenAttempts) {
    AdvisoryLock first(db().target(), seconds(0));
    auto waiter = std::async(std::launch::async, [&] {
        test::expect_error([&] { AdvisoryLock second(db().target(), seconds(2)); },
                           ExitCode::resource, "lock timeout after 2s");
    });
    int samples_without_waiter = 0;
    for (int i = 0; i < 40; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        if (db().query_value("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                             "'migmerge' AND datname = '" +
                             db().name() + "'") == "1") {
            ++samples_without_waiter;
        }
    }
    waiter.get();
    EXPECT_GT(samples_without_waiter, 20);
}

// In a rollout every pod but one finds, while it waits, that the others did
// the work: it stops waiting, without the lock, rather than queue for it.
TEST_F(LockTest, AWaiterStopsWaitingOnceTheRowsSayNothingIsLeft) {
    db().exec(R"(CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY))");
    AdvisoryLock first(db().target(), seconds(0));
    auto started = std::chrono::steady_clock::now();
    auto waiter = std::async(std::launch::async, [&] {
        AdvisoryLock second(db().target());
        return second.acquire_while_wanted(seconds(30), [](const std::vector<std::string>& rows) {
            return rows != std::vector<std::string>{"20250101000000-a.js"};
        });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    db().exec(R"(INSERT INTO "SequelizeMeta" VALUES ('20250101000000-a.js'))");
    EXPECT_FALSE(waiter.get());
    EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(5));
    EXPECT_EQ(advisory_locks_held(), "1");
}

TEST_F(LockTest, DifferentTablesDoNotContend) {
    AdvisoryLock first(db().target(), seconds(0));
    ConnectionTarget other = db().target();
    other.table = "OtherMeta";
    AdvisoryLock second(other, seconds(0));
    EXPECT_EQ(advisory_locks_held(), "2");
}

}  // namespace
}  // namespace migmerge::db
