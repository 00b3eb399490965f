// The DevOpser Lite migrations under the real sequelize-cli, following the
// team's idempotency procedure (docs: Migration Merge Strategy).
#include <gtest/gtest.h>

#include "run_project.hpp"

namespace migmerge::test {
namespace {

using Names = std::vector<std::string>;

const std::string initial = "20251222115645-initial-schema.js";
const std::string sites = "20260108120000-add-sites-tables.js";

Names tables(const TestDatabase& database) {
    return database.query_column(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "AND table_name <> 'SequelizeMeta' ORDER BY table_name COLLATE \"C\"");
}

const Names all_tables{"Users", "conversations", "deployments", "site_images", "sites"};

class DevOpserMigrations : public test::ProjectTest<test::RunProject> {
  protected:
    void SetUp() override {
        ProjectTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        project_->copy_devopser_migrations();
    }

    std::string cli(const std::vector<std::string>& args) {
        ProcessResult result = project_->sequelize_cli(args);
        EXPECT_EQ(result.exit_code, 0) << result;
        return result.out + result.err;
    }
};

TEST_F(DevOpserMigrations, FollowTheTeamsIdempotencyProcedure) {
    cli({"db:migrate"});
    EXPECT_EQ(tables(*database_), all_tables);
    EXPECT_EQ(meta_rows(*database_), (Names{initial, sites}));

    cli({"db:migrate:undo:all"});
    EXPECT_TRUE(tables(*database_).empty());
    EXPECT_TRUE(meta_rows(*database_).empty());

    cli({"db:migrate"});
    EXPECT_EQ(tables(*database_), all_tables);
    EXPECT_NE(cli({"db:migrate"}).find("No migrations were executed"), std::string::npos);

    cli({"db:migrate:undo", "--name", sites});
    EXPECT_EQ(tables(*database_), (Names{"Users", "conversations"}));
    EXPECT_EQ(meta_rows(*database_), Names{initial});

    std::string output = cli({"db:migrate"});
    EXPECT_NE(output.find("add-sites-tables: migrated"), std::string::npos) << output;
    EXPECT_EQ(output.find("initial-schema: migrating"), std::string::npos) << output;
    EXPECT_EQ(tables(*database_), all_tables);
    EXPECT_EQ(meta_rows(*database_), (Names{initial, sites}));
}

TEST_F(DevOpserMigrations, CompleteASchemaThatIsAlreadyPartlyThere) {
    // A database that ran the schema under other names, from an older Users.
    cli({"db:migrate"});
    database_->exec(R"(DELETE FROM "SequelizeMeta")");
    database_->exec(R"(ALTER TABLE "Users" DROP COLUMN "isAdmin")");
    database_->exec("DROP TABLE site_images");
    cli({"db:migrate"});
    EXPECT_EQ(tables(*database_), all_tables);
    EXPECT_EQ(meta_rows(*database_), (Names{initial, sites}));
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM information_schema.columns WHERE "
                                     "table_name = 'Users' AND column_name = 'isAdmin'"),
              "1");
}

TEST_F(DevOpserMigrations, DownToleratesTablesThatAreAlreadyGone) {
    cli({"db:migrate"});
    database_->exec("DROP TABLE site_images, deployments");
    cli({"db:migrate:undo:all"});
    EXPECT_TRUE(tables(*database_).empty());
    EXPECT_TRUE(meta_rows(*database_).empty());
}

}  // namespace
}  // namespace migmerge::test
