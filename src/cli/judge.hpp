#pragma once
// The step check, plan and fix share: read both sides, analyze, plan.
#include "merge_inputs.hpp"
#include "merge_report.hpp"

namespace migmerge::cli {

using git::Judgement;

Judgement judge(const Project& project, const RefOptions& options);

// check and plan differ only in what they print: one registration serves both.
void add_report_command(CLI::App& app, Invocation& invocation, MergeCommand command,
                        const std::string& description);

}  // namespace migmerge::cli
