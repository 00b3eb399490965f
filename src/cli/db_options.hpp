#pragma once
// The options every database command takes; they fill app's requests.
#include <chrono>
#include <optional>
#include <string>

#include "migmerge/app/connection.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

// A command's request and its --node (the workspace's, not the request's).
template <typename Request>
struct WithNode {
    Request request;
    std::string node = "node";
};

// --url, --config, --env, --table, --schema, and --node into `node`.
void add_db_options(CLI::App& command, app::DbRequest& request, std::string& node);
// Only the config's (verify): --config, --env, --node.
void add_config_options(CLI::App& command, app::DbRequest& request, std::string& node);
// --scratch-url (verify, sql): where scratch databases may be made.
void add_scratch_url_option(CLI::App& command, std::optional<std::string>& url);
// PostgreSQL's lock_timeout is an int of milliseconds: INT_MAX ms, in whole seconds.
inline constexpr long long max_lock_timeout_seconds = 2147483;
// A whole number of seconds, 0 to max_lock_timeout_seconds; anything else
// (negative, not a number, too large) is Error(bad_input), one line.
std::chrono::seconds parse_lock_timeout(const std::string& text);
// --lock-timeout SECONDS, parsed as it is given: a bad value stops parsing
// with parse_lock_timeout's Error (cli::run prints it).
void add_lock_timeout_option(CLI::App& command, std::chrono::seconds& timeout);

// The database options, --lock-timeout and --dry-run.
void add_run_options(CLI::App& command, app::RunRequest& request, std::string& node,
                     const std::string& dry_run_help = "Say what would run; change nothing");

}  // namespace migmerge::cli
