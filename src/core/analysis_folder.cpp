// The findings about one folder with no merge context (`migrate`, `status`).
// duplicate-description is not among them: in real projects it was always two
// different migrations with similar names, noise on every deploy.
#include "analysis_rules.hpp"

namespace migmerge::core {
namespace rules {

std::vector<MigrationName> parse_names(const MigrationSet& folder) {
    std::vector<MigrationName> names;
    names.reserve(folder.files.size());
    for (const auto& [file, content] : folder.files) names.push_back(MigrationName::parse(file));
    return names;
}

}  // namespace rules

std::vector<Finding> analyze_folder(const MigrationSet& folder, const Timestamp& now) {
    std::vector<MigrationName> names = rules::parse_names(folder);
    std::vector<Finding> findings;
    for (auto&& family : {rules::same_timestamps(names), rules::invalid_names(names),
                          rules::non_migrations(names), rules::future_timestamps(names, now)}) {
        findings.insert(findings.end(), family.begin(), family.end());
    }
    sort_findings(findings);
    return findings;
}

}  // namespace migmerge::core
