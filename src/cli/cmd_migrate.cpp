// `migmerge migrate`: repairs from the ledger, then runs the pending
// migrations in order under the lock, through the project's own sequelize.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "run_output.hpp"

namespace migmerge::cli {
namespace {

struct MigrateCommandOptions {
    RunOptions run;
    run::MigrateOptions migrate;
};

int run_migrate(const GlobalOptions& global, const MigrateCommandOptions& options,
                const Output& output) {
    Project project = open_project(global, options.run.db.node);
    run::RunContext context = run_context(project, options.run);
    print_run_target(output, context);
    run::RunReport report =
        run::migrate(context, options.migrate, progress_printer(output, RunDirection::up));
    print_run_summary(output, "migrate", report, context.dry_run, project.migrations_folder);
    return run_exit_code(report);
}

}  // namespace

void add_migrate_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<MigrateCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "migrate", "Repair from the ledger, then run pending migrations in order under the lock");
    add_run_options(*command, options->run);
    command->add_option("--to", options->migrate.to, "Stop after this migration")
        ->type_name("NAME");
    command
        ->add_option("--out-of-order", options->migrate.out_of_order,
                     "Pending migrations sorting before applied ones (default warn)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, run::OutOfOrderPolicy>{{"warn", run::OutOfOrderPolicy::warn},
                                                         {"error", run::OutOfOrderPolicy::error},
                                                         {"allow", run::OutOfOrderPolicy::allow}}))
        ->type_name("warn|error|allow");
    command
        ->add_option("--transaction", options->migrate.transaction_each,
                     "each: every up and its SequelizeMeta row commit together or not at all "
                     "(default none, as sequelize-cli)")
        ->transform(
            CLI::CheckedTransformer(std::map<std::string, bool>{{"each", true}, {"none", false}}))
        ->type_name("each|none");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_migrate(global, *options, output);
    });
}

}  // namespace migmerge::cli
