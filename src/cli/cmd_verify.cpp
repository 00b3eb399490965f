// `migmerge verify`: the migrations (or a merge's result, read from git) run
// on scratch databases with the project's own Sequelize, and proven.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "migmerge/app/verify.hpp"
#include "ref_options.hpp"
#include "verify_output.hpp"

namespace migmerge::cli {
namespace {

void add_verify_options(CLI::App& command, app::VerifyRequest& request) {
    add_scratch_url_option(command, request.scratch_url);
    command
        .add_option("--checks", request.checks,
                    "Comma-separated: replay, reversible, order, idempotent "
                    "(default replay,reversible, +order with refs)")
        ->type_name("LIST");
    command.add_flag("--idempotent", request.idempotent,
                     "Also check that every up can run again (also: \"idempotent\": true in "
                     "migmerge.json)");
}

}  // namespace

void add_verify_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::VerifyRequest>>();
    CLI::App* command = app.add_subcommand(
        "verify",
        "Run the migrations on scratch databases and prove they replay, reverse, "
        "survive the merge's deployed orders and (when promised) re-run");
    add_ref_options(*command, options->request.refs);
    add_verify_options(*command, options->request);
    add_config_options(*command, options->request.db, options->node);
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::VerifyResult result =
            app::verify(workspace_request(global, options->node), options->request,
                        verify_progress_printer(output));
        print_verify_report(output, result.report, result.migrations_folder);
        return verify_exit_code(result.report);
    });
}

}  // namespace migmerge::cli
