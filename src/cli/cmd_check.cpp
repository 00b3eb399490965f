// `migmerge check`: compares two refs and their merge base; prints findings.
#include <CLI/CLI.hpp>

#include "invocation.hpp"
#include "judge.hpp"

namespace migmerge::cli {

void add_check_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<RefOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Compare the migrations of two refs and their merge base; print findings");
    add_ref_options(*command, *options);
    command->callback([&invocation, options] {
        invocation.action = [&invocation, options](const Output& output) {
            return run_report_command(invocation.global, *options, MergeCommand::check, output);
        };
    });
}

}  // namespace migmerge::cli
