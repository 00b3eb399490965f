#pragma once
// Shared by the db tests: a fresh database per test, and the node check.
#include <gtest/gtest.h>

#include <memory>

#include "migmerge/core/error.hpp"
#include "support/pg_fixture.hpp"
#include "support/process.hpp"

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

inline bool node_available() {
    return run_process({"node", "--version"}).exit_code == 0;
}

#define MIGMERGE_REQUIRE_NODE()                                                  \
    do {                                                                         \
        if (!::migmerge::test::node_available()) {                               \
            if (::migmerge::test::ci_mode()) FAIL() << "node missing (CI=true)"; \
            GTEST_SKIP() << "node is not installed";                             \
        }                                                                        \
    } while (false)

// Rows in migmerge_audit; "0" when the table does not even exist.
inline std::string audit_row_count(const TestDatabase& db, const std::string& schema = "public") {
    std::string table = "\"" + schema + "\".migmerge_audit";
    if (db.query_value("SELECT to_regclass('" + table + "') IS NULL") == "t") return "0";
    return db.query_value("SELECT count(*) FROM " + table);
}

// The Error a statement throws, for asserting on its code and text.
template <class Action>
Error error_from(Action&& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected a migmerge::Error";
    return Error(ExitCode::ok, "no error");
}

}  // namespace migmerge::test
