#include <gtest/gtest.h>

#include <algorithm>

#include "db_test.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/db/meta_store.hpp"

namespace migmerge::db {
namespace {

using Names = std::vector<std::string>;
using Files = std::vector<std::string>;

core::Ledger ledger(const std::string& text) {
    return core::Ledger::parse(text, "test ledger");
}

class RepairTest : public test::PgTest {
  protected:
    MetaStore store_with(const Names& rows, ConnectionTarget target) {
        MetaStore store(target);
        for (const auto& row : rows) store.insert(row);
        return store;
    }
    MetaStore store_with(const Names& rows) { return store_with(rows, db().target()); }
    std::string audit_count() { return test::audit_row_count(db()); }
};

TEST_F(RepairTest, RenamesRowsPerTheLedger) {
    MetaStore store = store_with({"1-a.js", "2-b.js"});
    RepairReport report =
        store.repair(ledger("2-b.js\t3-b.js\n"), {"1-a.js", "3-b.js"}, false, false, "0.1.0");
    EXPECT_TRUE(report.table_existed);
    EXPECT_TRUE(report.applied);
    EXPECT_EQ(report.plan.changes, (std::vector<core::RowChange>{{"2-b.js", "3-b.js"}}));
    EXPECT_EQ(store.names(), (Names{"1-a.js", "3-b.js"}));
}

TEST_F(RepairTest, ChecksumRecordsFollowTheirRows) {
    MetaStore store = store_with({"a.js", "b.js"});
    AppliedRecord a_record{"aaa", "2024-01-01T00:00:00.000Z", 5, "pod"};
    AppliedRecord b_record{"bbb", "2024-01-02T00:00:00.000Z", 6, "pod"};
    store.record_applied("a.js", a_record);
    store.record_applied("b.js", b_record);
    store.repair(ledger("a.js\tt.js\nb.js\ta.js\nt.js\tb.js\n"), {"a.js", "b.js"}, false, false,
                 "v");
    EXPECT_EQ(store.applied_records(),
              (std::map<std::string, AppliedRecord>{{"a.js", b_record}, {"b.js", a_record}}));
}

TEST_F(RepairTest, ChainsResolveToTheLastName) {
    MetaStore store = store_with({"a.js"});
    store.repair(ledger("a.js\tb.js\nb.js\tc.js\n"), {"c.js"}, false, false, "v");
    EXPECT_EQ(store.names(), Names{"c.js"});
}

TEST_F(RepairTest, SwappedNamesDoNotTripTheUniqueKey) {
    MetaStore store = store_with({"a.js", "b.js", "keep.js"});
    RepairReport report = store.repair(ledger("a.js\tt.js\nb.js\ta.js\nt.js\tb.js\n"),
                                       {"a.js", "b.js", "keep.js"}, false, false, "v");
    EXPECT_EQ(report.plan.changes.size(), 2u);
    EXPECT_EQ(store.names(), (Names{"a.js", "b.js", "keep.js"}));
    EXPECT_EQ(db().query_column("SELECT old_name || '>' || new_name FROM migmerge_audit ORDER BY "
                                "old_name"),
              (Names{"a.js>b.js", "b.js>a.js"}));
}

TEST_F(RepairTest, DoubleAppliedRowsAreLeftAloneAndReported) {
    MetaStore store = store_with({"a.js", "b.js"});
    RepairReport report = store.repair(ledger("a.js\tb.js\n"), {"b.js"}, false, false, "v");
    EXPECT_TRUE(report.plan.changes.empty());
    ASSERT_EQ(report.plan.findings.size(), 1u);
    EXPECT_EQ(report.plan.findings[0].code, core::FindingCode::double_applied);
    EXPECT_FALSE(report.applied);
    EXPECT_EQ(store.names(), (Names{"a.js", "b.js"}));
}

TEST_F(RepairTest, PrunesOrphansOnlyWhenAsked) {
    MetaStore store = store_with({"a.js", "gone.js"});
    store.repair(ledger(""), {"a.js"}, false, false, "v");
    EXPECT_EQ(store.names(), (Names{"a.js", "gone.js"}));
    RepairReport report = store.repair(ledger(""), {"a.js"}, true, false, "v");
    EXPECT_EQ(report.plan.changes, (std::vector<core::RowChange>{{"gone.js", ""}}));
    EXPECT_EQ(store.names(), Names{"a.js"});
    EXPECT_EQ(db().query_value("SELECT action || ' ' || old_name || ' ' || coalesce(new_name, "
                               "'-') FROM migmerge_audit"),
              "prune gone.js -");
}

TEST_F(RepairTest, DryRunPlansButChangesNothing) {
    MetaStore store = store_with({"1-a.js", "2-b.js"});
    Names before = store.names();
    RepairReport report =
        store.repair(ledger("2-b.js\t3-b.js\n"), {"1-a.js", "3-b.js"}, true, true, "v");
    EXPECT_EQ(report.plan.changes, (std::vector<core::RowChange>{{"2-b.js", "3-b.js"}}));
    EXPECT_FALSE(report.applied);
    EXPECT_EQ(store.names(), before);
    EXPECT_EQ(audit_count(), "0");
    EXPECT_EQ(db().query_value("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'migmerge%'"),
              "0");
}

TEST_F(RepairTest, MissingTableIsNothingToDo) {
    MetaStore store(db().target());
    RepairReport report = store.repair(ledger("a.js\tb.js\n"), {"b.js"}, true, false, "v");
    EXPECT_FALSE(report.table_existed);
    EXPECT_FALSE(report.applied);
    EXPECT_FALSE(store.table_exists());
}

TEST_F(RepairTest, WritesOneAuditRowPerChange) {
    MetaStore store = store_with({"a.js", "x.js", "orphan.js"});
    store.repair(ledger("a.js\tb.js\nx.js\ty.js\n"), {"b.js", "y.js"}, true, false, "1.2.3");
    EXPECT_EQ(db().query_column("SELECT action || ' ' || old_name || ' ' || coalesce(new_name, "
                                "'-') || ' ' || meta_table || ' ' || version || ' ' || db_user || "
                                "' ' || (host IS NOT NULL) FROM migmerge_audit ORDER BY id"),
              (Names{"rename a.js b.js SequelizeMeta 1.2.3 postgres true",
                     "rename x.js y.js SequelizeMeta 1.2.3 postgres true",
                     "prune orphan.js - SequelizeMeta 1.2.3 postgres true"}));
}

TEST_F(RepairTest, SecondRunChangesNothing) {
    MetaStore store = store_with({"a.js"});
    store.repair(ledger("a.js\tb.js\n"), {"b.js"}, false, false, "v");
    RepairReport again = store.repair(ledger("a.js\tb.js\n"), {"b.js"}, false, false, "v");
    EXPECT_TRUE(again.plan.changes.empty());
    EXPECT_FALSE(again.applied);
    EXPECT_EQ(store.names(), Names{"b.js"});
    EXPECT_EQ(audit_count(), "1");
}

TEST_F(RepairTest, CustomSchemaWithTimestampsKeepsCreatedAtAndTouchesUpdatedAt) {
    ConnectionTarget target = db().target();
    target.schema = "ops";
    target.table = "Migrations";
    target.timestamps = true;
    MetaStore store = store_with({"a.js", "k.js"}, target);
    db().exec(
        "UPDATE ops.\"Migrations\" SET \"createdAt\" = '2020-01-01Z', \"updatedAt\" = "
        "'2020-01-02Z'");
    store.repair(ledger("a.js\tb.js\n"), {"b.js", "k.js"}, false, false, "v");
    EXPECT_EQ(db().query_column("SELECT name || ' ' || (\"createdAt\" = '2020-01-01Z') || ' ' || "
                                "(\"updatedAt\" > now() - interval '1 hour') FROM "
                                "ops.\"Migrations\" ORDER BY name"),
              (Names{"b.js true true", "k.js true false"}));
    EXPECT_EQ(db().query_value("SELECT meta_table FROM ops.migmerge_audit"), "Migrations");
}

TEST_F(RepairTest, TenThousandRenamesAmongAHundredThousandRows) {
    db().exec(
        "CREATE TABLE \"SequelizeMeta\" (\"name\" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY "
        "(\"name\")); INSERT INTO \"SequelizeMeta\" SELECT 'm' || lpad(i::text, 6, '0') || '.js' "
        "FROM generate_series(1, 100000) AS i");
    std::string text;
    Files files;
    for (int i = 1; i <= 100000; ++i) {
        std::string number = std::to_string(1000000 + i).substr(1);
        bool renamed = i % 10 == 0;
        if (renamed) text += "m" + number + ".js\tr" + number + ".js\n";
        files.push_back((renamed ? "r" : "m") + number + ".js");
    }
    MetaStore store(db().target());
    RepairReport report = store.repair(ledger(text), files, false, false, "v");
    EXPECT_EQ(report.plan.changes.size(), 10000u);
    Names names = store.names();
    std::sort(files.begin(), files.end());
    EXPECT_EQ(names, files);
    EXPECT_EQ(audit_count(), "10000");
}

TEST_F(RepairTest, ReadOnlyUserGetsAClearErrorAndNothingChanges) {
    MetaStore(db().target()).insert("a.js");
    db().exec("DROP ROLE IF EXISTS " + db().name() + "_ro; CREATE ROLE " + db().name() +
              "_ro LOGIN PASSWORD 'ro-secret'; GRANT SELECT ON \"SequelizeMeta\" TO " +
              db().name() + "_ro");
    MetaStore store(db().target_as(db().name() + "_ro", "ro-secret"));
    Error error = test::expect_error(
        [&] { store.repair(ledger("a.js\tb.js\n"), {"b.js"}, false, false, "v"); },
        ExitCode::resource, "permission denied");
    db().exec("DROP OWNED BY " + db().name() + "_ro; DROP ROLE " + db().name() + "_ro");
    EXPECT_NE(error.hint().find("read-only"), std::string::npos) << error.hint();
    EXPECT_EQ(error.one_line().find("ro-secret"), std::string::npos);
    EXPECT_EQ(MetaStore(db().target()).names(), Names{"a.js"});
    EXPECT_EQ(audit_count(), "0");
}

}  // namespace
}  // namespace migmerge::db
