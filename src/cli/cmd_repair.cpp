// `migmerge repair`: rewrites SequelizeMeta rows per the ledger, in one
// transaction, under the lock, audited.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "repair_output.hpp"

namespace migmerge::cli {
void add_repair_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::RepairRequest>>();
    CLI::App* command = app.add_subcommand(
        "repair", "Rewrite SequelizeMeta rows per the rename ledger (one transaction, locked)");
    add_run_options(*command, options->request.run, options->node,
                    "Print the row changes; write nothing");
    command->add_flag("--prune-orphans", options->request.prune_orphans,
                      "Also delete rows whose migration file is gone");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::RepairResult result =
            app::repair(workspace_request(global, options->node), options->request);
        print_repair(output, result);
        return repair_exit_code(result);
    });
}

}  // namespace migmerge::cli
