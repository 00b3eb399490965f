#include <gtest/gtest.h>

#include "db_test.hpp"
#include "migmerge/db/meta_store.hpp"

namespace migmerge::db {
namespace {

using test::expect_error;
using Names = std::vector<std::string>;

// Column and constraint facts, the way information_schema tells them.
Names table_facts(const test::TestDatabase& db, const std::string& schema,
                  const std::string& table) {
    Names facts = db.query_column(
        "SELECT column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, "
        "'-') || ' ' || is_nullable || ' ' || coalesce(column_default, '-') || ' ' || "
        "ordinal_position FROM information_schema.columns WHERE table_schema = '" +
        schema + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
    Names constraints = db.query_column(
        "SELECT tc.constraint_name || ' ' || tc.constraint_type || ' ' || kcu.column_name FROM "
        "information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
        "USING (constraint_schema, constraint_name) WHERE tc.table_schema = '" +
        schema + "' AND tc.table_name = '" + table + "' ORDER BY 1");
    facts.insert(facts.end(), constraints.begin(), constraints.end());
    return facts;
}

class MetaStoreTest : public test::PgTest {};

TEST_F(MetaStoreTest, NoTableUntilAWritingCommandCreatesIt) {
    MetaStore store(db().target());
    EXPECT_FALSE(store.table_exists());
    EXPECT_EQ(store.names(), Names{});
    EXPECT_TRUE(store.applied_records().empty());
    EXPECT_FALSE(store.table_exists());
    store.ensure_table();
    EXPECT_TRUE(store.table_exists());
}

TEST_F(MetaStoreTest, DdlMatchesSequelizeCli) {
    test::TestDatabase reference;
    reference.exec(
        "CREATE TABLE IF NOT EXISTS \"SequelizeMeta\" (\"name\" VARCHAR(255) NOT NULL UNIQUE , "
        "PRIMARY KEY (\"name\"));");
    MetaStore(db().target()).ensure_table();
    Names expected = table_facts(reference, "public", "SequelizeMeta");
    EXPECT_EQ(expected.size(), 2u);  // PostgreSQL folds UNIQUE into the primary key
    EXPECT_EQ(table_facts(db(), "public", "SequelizeMeta"), expected);
}

TEST_F(MetaStoreTest, DdlWithSchemaAndTimestampsMatchesSequelizeCli) {
    test::TestDatabase reference;
    reference.exec(
        "CREATE SCHEMA IF NOT EXISTS \"ops\"; CREATE TABLE IF NOT EXISTS \"ops\".\"Meta\" "
        "(\"name\" VARCHAR(255) NOT NULL UNIQUE , \"createdAt\" TIMESTAMP WITH TIME ZONE NOT "
        "NULL, \"updatedAt\" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (\"name\"));");
    ConnectionTarget target = db().target();
    target.schema = "ops";
    target.table = "Meta";
    target.timestamps = true;
    MetaStore(target).ensure_table();
    Names expected = table_facts(reference, "ops", "Meta");
    EXPECT_EQ(expected.size(), 4u);
    EXPECT_EQ(table_facts(db(), "ops", "Meta"), expected);
}

TEST_F(MetaStoreTest, NamesAreInByteOrder) {
    MetaStore store(db().target());
    for (const char* name : {"\xC3\xA9.js", "a.js", "B.js", "20240101000000-x.js"}) {
        store.insert(name);
    }
    EXPECT_EQ(store.names(), (Names{"20240101000000-x.js", "B.js", "a.js", "\xC3\xA9.js"}));
}

TEST_F(MetaStoreTest, NamesByCollationFollowTheDatabase) {
    test::TestDatabase icu("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
    MetaStore store(icu.target());
    for (const char* name : {"B.js", "a.js", "c.js"}) store.insert(name);
    EXPECT_EQ(store.names(), (Names{"B.js", "a.js", "c.js"}));
    EXPECT_EQ(store.names_by_collation(), (Names{"a.js", "B.js", "c.js"}));
}

TEST_F(MetaStoreTest, InsertAndRemove) {
    MetaStore store(db().target());
    store.insert("1-a.js");
    store.insert("2-b.js");
    store.remove("1-a.js");
    store.remove("never-there.js");
    EXPECT_EQ(store.names(), Names{"2-b.js"});
    EXPECT_EQ(db().query_column("SELECT name FROM \"SequelizeMeta\""), Names{"2-b.js"});
}

TEST_F(MetaStoreTest, NamesAreDataNeverSql) {
    MetaStore store(db().target());
    std::string hostile = "x'); DROP TABLE \"SequelizeMeta\"; --.js";
    store.insert(hostile);
    EXPECT_EQ(store.names(), Names{hostile});
}

TEST_F(MetaStoreTest, InsertWithTimestampsSetsBothColumns) {
    ConnectionTarget target = db().target();
    target.timestamps = true;
    MetaStore store(target);
    store.insert("1-a.js");
    EXPECT_EQ(db().query_value("SELECT count(*) FROM \"SequelizeMeta\" WHERE \"createdAt\" = "
                               "\"updatedAt\" AND \"createdAt\" > now() - interval '1 hour'"),
              "1");
}

TEST_F(MetaStoreTest, UnexpectedShapeIsBadInput) {
    db().exec("CREATE TABLE \"SequelizeMeta\" (id integer, name integer)");
    MetaStore store(db().target());
    expect_error([&] { store.names(); }, ExitCode::bad_input,
                 "SequelizeMeta has an unexpected shape");
}

TEST_F(MetaStoreTest, TextNameColumnIsNamedInTheShapeError) {
    db().exec("CREATE TABLE \"SequelizeMeta\" (name text PRIMARY KEY)");
    expect_error([&] { MetaStore(db().target()).names(); }, ExitCode::bad_input,
                 "column \"name\" is text, not character varying");
}

TEST_F(MetaStoreTest, SnapshotOfAMissingTableIsEmpty) {
    EXPECT_EQ(MetaStore(db().target()).snapshot(), MetaSnapshot{});
}

TEST_F(MetaStoreTest, SnapshotHasNamesInByteOrderAndTheirRecords) {
    MetaStore store(db().target());
    for (const char* name : {"b.js", "B.js", "a.js"}) store.insert(name);
    store.record_applied("a.js", {"abc", "2024-05-06T07:08:09.010Z", 3, "pod"});
    MetaSnapshot snapshot = store.snapshot();
    EXPECT_TRUE(snapshot.table_exists);
    EXPECT_EQ(snapshot.names, (Names{"B.js", "a.js", "b.js"}));
    EXPECT_EQ(snapshot.records, (std::map<std::string, AppliedRecord>{
                                    {"a.js", {"abc", "2024-05-06T07:08:09.010Z", 3, "pod"}}}));
}

TEST_F(MetaStoreTest, RecordRunWritesTheRowAndItsChecksumTogether) {
    ConnectionTarget target = db().target();
    target.timestamps = true;
    MetaStore store(target);
    store.record_run("1-a.js", {"abc", "", 5, "pod-1"});
    EXPECT_EQ(store.names(), Names{"1-a.js"});
    EXPECT_EQ(db().query_value("SELECT count(*) FROM \"SequelizeMeta\" WHERE \"createdAt\" IS "
                               "NOT NULL"),
              "1");
    EXPECT_EQ(store.applied_records().at("1-a.js").checksum, "abc");
}

TEST_F(MetaStoreTest, RecordRunOfARecordedNameWritesNeither) {
    MetaStore store(db().target());
    store.record_run("1-a.js", {"abc", "", 5, "pod-1"});
    expect_error([&] { store.record_run("1-a.js", {"def", "", 6, "pod-2"}); }, ExitCode::resource);
    EXPECT_EQ(store.names(), Names{"1-a.js"});
    EXPECT_EQ(store.applied_records().at("1-a.js").checksum, "abc");
}

TEST_F(MetaStoreTest, AppliedRecordsRoundTripInTheSideTable) {
    MetaStore store(db().target());
    store.record_applied("1-a.js", {"abc123", "2024-05-06T07:08:09.010Z", 42, "pod-1"});
    store.record_applied("1-a.js", {"def456", "2024-05-06T07:08:10.000Z", 7, "pod-2"});
    auto records = store.applied_records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.at("1-a.js"),
              (AppliedRecord{"def456", "2024-05-06T07:08:10.000Z", 7, "pod-2"}));
    EXPECT_EQ(db().query_value("SELECT meta_table FROM migmerge_applied"), "SequelizeMeta");
}

}  // namespace
}  // namespace migmerge::db
