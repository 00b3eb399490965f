#include "judge.hpp"

#include <CLI/CLI.hpp>

#include "migmerge/sys/clock.hpp"

namespace migmerge::cli {

Judgement judge(const Project& project, const RefOptions& options) {
    return git::judge_merge(*project.repository, merge_request(project, options), sys::utc_now());
}

namespace {

const char* name_of(MergeCommand command) {
    return command == MergeCommand::check ? "check" : "plan";
}

int run_report_command(const GlobalOptions& global, const RefOptions& options, MergeCommand command,
                       const Output& output) {
    Project project = open_repository_project(global);
    Judgement judgement = judge(project, options);
    MergeReport report = report_of(command, judgement);
    print_merge_report(output, report);
    return merge_exit_code(report);
}

}  // namespace

void add_report_command(CLI::App& app, Invocation& invocation, MergeCommand command,
                        const std::string& description) {
    auto options = std::make_shared<RefOptions>();
    CLI::App* subcommand = app.add_subcommand(name_of(command), description);
    add_ref_options(*subcommand, *options);
    on_chosen(*subcommand, invocation,
              [options, command](const GlobalOptions& global, const Output& output) {
                  return run_report_command(global, *options, command, output);
              });
}

}  // namespace migmerge::cli
