// `migmerge migrate`: repairs from the ledger, then runs the pending
// migrations in order under the lock, through the project's own sequelize.
#include <CLI/CLI.hpp>

#include "choices.hpp"
#include "db_options.hpp"
#include "invocation.hpp"
#include "migrate_output.hpp"

namespace migmerge::cli {
namespace {

void add_migrate_options(CLI::App& command, run::MigrateOptions& migrate) {
    command.add_option("--to", migrate.to, "Stop after this migration")->type_name("NAME");
    add_choice_option(command, "--out-of-order", migrate.out_of_order,
                      "Pending migrations sorting before applied ones (default warn)",
                      {{"warn", run::OutOfOrderPolicy::warn},
                       {"error", run::OutOfOrderPolicy::error},
                       {"allow", run::OutOfOrderPolicy::allow}});
    add_choice_option(command, "--transaction", migrate.transaction_each,
                      "each: every up and its SequelizeMeta row commit together or not at all "
                      "(default none, as sequelize-cli)",
                      {{"each", true}, {"none", false}});
}

}  // namespace

void add_migrate_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::MigrateRequest>>();
    CLI::App* command = app.add_subcommand(
        "migrate", "Repair from the ledger, then run pending migrations in order under the lock");
    add_run_options(*command, options->request.run, options->node);
    add_migrate_options(*command, options->request.migrate);
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::RunResult result =
            app::migrate(workspace_request(global, options->node), options->request,
                         run_printer(output, RunDirection::up));
        print_run_summary(output, "migrate", result);
        return run_exit_code(result.report);
    });
}

}  // namespace migmerge::cli
