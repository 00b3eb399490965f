#pragma once
// A Sequelize project laid out the way real teams lay one out, for tests that
// hold migmerge against the real sequelize-cli:
//
//   .sequelizerc          require('dotenv').config() first (and ts-node/register
//                         for TypeScript), then path.resolve()d paths
//   .env                  DATABASE_URL=postgres://ROLE:PASSWORD@HOST:PORT/DB
//   config/database.js    development (use_env_variable), test, production;
//                         dialect, define, timezone, logging, pool
//   server/migrations/    (or db/migrations/) with seeders/ and models/ beside
//   data/plans.json       read by a migration through process.cwd()
//   node_modules          -> this checkout's (sequelize-cli 6.6.5, dotenv, ts-node)
//
// The database is reached as a role of its own whose password needs
// percent-encoding in a URL, so both tools must decode it.
#include <string>
#include <vector>

#include "support/pg_fixture.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::test {

// A login role that owns the databases given to own(). Make it before those
// databases so that it is dropped after them.
class TestRole {
  public:
    explicit TestRole(const PgServer& server);
    ~TestRole();
    TestRole(const TestRole&) = delete;
    TestRole& operator=(const TestRole&) = delete;

    const std::string& name() const { return name_; }
    const std::string& password() const { return password_; }
    void own(const TestDatabase& database) const;  // ALTER DATABASE ... OWNER TO
    // postgres://ROLE:PERCENT-ENCODED-PASSWORD@HOST:PORT/DBNAME
    std::string url(const std::string& dbname) const;

  private:
    PgServer server_;
    std::string name_;
    std::string password_;
};

// What a generated migration does (each kind has an up and a down that undoes it).
enum class MigrationKind {
    transaction,     // createTable + addIndex inside sequelize.transaction(async (t) => ...)
    enum_column,     // addColumn with Sequelize.ENUM
    raw_sql,         // queryInterface.sequelize.query('CREATE TABLE ...')
    add_index,       // a partial index through addIndex({ where })
    this_helpers,    // up/down call helpers on the module through `this`
    cwd_file,        // reads data/plans.json relative to process.cwd()
    define_options,  // a model synced on the migration's connection: define + timezone show
};

// The kinds every migration runner must handle, whatever its connection.
std::vector<MigrationKind> plain_kinds();

// Where the development section's credentials come from.
enum class Credentials {
    dotenv,     // use_env_variable: 'DATABASE_URL', which only .env sets
    in_config,  // host, port, username, password, database in config/database.js
};

struct RealProjectOptions {
    std::string migrations_path = "server/migrations";  // or "db/migrations"
    Credentials credentials = Credentials::dotenv;
    // The config section that reaches the database; the others name a
    // database that does not exist, so that choosing the wrong one fails.
    std::string section = "development";
    bool typescript = false;   // .sequelizerc registers ts-node; a tsconfig.json
    bool config_logs = false;  // config/database.js prints a line when loaded
};

class RealProject {
  public:
    RealProject(const TestRole& role, const TestDatabase& database,
                RealProjectOptions options = {});

    const std::string& dir() const { return dir_.path(); }
    std::string migrations_dir() const { return dir_ / options_.migrations_path; }
    std::string path_of(const std::string& migration) const;
    const TestDatabase& database() const { return database_; }

    void add_migration(const std::string& name, const std::string& source) const;
    // The initial schema (extensions pgcrypto and citext, users with an ENUM),
    // then count - 1 migrations of `kinds` in turn; returns the file names in order.
    // With `drop_all_tables`, the initial schema's down is dropAllTables().
    std::vector<std::string> add_generated(int count,
                                           const std::vector<MigrationKind>& kinds = plain_kinds(),
                                           bool drop_all_tables = false) const;
    // TypeScript migrations, one with export default, one with named exports;
    // needs RealProjectOptions::typescript.
    std::vector<std::string> add_typescript_migrations() const;

    // sequelize-cli in the project directory, as a developer runs it.
    ProcessResult sequelize_cli(const std::vector<std::string>& args,
                                const std::map<std::string, std::string>& env = {}) const;

  private:
    void write_layout(const TestRole& role) const;

    TempDir dir_{"migmerge-real"};
    const TestDatabase& database_;
    RealProjectOptions options_;
};

// Migration names in generation order: "20240101HHMM00-DESCRIPTION.js".
std::string generated_name(int index, const std::string& description,
                           const std::string& extension = ".js");

// Why the packages these projects need (sequelize-cli, dotenv, ts-node) are
// missing from repository_node_modules(), or "" when they are all there.
std::string real_project_tools_missing();

}  // namespace migmerge::test
