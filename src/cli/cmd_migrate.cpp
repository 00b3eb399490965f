// `migmerge migrate`: repairs from the ledger, then runs the pending
// migrations in order under the lock, through the project's own sequelize.
#include <CLI/CLI.hpp>

#include "choices.hpp"
#include "db_options.hpp"
#include "invocation.hpp"
#include "migmerge/app/sql.hpp"
#include "migmerge/core/error.hpp"
#include "migrate_output.hpp"
#include "sql_output.hpp"

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

// `--dry-run --sql`: what `migmerge sql` shows for the database migrate would migrate.
int print_planned_sql(const GlobalOptions& global, const Output& output,
                      const WithNode<app::MigrateRequest>& options) {
    if (!options.request.run.dry_run) throw bad_input("--sql needs --dry-run");
    app::SqlRequest request;
    request.db = options.request.run.db;
    const app::SqlResult result = app::sql(workspace_request(global, options.node), request);
    print_sql_report(output, result.report);
    return sql_exit_code(result.report);
}

}  // namespace

void add_migrate_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::MigrateRequest>>();
    CLI::App* command = app.add_subcommand(
        "migrate", "Repair from the ledger, then run pending migrations in order under the lock");
    add_run_options(*command, options->request.run, options->node);
    add_migrate_options(*command, options->request.migrate);
    auto sql = std::make_shared<bool>(false);
    command->add_flag("--sql", *sql,
                      "With --dry-run: print the SQL the pending migrations would send (as "
                      "`migmerge sql`)");
    on_chosen(*command, invocation,
              [options, sql](const GlobalOptions& global, const Output& output) {
                  if (*sql) return print_planned_sql(global, output, *options);
                  const app::RunResult result =
                      app::migrate(workspace_request(global, options->node), options->request,
                                   run_printer(output, RunDirection::up));
                  print_run_summary(output, "migrate", result);
                  return run_exit_code(result.report);
              });
}

}  // namespace migmerge::cli
