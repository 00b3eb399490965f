// `migmerge undo`: reverts with sequelize-cli's semantics, under the lock.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "migrate_output.hpp"

namespace migmerge::cli {
namespace {

struct UndoOptions {
    app::RunRequest run;
    std::string node = "node";
    std::optional<std::string> name;
    std::optional<std::string> to;
    bool all = false;
};

app::UndoRequest undo_request(const UndoOptions& options) {
    app::UndoRequest request{options.run, {}};
    if (options.name)
        request.undo = {run::UndoOptions::Mode::name, *options.name};
    else if (options.to)
        request.undo = {run::UndoOptions::Mode::to, *options.to};
    else if (options.all)
        request.undo.mode = run::UndoOptions::Mode::all;
    return request;
}

}  // namespace

void add_undo_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<UndoOptions>();
    CLI::App* command = app.add_subcommand(
        "undo", "Revert migrations (the last one, --name, --all, or --to NAME inclusive)");
    add_run_options(*command, options->run, options->node);
    auto* name =
        command->add_option("--name", options->name, "Revert this migration")->type_name("NAME");
    auto* all = command->add_flag("--all", options->all, "Revert every applied migration");
    auto* to = command->add_option("--to", options->to, "Revert down to and including NAME")
                   ->type_name("NAME");
    name->excludes(all)->excludes(to);
    all->excludes(to);
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::RunResult result =
            app::undo(workspace_request(global, options->node), undo_request(*options),
                      run_printer(output, RunDirection::down));
        print_run_summary(output, "undo", result);
        return run_exit_code(result.report);
    });
}

}  // namespace migmerge::cli
