#pragma once
// check and plan: the judged merge read from git (the sides chosen by core's
// ref defaults, their merge base, the four migration sets), analysed and
// planned. fix applies the plan.
#include <string>
#include <vector>

#include "migmerge/app/workspace.hpp"
#include "migmerge/core/finding.hpp"
#include "migmerge/core/merge_request.hpp"
#include "migmerge/core/planner.hpp"
#include "migmerge/git/repository.hpp"

namespace migmerge::app {

using git::ResolvedRef;

// The refs check, plan, fix and verify take.
struct RefRequest {
    std::optional<std::string> base;
    std::optional<std::string> head;
    core::RenameSide rename_side = core::RenameSide::head;
};

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
MergeContext read_merge(const git::Repository& repo, const core::MergeRequest& request,
                        const core::Timestamp& now);

struct Judgement {
    MergeContext context;
    std::vector<core::Finding> findings;     // introduced by the merge: these count
    std::vector<core::Finding> preexisting;  // the deployed side has them already: notes
    std::vector<core::Finding> accepted;     // covered by .migmerge-accepted
    core::Plan plan;                         // for `findings` only
};

// read_merge, then core::analyze_merge and core::plan_renames.
Judgement judge_merge(const git::Repository& repo, const core::MergeRequest& request,
                      const core::Timestamp& now);

// The request the workspace and the refs make: migmerge.json's base, the
// pull request's base (GITHUB_BASE_REF), the migrations folder.
core::MergeRequest merge_request(const Workspace& workspace, const RefRequest& refs);

// check and plan: judge_merge on the workspace's repository, now.
Judgement judge(const Workspace& workspace, const RefRequest& refs);
// The same in the repository around `where`.
Judgement judge(const WorkspaceRequest& where, const RefRequest& refs);

struct FixRequest {
    RefRequest refs;
    bool dry_run = false;
};
// The judgement, with its plan applied to the work tree and index like
// `git mv` and appended to the ledger (unless a dry run).
Judgement fix(const WorkspaceRequest& where, const FixRequest& request);

}  // namespace migmerge::app
