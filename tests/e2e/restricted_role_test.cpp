// A role without CREATE on the schema (PostgreSQL 15's default for anyone
// but the owner of `public`), as production deployments grant it: it may
// read and write SequelizeMeta and the app's tables, nothing more. No body
// may ever run without its row, and no retry may run a body again.
#include <gtest/gtest.h>

#include "support/pg_fixture.hpp"
#include "support/process.hpp"
#include "support/real_project.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {
namespace {

using Names = std::vector<std::string>;

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";

// The side tables exactly as the README tells a DBA to create them.
const std::string dba_sql = R"(
CREATE TABLE migmerge_applied (meta_table text NOT NULL, name text NOT NULL,
  checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms bigint NOT NULL DEFAULT 0, host text NOT NULL DEFAULT '',
  PRIMARY KEY (meta_table, name));
CREATE TABLE migmerge_audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
  db_user text NOT NULL DEFAULT current_user, os_user text, host text, action text NOT NULL,
  meta_table text NOT NULL, old_name text, new_name text, version text);
GRANT SELECT, INSERT, UPDATE, DELETE ON migmerge_applied TO ROLE;
GRANT SELECT, INSERT ON migmerge_audit TO ROLE;
GRANT USAGE ON SEQUENCE migmerge_audit_id_seq TO ROLE;
)";

std::string inserting_migration(const std::string& name) {
    return "module.exports = {\n  async up(queryInterface) {\n"
           "    await queryInterface.sequelize.query('INSERT INTO effects (name) VALUES ($1)', "
           "{ bind: ['" +
           name + "'] });\n  },\n  async down() {},\n};\n";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

class RestrictedRole : public ::testing::Test {
  protected:
    void SetUp() override {
        MIGMERGE_REQUIRE_POSTGRES();
        MIGMERGE_REQUIRE_NODE();
        role_.emplace(*pg_server());
        database_.emplace();
        project_.emplace(*database_);
        // What the DBA prepared: SequelizeMeta (sequelize-cli's DDL) and the
        // app's table, with DML for the role, and no CREATE anywhere.
        database_->exec(R"(CREATE TABLE "SequelizeMeta" ("name" VARCHAR(255) NOT NULL UNIQUE, )"
                        R"(PRIMARY KEY ("name")); CREATE TABLE effects (id serial, name text))");
        grant(
            "GRANT SELECT, INSERT, DELETE ON \"SequelizeMeta\" TO ROLE; "
            "GRANT SELECT, INSERT ON effects TO ROLE; "
            "GRANT USAGE ON SEQUENCE effects_id_seq TO ROLE");
        for (const auto& name : {a, b}) project_->add_migration(name, inserting_migration(name));
    }

    void grant(const std::string& sql) const {
        database_->exec(replaced(sql, "ROLE", "\"" + role_->name() + "\""));
    }
    ProcessResult migmerge(const std::vector<std::string>& args) const {
        std::vector<std::string> all = args;
        all.insert(all.end(), {"--url", role_->url(database_->name())});
        return run_migmerge(all, project_->dir());
    }

    std::optional<TestRole> role_;  // before the database: dropped after it
    std::optional<TestDatabase> database_;
    std::optional<SequelizeProject> project_;
};

TEST_F(RestrictedRole, WithoutSideTablesItRunsEachBodyOnceAndWarnsOnce) {
    ProcessResult first = migmerge({"migrate"});
    EXPECT_EQ(first.exit_code, 0) << first;
    EXPECT_EQ(first.err,
              "migmerge: warning: cannot use migmerge_applied or migmerge_audit (permission "
              "denied for schema public): no checksums are recorded and repairs are not "
              "audited; a DBA can create them (README, \"Restricted roles\")\n")
        << first;
    ProcessResult again = migmerge({"migrate"});
    EXPECT_EQ(again.exit_code, 0) << again;
    EXPECT_EQ(effects(*database_), (Names{a, b}));
    EXPECT_EQ(meta_rows(*database_), (Names{a, b}));
}

TEST_F(RestrictedRole, SideTablesADbaCreatedAreUsedAsTheyAre) {
    grant(dba_sql);
    ProcessResult result = migmerge({"migrate"});
    EXPECT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(result.err.find("warning"), std::string::npos) << result;
    EXPECT_EQ(database_->query_value("SELECT count(*) FROM migmerge_applied"), "2");
    EXPECT_EQ(effects(*database_), (Names{a, b}));
}

TEST_F(RestrictedRole, WithoutInsertOnSequelizeMetaNothingRuns) {
    database_->exec("REVOKE INSERT ON \"SequelizeMeta\" FROM \"" + role_->name() + "\"");
    ProcessResult result = migmerge({"migrate"});
    EXPECT_EQ(result.exit_code, 3) << result;
    EXPECT_NE(result.err.find("this role lacks INSERT on it; nothing was run"), std::string::npos)
        << result;
    EXPECT_EQ(effects(*database_), Names{});
}

TEST_F(RestrictedRole, StatusNeedsOnlySelect) {
    ASSERT_EQ(migmerge({"migrate"}).exit_code, 0);
    grant(dba_sql);
    database_->exec("REVOKE INSERT, DELETE ON \"SequelizeMeta\" FROM \"" + role_->name() +
                    "\"; REVOKE ALL ON migmerge_applied FROM \"" + role_->name() + "\"");
    ProcessResult status = migmerge({"status"});
    EXPECT_EQ(status.exit_code, 0) << status;
    EXPECT_NE(status.out.find("2 applied. No problems found."), std::string::npos) << status;
}

}  // namespace
}  // namespace migmerge::test
