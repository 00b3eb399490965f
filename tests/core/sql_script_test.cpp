#include "migmerge/core/sql_script.hpp"

#include <gtest/gtest.h>

namespace migmerge::core {
namespace {

TEST(SqlScript, BindValuesAreWrittenInline) {
    EXPECT_EQ(inline_bind(R"(UPDATE "Users" SET "name"=$1 WHERE "id" = $2)", {"O'Brien", "7"}),
              R"(UPDATE "Users" SET "name"='O''Brien' WHERE "id" = '7')");
    EXPECT_EQ(inline_bind("INSERT INTO t VALUES ($1)", {std::nullopt}),
              "INSERT INTO t VALUES (NULL)");
}

TEST(SqlScript, DollarsInsideQuotesAndBodiesStay) {
    EXPECT_EQ(inline_bind("SELECT '$1', \"$1\", $1", {"x"}), "SELECT '$1', \"$1\", 'x'");
    EXPECT_EQ(inline_bind("DO $$ BEGIN PERFORM $1; END $$; SELECT $1", {"x"}),
              "DO $$ BEGIN PERFORM $1; END $$; SELECT 'x'");
    EXPECT_EQ(inline_bind("SELECT $body$ $1 $body$, $10", {"x"}), "SELECT $body$ $1 $body$, $10");
    EXPECT_EQ(inline_bind("SELECT a$1 FROM t", {"x"}), "SELECT a$1 FROM t");
}

TEST(SqlScript, MetaInsertQuotesNames) {
    EXPECT_EQ(
        meta_insert("public", "SequelizeMeta", "20240101-add-o'neil.js"),
        R"(INSERT INTO "public"."SequelizeMeta" ("name") VALUES ('20240101-add-o''neil.js');)");
}

TEST(SqlScript, StatementsEndInOneSemicolon) {
    EXPECT_EQ(terminated("SELECT 1"), "SELECT 1;");
    EXPECT_EQ(terminated("SELECT 1; \n"), "SELECT 1;");
}

}  // namespace
}  // namespace migmerge::core
