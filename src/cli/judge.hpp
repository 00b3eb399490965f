#pragma once
// The step check, plan and fix share: read both sides, analyze, plan.
#include "merge_inputs.hpp"
#include "merge_report.hpp"

namespace migmerge::cli {

struct Judgement {
    MergeContext context;
    std::vector<core::Finding> findings;
    core::Plan plan;
};

Judgement judge(const Project& project, const RefOptions& options);

// check and plan differ only in what they print: one runner serves both.
int run_report_command(const GlobalOptions& global, const RefOptions& options, MergeCommand command,
                       const Output& output);

}  // namespace migmerge::cli
