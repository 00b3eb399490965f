// `migmerge fix`: applies the plan to the work tree and index like `git mv`
// and appends each rename to the ledger.
#include <CLI/CLI.hpp>

#include "check_output.hpp"
#include "invocation.hpp"

namespace migmerge::cli {
namespace {

int run_fix(const GlobalOptions& global, const app::FixRequest& request, const Output& output) {
    const Judgement judgement = app::fix(workspace_request(global), request);
    MergeReport report = report_of(MergeCommand::fix, judgement, request.dry_run);
    print_merge_report(output, report);
    return merge_exit_code(report);
}

}  // namespace

void add_fix_command(CLI::App& app, Invocation& invocation) {
    auto request = std::make_shared<app::FixRequest>();
    CLI::App* command = app.add_subcommand(
        "fix", "Apply the plan to the work tree and index and record it in the ledger");
    add_ref_options(*command, request->refs);
    command->add_flag("--dry-run", request->dry_run, "Show what would change; change nothing");
    on_chosen(*command, invocation, [request](const GlobalOptions& global, const Output& output) {
        return run_fix(global, *request, output);
    });
}

}  // namespace migmerge::cli
