#include "migmerge/cli/app.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "choices.hpp"
#include "invocation.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/environment.hpp"

namespace migmerge::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.set_version_flag("--version", std::string("migmerge ") + MIGMERGE_VERSION);
    app.add_option("-C", global.directory, "Run as if started in DIR (the repository)")
        ->type_name("DIR");
    app.add_option("--migrations-path", global.migrations_path,
                   "Migrations folder (default: .sequelizerc's, else migrations)")
        ->type_name("PATH");
    add_choice_option(app, "--format", global.format, "Output format",
                      {{"text", Format::text}, {"json", Format::json}, {"github", Format::github}},
                      true);
    app.add_flag("--no-color", global.no_color, "No colour (also: NO_COLOR)");
    app.add_flag("-q,--quiet", global.quiet, "Only errors and findings");
    app.add_flag("-v,--verbose", global.verbose, "Say more");
}

bool use_color(const GlobalOptions& global) {
    if (global.no_color || global.format != Format::text) return false;
    auto no_color = global.environment.find("NO_COLOR");
    if (no_color != global.environment.end() && !no_color->second.empty()) return false;
    return isatty(STDOUT_FILENO) == 1;
}

// The one place errors are printed.
int print_error(const Error& error) {
    fmt::print(std::cerr, "migmerge: error: {}\n", error.one_line());
    if (!error.hint().empty()) fmt::print(std::cerr, "migmerge: hint: {}\n", error.hint());
    return static_cast<int>(error.code());
}

int parse(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return -1;
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& error) {
        return print_error(bad_input("bad usage", error.what(), "see `migmerge --help`"));
    } catch (const Error& error) {  // an option's own check (--lock-timeout)
        return print_error(error);
    }
}

}  // namespace

app::WorkspaceRequest workspace_request(const GlobalOptions& global, const std::string& node) {
    return {global.directory, global.migrations_path, node, global.environment};
}

void on_chosen(CLI::App& command, Invocation& invocation, Action action) {
    command.callback([&invocation, action = std::move(action)] {
        invocation.action = [&invocation, action](const Output& output) {
            return action(invocation.global, output);
        };
    });
}

int run(int argc, char** argv) {
    // Named, so --help says `migmerge`, not the path the binary was started by.
    CLI::App app{
        "migmerge: find and fix the migration conflicts that branch merges cause "
        "in Sequelize projects",
        "migmerge"};
    app.footer("Every command, option, exit code and format: man migmerge");
    app.require_subcommand(1);
    // Global options also after the subcommand (`migmerge check --format json`),
    // as people type them; subcommands inherit this.
    app.fallthrough();
    Invocation invocation;
    invocation.global.environment = sys::read_environment();
    add_global_options(app, invocation.global);
    add_check_command(app, invocation);
    add_plan_command(app, invocation);
    add_fix_command(app, invocation);
    add_accept_command(app, invocation);
    add_status_command(app, invocation);
    add_repair_command(app, invocation);
    add_migrate_command(app, invocation);
    add_undo_command(app, invocation);
    add_hook_command(app, invocation);
    add_verify_command(app, invocation);
    add_sql_command(app, invocation);
    if (int code = parse(app, argc, argv); code >= 0) return code;
    const GlobalOptions& global = invocation.global;
    Output output{std::cout,         std::cerr,    global.format,
                  use_color(global), global.quiet, global.verbose};
    try {
        return invocation.action(output);
    } catch (const Error& error) {
        return print_error(error);
    } catch (const std::exception& unexpected) {
        return print_error(resource_failure("unexpected failure", unexpected.what()));
    }
}

}  // namespace migmerge::cli
