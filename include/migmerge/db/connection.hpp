#pragma once
// Where SequelizeMeta lives and how to reach it, resolved in docs/DESIGN.md's
// order: --url, DATABASE_URL, the Sequelize config, libpq's PG* variables.
// The password is kept apart so that nothing printable ever contains it.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "migmerge/sys/environment.hpp"

namespace migmerge::db {

using Environment = sys::Environment;

// The project's JavaScript, evaluated by whoever owns the node process (the
// run layer's NodeSession): db never starts node itself.
enum class JsModuleKind { sequelizerc, config };
struct EvaluatedModule {
    std::string json;         // the module's value as JSON ("null" when absent)
    Environment environment;  // process.env after it ran (dotenv may have added to it)
};
using JsEvaluator = std::function<EvaluatedModule(JsModuleKind kind, const std::string& file)>;

// What the project's .sequelizerc says (absent fields empty).
struct SequelizeRc {
    std::optional<std::string> migrations_path;  // absolute
    std::optional<std::string> config;           // absolute
    Environment environment;                     // process.env after it ran
};

struct ConnectionOptions {
    std::string project_dir;                 // where .sequelizerc and config/ are looked up
    std::optional<std::string> url;          // --url
    std::optional<std::string> config_file;  // --config
    std::optional<std::string> env;          // --env
    std::optional<std::string> table;        // --table
    std::optional<std::string> schema;       // --schema
    std::optional<SequelizeRc> rc;           // already read; else read here when present
    JsEvaluator evaluate_js;                 // for .js configs and .sequelizerc
    Environment environment;                 // DATABASE_URL, NODE_ENV, PG*, use_env_variable
};

struct ConnectionTarget {
    std::map<std::string, std::string> params;  // libpq keywords except password
    std::optional<std::string> password;
    std::string
        source;  // "--url", "DATABASE_URL", "config/config.json (development)", "PG* variables"
    std::string table = "SequelizeMeta";
    std::string schema = "public";
    bool timestamps = false;  // migrationTimestamps
    // The Sequelize config as read ("null" without one) and the environment
    // chosen: the bridge builds the project's Sequelize from them.
    std::string config_json = "null";
    std::string config_env = "development";

    std::string conninfo() const;         // for libpq, password included: never print it
    std::string display() const;          // host:port/dbname as user, for messages
    std::string qualified_table() const;  // "schema"."table", quoted

    friend bool operator==(const ConnectionTarget& a, const ConnectionTarget& b) {
        return a.params == b.params && a.password == b.password && a.source == b.source &&
               a.table == b.table && a.schema == b.schema && a.timestamps == b.timestamps;
    }
};

// Error(bad_input) for a malformed config or URL; Error(resource) when a JS
// config needs node and node is missing.
ConnectionTarget resolve_connection(const ConnectionOptions& options);

// The project's .sequelizerc, evaluated; nullopt when it has none.
std::optional<SequelizeRc> read_sequelizerc(const std::string& project_dir,
                                            const JsEvaluator& evaluate_js);

}  // namespace migmerge::db
