#include "migmerge/core/schema_snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace migmerge::core {
namespace {

using Kind = ObjectDifference::Kind;

SchemaObject column(const std::string& name, const std::string& type, const std::string& position) {
    return {"column", name, {{"type", type}, {"nullable", "true"}, {"position", position}}};
}

SchemaSnapshot snapshot_of(const std::vector<SchemaObject>& objects) {
    SchemaSnapshot snapshot;
    for (const SchemaObject& object : objects) snapshot.add(object);
    return snapshot;
}

SchemaSnapshot users_table() {
    return snapshot_of({{"table", "public.users", {}},
                        column("public.users.id", "integer", "1"),
                        column("public.users.email", "character varying(255)", "2"),
                        {"index", "public.users_email_idx", {{"definition", "CREATE INDEX ..."}}}});
}

TEST(SchemaSnapshot, KeyIsKindThenName) {
    EXPECT_EQ(column("public.users.id", "integer", "1").key(), "column public.users.id");
}

TEST(SchemaSnapshot, AddReplacesAnObjectWithTheSameKey) {
    SchemaSnapshot snapshot;
    snapshot.add(column("public.t.a", "integer", "1"));
    snapshot.add(column("public.t.a", "text", "1"));
    ASSERT_EQ(snapshot.objects.size(), 1u);
    EXPECT_EQ(snapshot.objects.at("column public.t.a").attributes.at("type"), "text");
}

TEST(SchemaSnapshot, EqualSnapshotsHaveNoDifferences) {
    EXPECT_EQ(users_table(), users_table());
    EXPECT_TRUE(compare_snapshots(users_table(), users_table()).empty());
    EXPECT_FALSE(only_column_order({}));
}

TEST(SchemaSnapshot, MissingAndExtraObjects) {
    SchemaSnapshot actual = users_table();
    actual.objects.erase("index public.users_email_idx");
    actual.add({"type", "public.mood", {{"labels", "happy,sad"}}});
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), actual);
    std::vector<ObjectDifference> expected = {{Kind::missing, "index public.users_email_idx", {}},
                                              {Kind::extra, "type public.mood", {}}};
    EXPECT_EQ(differences, expected);
    EXPECT_EQ(describe(differences[0], "the merged run"),
              "index public.users_email_idx: missing from the merged run");
    EXPECT_EQ(describe(differences[1], "the merged run"),
              "type public.mood: only in the merged run");
}

TEST(SchemaSnapshot, ChangedObjectListsEveryAttributeInNameOrder) {
    SchemaSnapshot actual = users_table();
    auto& email = actual.objects.at("column public.users.email").attributes;
    email["type"] = "text";
    email["nullable"] = "false";
    email["default"] = "''::text";
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), actual);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0].kind, Kind::changed);
    EXPECT_FALSE(differences[0].position_only);
    std::vector<std::string> details = {"default: (none) -> ''::text", "nullable: true -> false",
                                        "type: character varying(255) -> text"};
    EXPECT_EQ(differences[0].details, details);
    EXPECT_EQ(describe(differences[0], "x"),
              "column public.users.email: default: (none) -> ''::text, nullable: true -> false, "
              "type: character varying(255) -> text");
}

TEST(SchemaSnapshot, AnAttributeOnlyTheExpectedSideHasIsAChange) {
    SchemaSnapshot actual = users_table();
    actual.objects.at("index public.users_email_idx").attributes.clear();
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), actual);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0].details,
              std::vector<std::string>{"definition: CREATE INDEX ... -> (none)"});
}

TEST(SchemaSnapshot, ColumnOrderAloneIsPositionOnly) {
    SchemaSnapshot actual = users_table();
    actual.add(column("public.users.id", "integer", "2"));
    actual.add(column("public.users.email", "character varying(255)", "1"));
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), actual);
    ASSERT_EQ(differences.size(), 2u);
    EXPECT_TRUE(differences[0].position_only);
    EXPECT_TRUE(differences[1].position_only);
    EXPECT_EQ(differences[0].object, "column public.users.email");
    EXPECT_EQ(differences[0].details, std::vector<std::string>{"position: 2 -> 1"});
    EXPECT_TRUE(only_column_order(differences));
}

TEST(SchemaSnapshot, PositionWithAnotherChangeIsNotPositionOnly) {
    SchemaSnapshot actual = users_table();
    actual.add(column("public.users.email", "text", "3"));
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), actual);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_FALSE(differences[0].position_only);
    EXPECT_FALSE(only_column_order(differences));
}

TEST(SchemaSnapshot, OneRealDifferenceSpoilsOnlyColumnOrder) {
    SchemaSnapshot actual = users_table();
    actual.add(column("public.users.id", "integer", "2"));
    actual.add(column("public.users.email", "character varying(255)", "1"));
    actual.objects.erase("index public.users_email_idx");
    EXPECT_FALSE(only_column_order(compare_snapshots(users_table(), actual)));
}

// A "position" attribute on anything but a column is an ordinary change.
TEST(SchemaSnapshot, PositionOnlyIsForColumns) {
    SchemaSnapshot expected = snapshot_of({{"constraint", "public.t.c", {{"position", "1"}}}});
    SchemaSnapshot actual = snapshot_of({{"constraint", "public.t.c", {{"position", "2"}}}});
    EXPECT_FALSE(compare_snapshots(expected, actual)[0].position_only);
}

TEST(SchemaSnapshot, DifferencesAreInKeyOrderWhateverTheInsertionOrder) {
    std::vector<SchemaObject> objects = {{"view", "public.v", {{"definition", "a"}}},
                                         {"extension", "pgcrypto", {{"version", "1.3"}}},
                                         {"rows", "public.t", {{"count", "1"}}},
                                         column("public.t.a", "integer", "1")};
    SchemaSnapshot forwards = snapshot_of(objects);
    std::reverse(objects.begin(), objects.end());
    SchemaSnapshot backwards = snapshot_of(objects);
    EXPECT_EQ(forwards, backwards);
    std::vector<ObjectDifference> added = compare_snapshots(SchemaSnapshot{}, backwards);
    std::vector<std::string> keys;
    for (const ObjectDifference& difference : added) keys.push_back(difference.object);
    std::vector<std::string> sorted = {"column public.t.a", "extension pgcrypto", "rows public.t",
                                       "view public.v"};
    EXPECT_EQ(keys, sorted);
    EXPECT_EQ(compare_snapshots(SchemaSnapshot{}, forwards), added);
}

TEST(SchemaSnapshot, EverythingMissingFromAnEmptyActual) {
    std::vector<ObjectDifference> differences = compare_snapshots(users_table(), SchemaSnapshot{});
    ASSERT_EQ(differences.size(), 4u);
    for (const ObjectDifference& difference : differences)
        EXPECT_EQ(difference.kind, Kind::missing);
}

}  // namespace
}  // namespace migmerge::core
