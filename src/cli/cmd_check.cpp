// `migmerge check` and `migmerge plan`: the judged merge, with its findings
// (check) or with the renames that would resolve them (plan); both exit 1
// while error-level findings stand.
#include <CLI/CLI.hpp>

#include "check_output.hpp"
#include "invocation.hpp"

namespace migmerge::cli {
namespace {

const char* name_of(MergeCommand command) {
    return command == MergeCommand::check ? "check" : "plan";
}

int run_report_command(const GlobalOptions& global, const app::RefRequest& refs,
                       MergeCommand command, const Output& output) {
    const Judgement judgement = app::judge(workspace_request(global), refs);
    MergeReport report = report_of(command, judgement);
    print_merge_report(output, report);
    return merge_exit_code(report);
}

// check and plan differ only in what they print: one registration serves both.
void add_report_command(CLI::App& app, Invocation& invocation, MergeCommand command,
                        const std::string& description) {
    auto refs = std::make_shared<app::RefRequest>();
    CLI::App* subcommand = app.add_subcommand(name_of(command), description);
    add_ref_options(*subcommand, *refs);
    on_chosen(*subcommand, invocation,
              [refs, command](const GlobalOptions& global, const Output& output) {
                  return run_report_command(global, *refs, command, output);
              });
}

}  // namespace

void add_check_command(CLI::App& app, Invocation& invocation) {
    add_report_command(app, invocation, MergeCommand::check,
                       "Compare the migrations of two refs and their merge base; print findings");
}

void add_plan_command(CLI::App& app, Invocation& invocation) {
    add_report_command(app, invocation, MergeCommand::plan,
                       "Show the renames that would resolve the fixable findings; change nothing");
}

}  // namespace migmerge::cli
