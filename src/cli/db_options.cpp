#include "db_options.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

#include "migmerge/core/error.hpp"

namespace migmerge::cli {

void add_config_options(CLI::App& command, app::DbRequest& request, std::string& node) {
    command.add_option("--config", request.config, "Sequelize config file")->type_name("FILE");
    command.add_option("--env", request.env, "Config environment (else NODE_ENV, development)")
        ->type_name("NAME");
    command.add_option("--node", node, "The node binary (default: node on PATH)")
        ->type_name("PATH");
}

void add_db_options(CLI::App& command, app::DbRequest& request, std::string& node) {
    command.add_option("--url", request.url, "Database URL (else DATABASE_URL, the config, PG*)")
        ->type_name("URL");
    add_config_options(command, request, node);
    command.add_option("--table", request.table, "SequelizeMeta table name")->type_name("NAME");
    command.add_option("--schema", request.schema, "SequelizeMeta schema")->type_name("NAME");
}

void add_scratch_url_option(CLI::App& command, std::optional<std::string>& url) {
    command
        .add_option("--scratch-url", url,
                    "A server where migmerge may create and drop migmerge_verify_* databases "
                    "(default: an embedded throwaway PostgreSQL)")
        ->type_name("URL");
}

std::chrono::seconds parse_lock_timeout(const std::string& text) {
    long long seconds = -1;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, seconds);
    if (error != std::errc() || stop != end || seconds < 0 || seconds > max_lock_timeout_seconds) {
        throw bad_input(
            "invalid --lock-timeout '" + text + "'",
            "give a whole number of seconds from 0 to " + std::to_string(max_lock_timeout_seconds));
    }
    return std::chrono::seconds(seconds);
}

void add_lock_timeout_option(CLI::App& command, std::chrono::seconds& timeout) {
    command
        .add_option_function<std::string>(
            "--lock-timeout",
            [&timeout](const std::string& text) { timeout = parse_lock_timeout(text); },
            "Seconds to wait for the migration lock (default 300; 0: give up at once)")
        ->type_name("SECONDS");
}

void add_run_options(CLI::App& command, app::RunRequest& request, std::string& node,
                     const std::string& dry_run_help) {
    add_db_options(command, request.db, node);
    add_lock_timeout_option(command, request.lock_timeout);
    command.add_flag("--dry-run", request.dry_run, dry_run_help);
}

}  // namespace migmerge::cli
