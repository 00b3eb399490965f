#include "migmerge/core/statement_locks.hpp"

#include <gtest/gtest.h>

namespace migmerge::core {
namespace {

// The texts are what Sequelize 6.37's query interface sends to PostgreSQL.
TEST(StatementLocks, CreateTableLocksNothingExisting) {
    const StatementLock lock = statement_lock(
        R"(CREATE TABLE IF NOT EXISTS "Users" ("id"  SERIAL , "name" VARCHAR(255) NOT NULL, )"
        R"("createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));)");
    EXPECT_EQ(lock.kind, "CREATE TABLE");
    EXPECT_TRUE(lock.ddl);
    EXPECT_EQ(lock.lock, "");
    EXPECT_FALSE(lock.blocks_writes);
}

TEST(StatementLocks, CreateTableWithAForeignKeyLocksTheTableItNames) {
    const StatementLock lock = statement_lock(
        R"(CREATE TABLE IF NOT EXISTS "Posts" ("id"  SERIAL , "userId" INTEGER REFERENCES )"
        R"("Users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("id"));)");
    EXPECT_EQ(lock.lock, "SHARE ROW EXCLUSIVE");
    EXPECT_TRUE(lock.blocks_writes);
}

TEST(StatementLocks, AddColumnTakesAccessExclusive) {
    const StatementLock lock =
        statement_lock(R"(ALTER TABLE "public"."Users" ADD COLUMN "age" INTEGER;)");
    EXPECT_EQ(lock.kind, "ALTER TABLE");
    EXPECT_TRUE(lock.ddl);
    EXPECT_EQ(lock.lock, "ACCESS EXCLUSIVE");
    EXPECT_TRUE(lock.blocks_writes);
}

TEST(StatementLocks, AddingAForeignKeyConstraintTakesShareRowExclusive) {
    const StatementLock lock = statement_lock(
        R"(ALTER TABLE "public"."Posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("userId") )"
        R"(REFERENCES "Users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;)");
    EXPECT_EQ(lock.lock, "SHARE ROW EXCLUSIVE");
    EXPECT_TRUE(lock.blocks_writes);
}

TEST(StatementLocks, ValidatingAConstraintLetsWritesThrough) {
    const StatementLock lock =
        statement_lock(R"(ALTER TABLE "Posts" VALIDATE CONSTRAINT "posts_user_fk";)");
    EXPECT_EQ(lock.lock, "SHARE UPDATE EXCLUSIVE");
    EXPECT_FALSE(lock.blocks_writes);
}

TEST(StatementLocks, CreateIndexBlocksWritesForTheWholeBuild) {
    const StatementLock lock = statement_lock(R"(CREATE INDEX "users_name" ON "Users" ("name"))");
    EXPECT_EQ(lock.kind, "CREATE INDEX");
    EXPECT_EQ(lock.lock, "SHARE");
    EXPECT_TRUE(lock.blocks_writes);
    EXPECT_EQ(statement_lock(R"(CREATE UNIQUE INDEX "users_email" ON "Users" ("email"))").lock,
              "SHARE");
}

TEST(StatementLocks, CreateIndexConcurrentlyDoesNotBlockWrites) {
    const StatementLock lock =
        statement_lock(R"(CREATE INDEX CONCURRENTLY "users_age" ON "Users" ("age"))");
    EXPECT_EQ(lock.kind, "CREATE INDEX CONCURRENTLY");
    EXPECT_TRUE(lock.ddl);
    EXPECT_EQ(lock.lock, "SHARE UPDATE EXCLUSIVE");
    EXPECT_FALSE(lock.blocks_writes);
}

TEST(StatementLocks, DropTableTakesAccessExclusive) {
    const StatementLock lock = statement_lock(R"(DROP TABLE IF EXISTS "Users" CASCADE;)");
    EXPECT_EQ(lock.kind, "DROP TABLE");
    EXPECT_EQ(lock.lock, "ACCESS EXCLUSIVE");
    EXPECT_TRUE(lock.blocks_writes);
    EXPECT_EQ(statement_lock(R"(DROP TYPE IF EXISTS "public"."enum_Users_status";)").lock, "");
}

