// An incremental CatalogReader against full reads: one reader follows a
// schema through every kind of change a migration makes, and after each
// step its snapshot must equal what a fresh full read prints. The steps are
// those whose printed text changes without the changed object's own
// catalogue rows changing (a rename seen through a foreign key, a view, a
// default, an owned sequence) and those that only a global read sees.
#include <gtest/gtest.h>

#include "db/db_test.hpp"
#include "migmerge/db/catalog.hpp"

namespace migmerge::db {
namespace {

using core::SchemaSnapshot;

class IncrementalCatalog : public test::PgTest {
  protected:
    SchemaSnapshot full_read() {
        SnapshotOptions options;
        options.incremental = false;
        return CatalogReader(db().target(), options).read();
    }

    // Each statement, then the followed reader's snapshot against a full one.
    void follow(CatalogReader& reader, const std::vector<std::string>& steps) {
        for (const std::string& step : steps) {
            db().exec(step);
            const SchemaSnapshot incremental = reader.read();
            EXPECT_EQ(compare_snapshots(full_read(), incremental),
                      std::vector<core::ObjectDifference>{})
                << "after: " << step;
        }
    }
};

const std::vector<std::string> table_steps = {
    "CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, name text)",
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id int REFERENCES users (id), body text)",
    "CREATE INDEX posts_user_idx ON posts (user_id)",
    "CREATE VIEW post_authors AS SELECT p.id, u.email FROM posts p JOIN users u ON u.id = "
    "p.user_id",
    "CREATE VIEW author_emails AS SELECT email FROM post_authors",
    // seen through the foreign key, the view, the index and the sequence
    "ALTER TABLE users RENAME TO members",
    "ALTER TABLE members RENAME COLUMN id TO member_id",
    "ALTER SEQUENCE users_id_seq RENAME TO members_id_seq",
    "ALTER INDEX posts_user_idx RENAME TO posts_member_idx",
    "ALTER TABLE posts RENAME COLUMN user_id TO member_id",
    "CREATE SEQUENCE counter",
    "ALTER SEQUENCE counter OWNED BY posts.body",
    "ALTER TABLE posts ALTER COLUMN body SET DEFAULT nextval('counter')::text",
    "ALTER SEQUENCE counter RENAME TO post_counter",
    "ALTER TABLE posts ADD COLUMN title varchar(20) NOT NULL DEFAULT ''",
    "ALTER TABLE posts ALTER COLUMN title TYPE varchar(80)",
    "ALTER TABLE posts DROP COLUMN title",
    "ALTER TABLE posts ADD CONSTRAINT body_not_empty CHECK (body <> '')",
    "ALTER TABLE posts RENAME CONSTRAINT body_not_empty TO body_present",
    "DROP VIEW author_emails",
    "DROP TABLE members CASCADE",
};

TEST_F(IncrementalCatalog, FollowsTablesAndWhatNamesThem) {
    CatalogReader reader(db().target());
    follow(reader, table_steps);
}

const std::vector<std::string> global_steps = {
    "CREATE TYPE mood AS ENUM ('sad', 'happy')",
    "CREATE TABLE people (id int, m mood, tags mood[])",
    "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'",
    "ALTER TYPE mood RENAME TO feeling",
    "CREATE TYPE point2 AS (x int, y int)",
    "ALTER TABLE people ADD COLUMN at point2",
    "ALTER TYPE point2 ADD ATTRIBUTE z int",
    "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
    "ALTER TABLE people ADD COLUMN n positive",
    "ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 100)",
    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
    "CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch()",
    "ALTER FUNCTION touch() RENAME TO touch_row",
    "ALTER TABLE people DISABLE TRIGGER people_touch",
    "CREATE SCHEMA app",
    "ALTER TABLE people SET SCHEMA app",
    "ALTER SCHEMA app RENAME TO core",
    "CREATE EXTENSION citext",
    "ALTER TABLE core.people ADD COLUMN handle citext",
    "DROP TRIGGER people_touch ON core.people",
};

TEST_F(IncrementalCatalog, FollowsTypesFunctionsSchemasAndExtensions) {
    CatalogReader reader(db().target());
    follow(reader, global_steps);
}

// Data leaves no catalogue trace: every read hashes it, an empty table's
// file included once it has one.
const std::vector<std::string> data_steps = {
    "CREATE TABLE t (id int, name text)",
    "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
    "UPDATE t SET name = 'c' WHERE id = 2",
    "DELETE FROM t",
    "INSERT INTO t VALUES (3, 'd')",
    "TRUNCATE t",
    "CREATE TABLE parent (id int)",
    "CREATE TABLE child () INHERITS (parent)",
    "INSERT INTO child VALUES (7)",
    "CREATE TABLE measures (at date, v int) PARTITION BY RANGE (at)",
    "CREATE TABLE measures_2026 PARTITION OF measures FOR VALUES FROM ('2026-01-01') TO "
    "('2027-01-01')",
    "INSERT INTO measures VALUES ('2026-05-01', 1)",
    "ALTER TABLE measures DETACH PARTITION measures_2026",
};

TEST_F(IncrementalCatalog, HashesDataThatChangedNoCatalogueRow) {
    CatalogReader reader(db().target());
    follow(reader, data_steps);
}

TEST_F(IncrementalCatalog, TheCrossCheckAgreesOnEveryStep) {
    SnapshotOptions options;
    options.cross_check = true;  // throws on any difference
    CatalogReader reader(db().target(), options);
    for (const auto* steps : {&table_steps, &global_steps, &data_steps}) {
        for (const std::string& step : *steps) {
            db().exec(step);
            EXPECT_NO_THROW(reader.read()) << "after: " << step;
        }
    }
}

}  // namespace
}  // namespace migmerge::db
