// `migmerge fix`: applies the plan to the work tree and index like `git mv`
// and appends each rename to the ledger.
#include <CLI/CLI.hpp>

#include "invocation.hpp"
#include "judge.hpp"

namespace migmerge::cli {
namespace {

struct FixOptions {
    RefOptions refs;
    bool dry_run = false;
};

int run_fix(const GlobalOptions& global, const FixOptions& options, const Output& output) {
    Project project = open_repository_project(global);
    Judgement judgement = judge(project, options.refs);
    if (!options.dry_run && !judgement.plan.empty()) {
        project.repository->apply_renames(judgement.context.folder, judgement.plan.renames);
    }
    MergeReport report = report_of(MergeCommand::fix, judgement, options.dry_run);
    print_merge_report(output, report);
    return merge_exit_code(report);
}

}  // namespace

void add_fix_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<FixOptions>();
    CLI::App* command = app.add_subcommand(
        "fix", "Apply the plan to the work tree and index and record it in the ledger");
    add_ref_options(*command, options->refs);
    command->add_flag("--dry-run", options->dry_run, "Show what would change; change nothing");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_fix(global, *options, output);
    });
}

}  // namespace migmerge::cli