TEST(StatementLocks, AddingAnEnumValueLocksNoTable) {
    const StatementLock lock =
        statement_lock(R"(ALTER TYPE "public"."enum_Users_status" ADD VALUE 'archived';)");
    EXPECT_EQ(lock.kind, "ALTER TYPE");
    EXPECT_TRUE(lock.ddl);
    EXPECT_EQ(lock.lock, "");
    EXPECT_FALSE(lock.blocks_writes);
}

TEST(StatementLocks, DataStatementsTakeRowLevelLocks) {
    const StatementLock update = statement_lock(R"(UPDATE "Users" SET "age"=$1 WHERE "id" = $2)");
    EXPECT_EQ(update.kind, "UPDATE");
    EXPECT_FALSE(update.ddl);
    EXPECT_EQ(update.lock, "ROW EXCLUSIVE");
    EXPECT_FALSE(update.blocks_writes);
    EXPECT_EQ(statement_lock(R"(INSERT INTO "Users" ("id","name") VALUES (1,'a');)").kind,
              "INSERT");
    const StatementLock select = statement_lock(R"(SELECT "id", "name" FROM "Users" AS "User";)");
    EXPECT_EQ(select.kind, "SELECT");
    EXPECT_EQ(select.lock, "ACCESS SHARE");
    EXPECT_EQ(statement_lock("SELECT * FROM \"Users\" FOR UPDATE").lock, "ROW SHARE");
}

TEST(StatementLocks, NamesAndCommentsAreNotKeywords) {
    EXPECT_EQ(statement_lock("-- drop\n/* DROP TABLE x */ SELECT \"DROP\" FROM t").kind, "SELECT");
    EXPECT_EQ(statement_lock("  select 1").kind, "SELECT");
    EXPECT_EQ(statement_lock("").kind, "");
}

TEST(StatementLocks, LockTableUsesTheModeNamed) {
    EXPECT_EQ(statement_lock(R"(LOCK TABLE "Users" IN SHARE MODE)").lock, "SHARE");
    EXPECT_EQ(statement_lock(R"(LOCK TABLE "Users")").lock, "ACCESS EXCLUSIVE");
    EXPECT_FALSE(statement_lock(R"(LOCK TABLE "Users" IN ROW EXCLUSIVE MODE)").blocks_writes);
}

// Sequelize 6 sends addColumn with an ENUM as one string: the DO block that
// creates the type, then the ALTER TABLE.
TEST(StatementLocks, SeveralStatementsInOneStringTakeTheStrongestLock) {
    const StatementLock lock = statement_lock(
        R"(DO 'BEGIN CREATE TYPE "public"."enum_accounts_plan" AS ENUM(''free'', ''pro''); )"
        R"(EXCEPTION WHEN duplicate_object THEN null; END';ALTER TABLE "public"."accounts" ADD )"
        R"(COLUMN "plan" "public"."enum_accounts_plan" DEFAULT 'free';)");
    EXPECT_EQ(lock.kind, "ALTER TABLE");
    EXPECT_TRUE(lock.ddl);
    EXPECT_EQ(lock.lock, "ACCESS EXCLUSIVE");
    EXPECT_TRUE(lock.blocks_writes);
    EXPECT_EQ(statement_lock("DO $$ BEGIN DROP TABLE x; END $$").kind, "DO");
}

TEST(StatementLocks, TransactionControlIsNeither) {
    const StatementLock lock = statement_lock("START TRANSACTION;");
    EXPECT_EQ(lock.kind, "START");
    EXPECT_FALSE(lock.ddl);
    EXPECT_EQ(lock.lock, "");
}

}  // namespace
}  // namespace migmerge::core
