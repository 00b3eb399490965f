// What a merge brings to the deployed (receiving) side, as against what
// that side already lives with. A finding is the merge's own when it
// involves a file the receiving side lacks, or a change to one of its files
// that the incoming side (or the merge resolution) makes. Everything else
// (a legacy name, an old same-timestamp pair, an edit or a deletion the
// receiving side made itself, long deployed) changes nothing for the
// receiving side's databases: a note, said once, never an error.
#include <algorithm>
#include <optional>

#include "analysis_rules.hpp"

namespace migmerge::core::rules {
namespace {

struct Roles {
    const MigrationSet& receiving;  // the deployed side: base, unless --rename-side base
    const MigrationSet& incoming;
};

Roles roles_of(const AnalysisInput& input) {
    if (renamed_side(input) == Side::head) return {input.sets.base, input.sets.head};
    return {input.sets.head, input.sets.base};
}

// The incoming side, or the merge resolution, holds `name` otherwise than
// the receiving side does, and not because the receiving side changed it.
bool brings_a_change(const AnalysisInput& input, const std::string& name) {
    Roles roles = roles_of(input);
    std::optional<std::string> original = input.sets.merge_base.content_of(name);
    std::optional<std::string> received = roles.receiving.content_of(name);
    std::optional<std::string> incoming = roles.incoming.content_of(name);
    std::optional<std::string> result = input.sets.result.content_of(name);
    bool incoming_changed = incoming != original && incoming != received;
    bool resolution_changed = result != received && result != incoming;
    return incoming_changed || resolution_changed;
}

// The receiving side still has it, and the merge takes it away.
bool brings_a_removal(const AnalysisInput& input, const std::string& name) {
    Roles roles = roles_of(input);
    return roles.receiving.contains(name) &&
           (!roles.incoming.contains(name) || !input.sets.result.contains(name));
}

bool brings_a_file(const AnalysisInput& input, const std::vector<std::string>& files) {
    const MigrationSet& receiving = roles_of(input).receiving;
    return std::any_of(files.begin(), files.end(),
                       [&](const std::string& name) { return !receiving.contains(name); });
}

}  // namespace

bool is_preexisting(const AnalysisInput& input, const Finding& finding) {
    switch (finding.code) {
        case FindingCode::out_of_order:
            return false;  // always about a file the receiving side lacks
        case FindingCode::modified:
            return !brings_a_change(input, finding.files.front());
        case FindingCode::deleted:
        case FindingCode::renamed_unrecorded:
            return !brings_a_removal(input, finding.files.front());
        default:  // the folder rules: about names alone
            return !brings_a_file(input, finding.files);
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
