#include "merge_scenario.hpp"

#include <algorithm>

namespace migmerge::core::test {

AnalysisInput MergeScenario::default_input() {
    AnalysisInput input;
    input.now = *Timestamp::parse("20300101000000");
    return input;
}

MergeScenario& MergeScenario::at_merge_base(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        for (MigrationSet* set :
             {&input_.sets.merge_base, &input_.sets.base, &input_.sets.head, &input_.sets.result}) {
            set->files[name] = content_id(name);
        }
    }
    return *this;
}

MergeScenario& MergeScenario::added_by_base(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        input_.sets.base.files[name] = content_id(name);
        input_.sets.result.files[name] = content_id(name);
    }
    return *this;
}

MergeScenario& MergeScenario::added_by_head(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        input_.sets.head.files[name] = content_id(name);
        input_.sets.result.files[name] = content_id(name);
    }
    return *this;
}

MergeScenario& MergeScenario::ledger(const std::string& text) {
    input_.ledger = Ledger::parse(text);
    return *this;
}

MergeScenario& MergeScenario::renamed_by_head(const std::string& from, const std::string& to) {
    for (MigrationSet* set : {&input_.sets.head, &input_.sets.result}) {
        set->files.erase(from);
        set->files[to] = content_id(from);
    }
    return *this;
}

MergeScenario& MergeScenario::rename_side(RenameSide side) {
    input_.rename_side = side;
    return *this;
}

MergeScenario& MergeScenario::now(const std::string& digits) {
    input_.now = *Timestamp::parse(digits);
    return *this;
}

AnalysisInput apply_plan(const AnalysisInput& input, const Plan& plan) {
    AnalysisInput after = input;
    std::vector<LedgerEntry> entries = input.ledger.entries();
    for (const Rename& rename : plan.renames) {
        entries.push_back({rename.from, rename.to});
        if (!rename.move_file) continue;
        auto& files = after.sets.result.files;
        files[rename.to] = files.at(rename.from);
        files.erase(rename.from);
    }
    after.ledger = Ledger::from_entries(entries);
    return after;
}

std::vector<Finding> fixable_findings(const std::vector<Finding>& findings) {
    std::vector<Finding> fixable;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(fixable),
                 [](const Finding& f) { return f.fixable; });
    return fixable;
}

std::vector<FindingCode> codes_of(const std::vector<Finding>& findings) {
    std::vector<FindingCode> codes;
    for (const Finding& finding : findings) codes.push_back(finding.code);
    return codes;
}

}  // namespace migmerge::core::test
