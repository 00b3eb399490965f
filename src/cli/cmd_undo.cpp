// `migmerge undo`: reverts with sequelize-cli's semantics, under the lock.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "run_output.hpp"

namespace migmerge::cli {
namespace {

struct UndoCommandOptions {
    RunOptions run;
    std::optional<std::string> name;
    std::optional<std::string> to;
    bool all = false;
};

run::UndoOptions undo_options(const UndoCommandOptions& options) {
    run::UndoOptions undo;
    if (options.name)
        undo = {run::UndoOptions::Mode::name, *options.name};
    else if (options.to)
        undo = {run::UndoOptions::Mode::to, *options.to};
    else if (options.all)
        undo.mode = run::UndoOptions::Mode::all;
    return undo;
}

int run_undo(const GlobalOptions& global, const UndoCommandOptions& options, const Output& output) {
    Project project = open_project(global, options.run.db.node);
    run::RunContext context = run_context(project, options.run);
    print_run_target(output, context);
    run::RunReport report =
        run::undo(context, undo_options(options), progress_printer(output, RunDirection::down));
    print_run_summary(output, "undo", report, context.dry_run, project.migrations_folder);
    return run_exit_code(report);
}

}  // namespace

void add_undo_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<UndoCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "undo", "Revert migrations (the last one, --name, --all, or --to NAME inclusive)");
    add_run_options(*command, options->run);
    auto* name =
        command->add_option("--name", options->name, "Revert this migration")->type_name("NAME");
    auto* all = command->add_flag("--all", options->all, "Revert every applied migration");
    auto* to = command->add_option("--to", options->to, "Revert down to and including NAME")
                   ->type_name("NAME");
    name->excludes(all)->excludes(to);
    all->excludes(to);
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_undo(global, *options, output);
    });
}

}  // namespace migmerge::cli
