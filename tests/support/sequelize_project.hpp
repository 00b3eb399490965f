#pragma once
// A throwaway Sequelize project for runner and end-to-end tests: migrations/,
// a config/config.json pointing at a TestDatabase, and node_modules linked to
// the repository's (sequelize 6.37.7, sequelize-cli 6.6.5, pg).
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "support/pg_fixture.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::test {

// The repository's node_modules (this checkout's, as configured), which test
// projects link to.
const std::string& repository_node_modules();

// Node and the repository's node_modules, or why they are missing.
std::string node_tools_missing();

#define MIGMERGE_REQUIRE_NODE()                                                 \
    do {                                                                        \
        const std::string missing = ::migmerge::test::node_tools_missing();     \
        if (!missing.empty()) {                                                 \
            if (::migmerge::test::ci_mode()) FAIL() << missing << " (CI=true)"; \
            GTEST_SKIP() << missing;                                            \
        }                                                                       \
    } while (false)

enum class NodeModules { linked, absent };

class SequelizeProject {
  public:
    explicit SequelizeProject(const TestDatabase& database,
                              NodeModules modules = NodeModules::linked);

    const std::string& dir() const { return dir_.path(); }
    std::string migrations_dir() const { return dir_ / "migrations"; }
    std::string path_of(const std::string& migration) const;

    void add_migration(const std::string& name, const std::string& source) const;
    void copy_devopser_migrations() const;  // the repository's migrations/
    const TestDatabase& database() const { return database_; }

    // sequelize-cli itself, run in the project; stdout and stderr together.
    ProcessResult sequelize_cli(const std::vector<std::string>& args) const;

  private:
    TempDir dir_{"migmerge-run"};
    const TestDatabase& database_;
};

// sequelize-cli itself (the project's node_modules), run in `project_dir` as a
// user runs it, without DATABASE_URL, NODE_ENV or PG* unless `env` sets them.
ProcessResult sequelize_cli_in(const std::string& project_dir, const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env = {});

// Base for tests that need a fresh database and a Sequelize project on it;
// without PostgreSQL or node they fail under CI=true and skip otherwise.
template <class Project>
class ProjectTest : public ::testing::Test {
  protected:
    void SetUp() override {
        MIGMERGE_REQUIRE_POSTGRES();
        MIGMERGE_REQUIRE_NODE();
        database_.emplace();
        project_.emplace(*database_);
    }

    std::optional<TestDatabase> database_;
    std::optional<Project> project_;
};

// module.exports with async up/down(queryInterface, Sequelize) around these bodies.
std::string up_down_migration(const std::string& up, const std::string& down);

// Migration sources. Every body appends its name to the table "effects", so
// a test can count how often each migration really ran.
std::string counting_migration(const std::string& name, const std::string& extra_up = "");
std::string throwing_migration(const std::string& message);
std::string migration_without_up();
std::string migration_returning_no_promise();
std::string sleeping_migration(const std::string& name, int seconds);

std::vector<std::string> effects(const TestDatabase& database);    // names, in run order
std::vector<std::string> meta_rows(const TestDatabase& database);  // byte order

}  // namespace migmerge::test
