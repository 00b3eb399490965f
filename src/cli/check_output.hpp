#pragma once
// What check, plan and fix print, in text, JSON or GitHub form.
#include <string>
#include <vector>

#include "invocation.hpp"
#include "migmerge/core/planner.hpp"
#include "ref_options.hpp"

namespace migmerge::cli {

enum class MergeCommand { check, plan, fix };

struct MergeReport {
    MergeCommand command;
    const MergeContext& context;
    std::vector<core::Finding> findings;  // introduced by the merge
    core::Plan plan;
    bool dry_run = false;                    // fix --dry-run
    std::vector<core::Finding> preexisting;  // notes: -v, and JSON's "preexisting"
    std::size_t accepted = 0;                // findings .migmerge-accepted covers
};

MergeReport report_of(MergeCommand command, const app::Judgement& judgement, bool dry_run = false);

void print_merge_report(const Output& output, const MergeReport& report);
// The exact command that applies the plan for this situation: the refs when
// two were compared, and --rename-side when it is not the default.
std::string fix_command_for(const MergeContext& context);
// check/plan: 1 while error-level findings stand; fix: 1 while unfixable ones remain.
int merge_exit_code(const MergeReport& report);

}  // namespace migmerge::cli
