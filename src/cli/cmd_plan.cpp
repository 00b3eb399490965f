// `migmerge plan`: the renames that would resolve the fixable findings.
#include "judge.hpp"

namespace migmerge::cli {

void add_plan_command(CLI::App& app, Invocation& invocation) {
    add_report_command(app, invocation, MergeCommand::plan,
                       "Show the renames that would resolve the fixable findings; change nothing");
}

}  // namespace migmerge::cli
