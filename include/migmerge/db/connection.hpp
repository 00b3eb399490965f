#pragma once
// Where SequelizeMeta lives and how to reach it, resolved in docs/DESIGN.md's
// order: --url, DATABASE_URL, the Sequelize config, libpq's PG* variables.
// The password is kept apart so that nothing printable ever contains it.
#include <map>
#include <optional>
#include <string>

namespace migmerge::db {

using Environment = std::map<std::string, std::string>;  // a copy of environ

struct ConnectionOptions {
    std::string project_dir;                 // where .sequelizerc and config/ are looked up
    std::optional<std::string> url;          // --url
    std::optional<std::string> config_file;  // --config
    std::optional<std::string> env;          // --env
    std::optional<std::string> table;        // --table
    std::optional<std::string> schema;       // --schema
    std::string node = "node";               // for .js configs and .sequelizerc
    Environment environment;                 // DATABASE_URL, NODE_ENV, PG*, use_env_variable
};

struct ConnectionTarget {
    std::map<std::string, std::string> params;  // libpq keywords except password
    std::optional<std::string> password;
    std::string source;  // "--url", "DATABASE_URL", "config/config.json (development)", "PG* variables"
    std::string table = "SequelizeMeta";
    std::string schema = "public";
    bool timestamps = false;  // migrationTimestamps

    std::string conninfo() const;  // for libpq, password included: never print it
    std::string display() const;   // host:port/dbname as user, for messages
    std::string qualified_table() const;  // "schema"."table", quoted

    friend bool operator==(const ConnectionTarget& a, const ConnectionTarget& b) {
        return a.params == b.params && a.password == b.password && a.source == b.source &&
               a.table == b.table && a.schema == b.schema && a.timestamps == b.timestamps;
    }
};

// Error(bad_input) for a malformed config or URL; Error(resource) when a JS
// config needs node and node is missing.
ConnectionTarget resolve_connection(const ConnectionOptions& options);

// What the project's .sequelizerc says (evaluated with node; absent fields empty).
struct SequelizeRc {
    std::optional<std::string> migrations_path;  // absolute
    std::optional<std::string> config;           // absolute
};
std::optional<SequelizeRc> read_sequelizerc(const std::string& project_dir, const std::string& node,
                                            const Environment& environment);

}  // namespace migmerge::db
