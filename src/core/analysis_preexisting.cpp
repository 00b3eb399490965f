// What a merge introduces, as against what both sides already live with.
// A finding is the change's own when it involves a file one side lacks or
// holds differently from the other; one present on both sides alike (a
// legacy name, an old same-timestamp pair, an edit or deletion both sides
// already have) changes nothing for either side's databases: a note.
#include <algorithm>

#include "analysis_rules.hpp"

namespace migmerge::core::rules {
namespace {

bool same_on_both_sides(const MergeSets& sets, const std::string& name) {
    auto on_base = sets.base.content_of(name);
    return on_base && on_base == sets.head.content_of(name);
}

bool gone_from_both_sides(const MergeSets& sets, const std::string& name) {
    return !sets.base.contains(name) && !sets.head.contains(name);
}

bool all_files(const Finding& finding, bool (*holds)(const MergeSets&, const std::string&),
               const MergeSets& sets) {
    return std::all_of(finding.files.begin(), finding.files.end(),
                       [&](const std::string& name) { return holds(sets, name); });
}

}  // namespace

bool is_preexisting(const AnalysisInput& input, const Finding& finding) {
    const MergeSets& sets = input.sets;
    switch (finding.code) {
        case FindingCode::out_of_order:
            return false;  // always about a file the receiving side lacks
        case FindingCode::deleted:
            return all_files(finding, gone_from_both_sides, sets);
        case FindingCode::renamed_unrecorded:
            // The old name gone from both, the new one the same on both.
            return gone_from_both_sides(sets, finding.files[0]) &&
                   same_on_both_sides(sets, finding.files[1]);
        default:
            // modified, and the folder rules: every file named is the same on both sides.
            return all_files(finding, same_on_both_sides, sets);
    }
}

std::vector<std::string> changed_versions(const MergeSets& sets, const std::string& name) {
    std::vector<std::string> versions;
    auto original = sets.merge_base.content_of(name);
    for (const MigrationSet* set : {&sets.base, &sets.head, &sets.result}) {
        auto version = set->content_of(name);
        if (version && version != original) versions.push_back(*version);
    }
    return versions;
}

}  // namespace migmerge::core::rules
