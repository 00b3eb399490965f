#include "sql_output.hpp"

#include <gmock/gmock.h>

#include "output_capture.hpp"

namespace migmerge::cli {
namespace {

using test::Captured;
using ::testing::HasSubstr;
using ::testing::Not;

run::SqlReport sample_report(bool fails) {
    run::SqlReport report{"the schema of 127.0.0.1:5432/app as app", {}};
    report.migrations.push_back(
        {"20240101000000-index.js",
         {{R"(UPDATE "users" SET "name"=$1 WHERE "id" = $2)", {"O'Hara", std::nullopt}},
          {R"(CREATE INDEX "users_name" ON "users" ("name"))", {}}},
         R"(INSERT INTO "public"."SequelizeMeta" ("name") VALUES ('20240101000000-index.js');)",
         true,
         ""});
    if (fails) {
        report.migrations.push_back({"20240102000000-broken.js",
                                     {{R"(ALTER TABLE "nope" ADD COLUMN "x" INTEGER)", {}}},
                                     "",
                                     false,
                                     R"(relation "nope" does not exist)"});
    }
    return report;
}

TEST(SqlOutput, TextIsOneScriptWithLocksMarked) {
    Captured captured;
    print_sql_report(captured.output(), sample_report(false));
    const std::string text = captured.text();
    EXPECT_THAT(text, HasSubstr("ran on a copy without the data"));
    EXPECT_THAT(text, HasSubstr("-- migration: 20240101000000-index.js\n"
                                "UPDATE \"users\" SET \"name\"='O''Hara' WHERE \"id\" = NULL;\n"
                                "-- blocks writes: CREATE INDEX takes SHARE on its table\n"
                                "CREATE INDEX \"users_name\" ON \"users\" (\"name\");\n"
                                "INSERT INTO \"public\".\"SequelizeMeta\""));
    EXPECT_EQ(sql_exit_code(sample_report(false)), 0);
}

TEST(SqlOutput, AFailureEndsTheScriptWithItsStatementAndExitsOne) {
    Captured captured;
    print_sql_report(captured.output(), sample_report(true));
    EXPECT_THAT(captured.text(), HasSubstr("ADD COLUMN \"x\" INTEGER;\n-- FAILED on the copy"));
    EXPECT_EQ(sql_exit_code(sample_report(true)), 1);
}

TEST(SqlOutput, JsonHasOneObjectPerStatementWithItsLock) {
    Captured captured;
    print_sql_report(captured.output(Format::json), sample_report(true));
    const nlohmann::json report = captured.json();
    ASSERT_EQ(report.at("statements").size(), 4u);
    const nlohmann::json& update = report.at("statements")[0];
    EXPECT_EQ(update.at("bind"), nlohmann::json::parse(R"(["O'Hara", null])"));
    EXPECT_EQ(update.at("lock"), "ROW EXCLUSIVE");
    EXPECT_FALSE(update.at("ddl").get<bool>());
    const nlohmann::json& index = report.at("statements")[1];
    EXPECT_EQ(index.at("kind"), "CREATE INDEX");
    EXPECT_TRUE(index.at("blocksWrites").get<bool>());
    EXPECT_TRUE(report.at("statements")[2].at("migmerge").get<bool>());
    EXPECT_EQ(report.at("failed").at("migration"), "20240102000000-broken.js");
}

TEST(SqlOutput, GithubFoldsEachMigration) {
    Captured captured;
    print_sql_report(captured.output(Format::github), sample_report(false));
    EXPECT_THAT(captured.text(),
                HasSubstr("<details><summary><code>20240101000000-index.js</code></summary>"));
    EXPECT_THAT(captured.text(), HasSubstr("```sql\n"));
    EXPECT_THAT(captured.text(), Not(HasSubstr("SequelizeMeta")));
}

}  // namespace
}  // namespace migmerge::cli
