#pragma once
// Shared by the db tests: a fresh database per test.
#include <gtest/gtest.h>

#include <memory>

#include "support/expect_error.hpp"
#include "support/pg_fixture.hpp"
#include "support/sequelize_project.hpp"  // MIGMERGE_REQUIRE_NODE

namespace migmerge::test {

// Each test gets its own database; skipped (or failed under CI) without a cluster.
class PgTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MIGMERGE_REQUIRE_POSTGRES();
        db_ = std::make_unique<TestDatabase>();
    }
    TestDatabase& db() { return *db_; }
    const TestDatabase& db() const { return *db_; }

  private:
    std::unique_ptr<TestDatabase> db_;
};

// Rows in migmerge_audit; "0" when the table does not even exist.
inline std::string audit_row_count(const TestDatabase& db, const std::string& schema = "public") {
    std::string table = "\"" + schema + "\".migmerge_audit";
    if (db.query_value("SELECT to_regclass('" + table + "') IS NULL") == "t") return "0";
    return db.query_value("SELECT count(*) FROM " + table);
}

}  // namespace migmerge::test
