#include "judge.hpp"

#include "migmerge/sys/clock.hpp"

namespace migmerge::cli {

Judgement judge(const Project& project, const RefOptions& options) {
    Judgement judgement;
    judgement.context = read_merge(project, options, sys::utc_now());
    judgement.findings = core::analyze(judgement.context.input);
    judgement.plan = core::plan_renames(judgement.context.input, judgement.findings);
    return judgement;
}

int run_report_command(const GlobalOptions& global, const RefOptions& options, MergeCommand command,
                       const Output& output) {
    Project project = open_repository_project(global);
    Judgement judgement = judge(project, options);
    MergeReport report{command, judgement.context, judgement.findings, judgement.plan};
    print_merge_report(output, report);
    return merge_exit_code(report);
}

}  // namespace migmerge::cli
