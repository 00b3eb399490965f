// `migmerge status`: the migration files against SequelizeMeta.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "status_output.hpp"

namespace migmerge::cli {
void add_status_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::StatusRequest>>();
    CLI::App* command =
        app.add_subcommand("status", "Show the migration files against SequelizeMeta");
    add_db_options(*command, options->request.db, options->node);
    command
        ->add_option("--ref", options->request.ref,
                     "Read the files at REF instead of the work tree")
        ->type_name("REF");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::StatusResult result =
            app::status(workspace_request(global, options->node), options->request);
        print_status(output, result);
        return status_exit_code(result);
    });
}

}  // namespace migmerge::cli
