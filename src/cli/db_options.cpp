#include "db_options.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

#include "migmerge/core/error.hpp"

namespace migmerge::cli {

void add_db_options(CLI::App& command, DbOptions& options) {
    command.add_option("--url", options.url, "Database URL (else DATABASE_URL, the config, PG*)")
        ->type_name("URL");
    command.add_option("--config", options.config, "Sequelize config file")->type_name("FILE");
    command.add_option("--env", options.env, "Config environment (else NODE_ENV, development)")
        ->type_name("NAME");
    command.add_option("--table", options.table, "SequelizeMeta table name")->type_name("NAME");
    command.add_option("--schema", options.schema, "SequelizeMeta schema")->type_name("NAME");
    command.add_option("--node", options.node, "The node binary (default: node on PATH)")
        ->type_name("PATH");
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

db::ConnectionTarget connection_target(const Project& project, const DbOptions& options) {
    db::ConnectionOptions connection;
    connection.project_dir = project.dir;
    connection.url = options.url;
    connection.config_file = options.config;
    connection.env = options.env;
    connection.table = options.table;
    connection.schema = options.schema;
    connection.rc = project.rc;
    connection.evaluate_js = project.node->evaluator();
    connection.environment = project.environment;
    return db::resolve_connection(connection);
}

void add_run_options(CLI::App& command, RunOptions& options, const std::string& dry_run_help) {
    add_db_options(command, options.db);
    add_lock_timeout_option(command, options.lock_timeout);
    command.add_flag("--dry-run", options.dry_run, dry_run_help);
}

run::RunContext run_context(const Project& project, const RunOptions& options) {
    run::RunContext context;
    context.target = connection_target(project, options.db);
    context.project_dir = project.dir;
    context.migrations_dir = project.migrations_dir;
    context.migrations_folder = project.migrations_folder;
    context.node = project.node;
    context.lock_timeout = options.lock_timeout;
    context.dry_run = options.dry_run;
    context.version = MIGMERGE_VERSION;
    return context;
}

}  // namespace migmerge::cli
