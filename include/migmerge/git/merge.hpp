#pragma once
// The judged merge read from git: the sides chosen by core's ref defaults,
// their merge base, and the four migration sets; then analysed and planned.
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/merge_request.hpp"
#include "migmerge/core/planner.hpp"
#include "migmerge/git/repository.hpp"

namespace migmerge::git {

struct MergeContext {
    ResolvedRef base;
    ResolvedRef head;
    std::string merge_base;
    core::Judged judged = core::Judged::union_of_sides;
    bool head_from_index = false;  // head is the checked-out branch: its staged state counts
    std::string deployed_reason;   // why base is taken as the deployed side
    std::string folder;            // the migrations folder, relative to the work tree
    core::AnalysisInput input;
};

// Error(bad_input) for an unknown ref, no base, or a folder on neither side.
MergeContext read_merge(const Repository& repo, const core::MergeRequest& request,
                        const core::Timestamp& now);

struct Judgement {
    MergeContext context;
    std::vector<core::Finding> findings;     // introduced by the merge: these count
    std::vector<core::Finding> preexisting;  // the deployed side has them already: notes
    std::vector<core::Finding> accepted;     // covered by .migmerge-accepted
    core::Plan plan;                         // for `findings` only
};

// read_merge, then core::analyze_merge and core::plan_renames.
Judgement judge_merge(const Repository& repo, const core::MergeRequest& request,
                      const core::Timestamp& now);

}  // namespace migmerge::git
