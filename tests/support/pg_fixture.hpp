#pragma once
// PostgreSQL for tests: the throwaway cluster that ctest's "postgres" fixture
// starts (scripts/pg-cluster, state in MIGMERGE_PG_STATE), and one fresh
// database per test.
//
// The pattern, at the top of a test or in SetUp():
//
//     MIGMERGE_REQUIRE_POSTGRES();           // FAIL under CI=true, else GTEST_SKIP
//     migmerge::test::TestDatabase db;      // CREATE DATABASE, dropped at scope end
//
// or call pg_server() yourself: it returns std::nullopt when no cluster runs.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/db/connection.hpp"
#include "support/process.hpp"

namespace migmerge::test {

struct PgServer {
    std::string host;
    std::string port;
    std::string user;
    std::string password;
    std::map<std::string, std::string> env;  // every line of the state's env file
};

// The running cluster, from MIGMERGE_PG_STATE/env; nullopt when there is none.
std::optional<PgServer> pg_server();

#define MIGMERGE_REQUIRE_POSTGRES()                                                       \
    do {                                                                                  \
        if (!::migmerge::test::pg_server()) {                                             \
            if (::migmerge::test::ci_mode()) FAIL() << "no PostgreSQL cluster (CI=true)"; \
            GTEST_SKIP() << "no PostgreSQL cluster: run the test through ctest, or "      \
                            "scripts/pg-cluster start " MIGMERGE_PG_STATE;                \
        }                                                                                 \
    } while (false)

// A database of its own, named uniquely, dropped WITH (FORCE) by the destructor.
class TestDatabase {
  public:
    // `create_options` is appended to CREATE DATABASE (e.g. a locale).
    explicit TestDatabase(const std::string& create_options = "");
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& name() const { return name_; }
    const PgServer& server() const { return server_; }
    std::string url() const;  // postgres://postgres:PW@127.0.0.1:PORT/NAME
    std::map<std::string, std::string> params() const;  // host, port, user, dbname
    db::ConnectionTarget target() const;                // as the superuser
    db::ConnectionTarget target_as(const std::string& user, const std::string& password) const;

    void exec(const std::string& sql) const;  // as the superuser, autocommit
    std::vector<std::string> query_column(const std::string& sql) const;  // first column
    std::string query_value(const std::string& sql) const;  // first column of the one row

  private:
    PgServer server_;
    std::string name_;
};

}  // namespace migmerge::test
