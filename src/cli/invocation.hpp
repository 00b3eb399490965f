#pragma once
// What every command shares: the global options, where output goes, and the
// action the chosen subcommand leaves behind to run after parsing.
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "migmerge/app/workspace.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

enum class Format { text, json, github };

struct GlobalOptions {
    std::string directory;                       // -C DIR; empty: the current directory
    std::optional<std::string> migrations_path;  // --migrations-path
    Format format = Format::text;
    bool no_color = false;
    bool quiet = false;
    bool verbose = false;
    sys::Environment environment;  // read once, at the start: the only copy
};

// Where a command works: -C and --migrations-path, with the command's --node.
app::WorkspaceRequest workspace_request(const GlobalOptions& global,
                                        const std::string& node = "node");

struct Output {
    std::ostream& out;
    std::ostream& err;
    Format format;
    bool color;
    bool quiet;
    bool verbose;
};

struct Invocation {
    GlobalOptions global;
    std::function<int(const Output&)> action;  // set by the chosen subcommand
};

using Action = std::function<int(const GlobalOptions&, const Output&)>;
// Makes `action` the invocation's when `command` is the subcommand chosen; it
// runs after parsing, with the global options as given.
void on_chosen(CLI::App& command, Invocation& invocation, Action action);

// Each subcommand file registers itself; its action fills a request, calls
// one app function, prints the report through its <command>_output.cpp and
// maps the result to an exit code.
void add_check_command(CLI::App& app, Invocation& invocation);
void add_plan_command(CLI::App& app, Invocation& invocation);
void add_fix_command(CLI::App& app, Invocation& invocation);
void add_accept_command(CLI::App& app, Invocation& invocation);
void add_status_command(CLI::App& app, Invocation& invocation);
void add_repair_command(CLI::App& app, Invocation& invocation);
void add_migrate_command(CLI::App& app, Invocation& invocation);
void add_undo_command(CLI::App& app, Invocation& invocation);
void add_hook_command(CLI::App& app, Invocation& invocation);
void add_verify_command(CLI::App& app, Invocation& invocation);
void add_sql_command(CLI::App& app, Invocation& invocation);

}  // namespace migmerge::cli
