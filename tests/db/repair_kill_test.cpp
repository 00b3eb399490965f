// A repair killed half-way leaves SequelizeMeta exactly as it was.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "db_test.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/db/meta_store.hpp"
#include "wait_until.hpp"

namespace migmerge::db {
namespace {

using Names = std::vector<std::string>;

const Names old_rows{"1-a.js", "2-b.js", "3-c.js"};
const std::vector<std::string> files{"1-a.js", "4-b.js", "5-c.js"};
constexpr const char* ledger_text = "2-b.js\t4-b.js\n3-c.js\t5-c.js\n";

[[noreturn]] void repair_in_child(const ConnectionTarget& target) {
    try {
        MetaStore(target).repair(core::Ledger::parse(ledger_text), files, false, false, "v");
        _exit(0);
    } catch (...) {
        _exit(1);
    }
}

std::string migmerge_backends_waiting(const test::TestDatabase& db) {
    return db.query_value(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'migmerge' AND "
        "datname = '" +
        db.name() + "' AND wait_event_type = 'Lock'");
}

std::string migmerge_backends(const test::TestDatabase& db) {
    return db.query_value(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'migmerge' AND "
        "datname = '" +
        db.name() + "'");
}

class RepairKillTest : public test::PgTest {};

TEST_F(RepairKillTest, KilledMidWayLeavesTheOldRowsAndNoAudit) {
    MetaStore store(db().target());
    for (const auto& row : old_rows) store.insert(row);
    {
        pqxx::connection blocker(db().target().conninfo());
        pqxx::work hold(blocker);
        hold.exec("SELECT name FROM \"SequelizeMeta\" WHERE name = '2-b.js' FOR UPDATE");
        pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) repair_in_child(db().target());
        bool blocked = test::wait_until([&] { return migmerge_backends_waiting(db()) == "1"; });
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        ASSERT_TRUE(blocked) << "the child's repair never blocked on the held row";
        EXPECT_TRUE(WIFSIGNALED(status));
        hold.abort();
    }
    // The orphaned backend finds its client gone once the row is free, and rolls back.
    ASSERT_TRUE(test::wait_until([&] { return migmerge_backends(db()) == "1"; }));
    EXPECT_EQ(store.names(), old_rows);
    EXPECT_EQ(test::audit_row_count(db()), "0");
    store.repair(core::Ledger::parse(ledger_text), files, false, false, "v");
    EXPECT_EQ(store.names(), (Names{"1-a.js", "4-b.js", "5-c.js"}));
    EXPECT_EQ(test::audit_row_count(db()), "2");
}

}  // namespace
}  // namespace migmerge::db
