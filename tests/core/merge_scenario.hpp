#pragma once
// Builds the four migration sets of a merge for analysis and planner tests:
// files at the merge base (on every side), files each side added, and the
// result as their union. Content ids default to one per name.
#include <string>
#include <vector>

#include "migmerge/core/analysis.hpp"
#include "migmerge/core/planner.hpp"

namespace migmerge::core::test {

inline std::string content_id(const std::string& name) {
    return "blob-" + name;
}

class MergeScenario {
  public:
    MergeScenario& at_merge_base(const std::vector<std::string>& names);
    MergeScenario& added_by_base(const std::vector<std::string>& names);
    MergeScenario& added_by_head(const std::vector<std::string>& names);
    MergeScenario& ledger(const std::string& text);
    // Head renamed a merge-base file by hand (same content, new name) and
    // the result took the rename; no ledger entry says so.
    MergeScenario& renamed_by_head(const std::string& from, const std::string& to);
    MergeScenario& rename_side(RenameSide side);
    MergeScenario& now(const std::string& digits);

    AnalysisInput& input() { return input_; }
    const AnalysisInput& input() const { return input_; }

  private:
    AnalysisInput input_ = default_input();
    static AnalysisInput default_input();
};

// The merge after `fix`: the plan's file renames made in the result, and every
// rename appended to the ledger.
AnalysisInput apply_plan(const AnalysisInput& input, const Plan& plan);

std::vector<Finding> fixable_findings(const std::vector<Finding>& findings);
std::vector<FindingCode> codes_of(const std::vector<Finding>& findings);

}  // namespace migmerge::core::test
