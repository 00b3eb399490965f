#pragma once
// A real PgBouncer (the Debian package, 1.18) in front of the test cluster,
// for one test: its own config, port and pool size, run as the postgres user
// (it refuses root, as PostgreSQL does), stopped by the destructor.
#include <string>

#include "support/pg_fixture.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::test {

enum class PoolMode { session, transaction };

// "" when pgbouncer can be run, else why not.
std::string pgbouncer_missing();

#define MIGMERGE_REQUIRE_PGBOUNCER()                                            \
    do {                                                                        \
        const std::string missing = ::migmerge::test::pgbouncer_missing();      \
        if (!missing.empty()) {                                                 \
            if (::migmerge::test::ci_mode()) FAIL() << missing << " (CI=true)"; \
            GTEST_SKIP() << missing;                                            \
        }                                                                       \
    } while (false)

class Pgbouncer {
  public:
    // `pool_size` server connections at most for the database, however many
    // clients connect.
    Pgbouncer(const TestDatabase& database, PoolMode mode, int pool_size);
    ~Pgbouncer();
    Pgbouncer(const Pgbouncer&) = delete;
    Pgbouncer& operator=(const Pgbouncer&) = delete;

    // postgres://postgres:PW@127.0.0.1:PORT/NAME, through the pooler.
    std::string url() const;
    std::string log() const;

  private:
    void start(int port);
    void stop();
    std::string registration() const;  // MIGMERGE_PG_STATE/pgbouncers/PID
    void register_with_cluster() const;

    TempDir dir_{"migmerge-pgbouncer"};
    const TestDatabase& database_;
    int port_ = 0;
};

}  // namespace migmerge::test
