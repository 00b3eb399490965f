#pragma once
// The options every database command takes, and the connection they resolve to.
#include <chrono>
#include <optional>
#include <string>

#include "migmerge/db/connection.hpp"
#include "migmerge/run/runner.hpp"
#include "project.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

struct DbOptions {
    std::optional<std::string> url;
    std::optional<std::string> config;
    std::optional<std::string> env;
    std::optional<std::string> table;
    std::optional<std::string> schema;
    std::string node = "node";
};

void add_db_options(CLI::App& command, DbOptions& options);
// PostgreSQL's lock_timeout is an int of milliseconds: INT_MAX ms, in whole seconds.
inline constexpr long long max_lock_timeout_seconds = 2147483;
// A whole number of seconds, 0 to max_lock_timeout_seconds; anything else
// (negative, not a number, too large) is Error(bad_input), one line.
std::chrono::seconds parse_lock_timeout(const std::string& text);
// --lock-timeout SECONDS, parsed as it is given: a bad value stops parsing
// with parse_lock_timeout's Error (cli::run prints it).
void add_lock_timeout_option(CLI::App& command, std::chrono::seconds& timeout);
db::ConnectionTarget connection_target(const Project& project, const DbOptions& options);

// What the database commands share: the connection, the folder, the lock, the dry run.
struct RunOptions {
    DbOptions db;
    std::chrono::seconds lock_timeout{300};
    bool dry_run = false;
};
void add_run_options(CLI::App& command, RunOptions& options,
                     const std::string& dry_run_help = "Say what would run; change nothing");
run::RunContext run_context(const Project& project, const RunOptions& options);

}  // namespace migmerge::cli
