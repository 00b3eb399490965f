// Judging a merge: the merge rules, plus the folder rules applied to the
// result with each finding attributed to the side its files came from.
#include "analysis_rules.hpp"
#include "set_walk.hpp"

namespace migmerge::core {
namespace {

struct GroupSides {
    std::size_t renamed_side = 0;  // files `fix` may rename
    std::size_t others = 0;
    bool all_at_merge_base = true;
};

GroupSides count_sides(const AnalysisInput& input, const std::vector<std::string>& files) {
    GroupSides group;
    for (const std::string& file : files) {
        Origin origin = origin_of(input, file);
        if (origin != Origin::merge_base) group.all_at_merge_base = false;
        bool movable = rules::added_by(origin) == rules::renamed_side(input);
        ++(movable ? group.renamed_side : group.others);
    }
    return group;
}

// Renaming resolves a shared timestamp when at most one file of the group has
// to keep it: every renamed-side file but (perhaps) one can move.
void judge_fixability(const AnalysisInput& input, Finding& finding) {
    GroupSides group = count_sides(input, finding.files);
    finding.fixable = group.renamed_side > 0 && group.others <= 1;
    if (finding.fixable) {
        finding.advice.clear();
    } else if (group.all_at_merge_base) {
        finding.advice =
            "these existed before the branches split, so `fix` leaves them alone: rename the "
            "later one to a new timestamp by hand, record it in the ledger, and run `migmerge "
            "repair` on every database";
    } else if (group.renamed_side == 0) {
        finding.advice = "none of them is a new file of " + to_string(rules::renamed_side(input)) +
                         ": rename the new one on the other branch (or use --rename-side)";
    }
}

// Two sides adding one description: perhaps the same change twice. Within
// one side (or the past), in practice two different changes: not said.
bool added_by_each_side(const AnalysisInput& input, const std::vector<std::string>& files) {
    bool by_base = false, by_head = false;
    for (const std::string& file : files) {
        Side side = rules::added_by(input, file);
        by_base = by_base || side == Side::base;
        by_head = by_head || side == Side::head;
    }
    return by_base && by_head;
}

// The result's files that were not there before the branches split.
std::vector<MigrationName> added_names(const AnalysisInput& input) {
    std::vector<MigrationName> names;
    for (const std::string& name : detail::missing_from(input.sets.result, input.sets.merge_base))
        names.push_back(MigrationName::parse(name));
    return names;
}

// Folder rules warn about names sequelize-cli runs, so `migrate` never
// refuses them; a merge that brings such a name new is where it can still be
// changed cheaply: an undated name, or one that runs before an older
// migration, is an error when the renamed side adds it, and `fix` renames it.
void judge_new_names(const AnalysisInput& input, Finding& finding) {
    const std::string& file = finding.files.front();
    if (input.sets.merge_base.contains(file) || finding.severity == Severity::error) return;
    NameKind kind = MigrationName::parse(file).kind;
    bool undated = finding.code == FindingCode::invalid_name && kind == NameKind::untimestamped;
    bool misdated = finding.code == FindingCode::order_contradicts_date &&
                    rules::added_by(input, file) == rules::renamed_side(input);
    if (!undated && !misdated) return;
    finding.severity = Severity::error;
    finding.fixable = misdated;
    if (misdated) finding.advice.clear();
}

std::vector<Finding> result_folder_findings(const AnalysisInput& input) {
    std::vector<Finding> findings = analyze_folder(input.sets.result, input.now);
    for (Finding& finding : rules::duplicate_descriptions(added_names(input))) {
        if (added_by_each_side(input, finding.files)) findings.push_back(std::move(finding));
    }
    for (Finding& finding : findings) {
        finding.side = rules::side_of(input, finding.files);
        if (finding.code == FindingCode::same_timestamp) judge_fixability(input, finding);
        judge_new_names(input, finding);
    }
    return findings;
}

}  // namespace

std::vector<Finding> analyze(const AnalysisInput& input) {
    std::vector<Finding> findings = rules::history_changes(input);
    std::vector<Finding> order = rules::out_of_order(input);
    std::vector<Finding> folder = result_folder_findings(input);
    findings.insert(findings.end(), order.begin(), order.end());
    findings.insert(findings.end(), folder.begin(), folder.end());
    sort_findings(findings);
    return findings;
}

Analysis analyze_merge(const AnalysisInput& input) {
    Analysis analysis;
    for (Finding& finding : analyze(input)) {
        std::vector<std::string> versions;
        if (finding.code == FindingCode::modified) {
            versions = rules::changed_versions(input.sets, finding.files.front());
        }
        if (input.accepted.accepts(finding, versions)) {
            analysis.accepted.push_back(std::move(finding));
        } else if (rules::is_preexisting(input, finding)) {
            analysis.preexisting.push_back(std::move(finding));
        } else {
            analysis.findings.push_back(std::move(finding));
        }
    }
    return analysis;
}

}  // namespace migmerge::core
