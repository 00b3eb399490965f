// `migmerge plan`: the renames that would resolve the fixable findings.
#include <CLI/CLI.hpp>

#include "invocation.hpp"
#include "judge.hpp"

namespace migmerge::cli {

void add_plan_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<RefOptions>();
    CLI::App* command = app.add_subcommand(
        "plan", "Show the renames that would resolve the fixable findings; change nothing");
    add_ref_options(*command, *options);
    command->callback([&invocation, options] {
        invocation.action = [&invocation, options](const Output& output) {
            return run_report_command(invocation.global, *options, MergeCommand::plan, output);
        };
    });
}

}  // namespace migmerge::cli
