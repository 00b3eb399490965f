// The findings about one folder with no merge context (`migrate`, `status`),
// and dangling-symlink, which only a work tree can have.
// duplicate-description is not among them: in real projects it was always two
// different migrations with similar names, noise on every deploy.
#include <algorithm>

#include "analysis_rules.hpp"

namespace migmerge::core {
namespace rules {

std::vector<MigrationName> parse_names(const MigrationSet& folder) {
    std::vector<MigrationName> names;
    names.reserve(folder.files.size());
    for (const auto& [file, content] : folder.files) names.push_back(MigrationName::parse(file));
    return names;
}

// sequelize-cli lists a link named like a migration and then fails to
// require it; migmerge's listing skips it, so it is at least said.
std::vector<Finding> dangling_links(const MigrationSet& folder) {
    std::vector<Finding> findings;
    for (const auto& [name, target] : folder.dangling_links) {
        if (!sequelize_would_run(name)) continue;
        Finding finding = make_finding(FindingCode::dangling_symlink, Severity::warning, {name});
        finding.message = name + " is a dangling symlink (to " + target +
                          ", which does not exist): migmerge skips it, sequelize-cli would try "
                          "to run it and fail (Cannot find module)";
        finding.advice = "restore its target, or remove the link";
        findings.push_back(std::move(finding));
    }
    return findings;
}

}  // namespace rules

std::vector<Finding> analyze_folder(const MigrationSet& folder, const Timestamp& now) {
    std::vector<MigrationName> names = rules::parse_names(folder);
    std::vector<Finding> findings;
    for (auto&& family :
         {rules::same_timestamps(names), rules::invalid_names(names), rules::non_migrations(names),
          rules::future_timestamps(names, now), rules::order_contradicts_dates(names),
          rules::dangling_links(folder)}) {
        findings.insert(findings.end(), family.begin(), family.end());
    }
    sort_findings(findings);
    return findings;
}

std::vector<Finding> folder_problems(const MigrationSet& folder, const Timestamp& now,
                                     const std::string& accepted_source) {
    AcceptedChanges accepted = AcceptedChanges::parse(folder.accepted_text, accepted_source);
    std::vector<Finding> findings = analyze_folder(folder, now);
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const Finding& f) { return accepted.accepts(f); }),
                   findings.end());
    return findings;
}

}  // namespace migmerge::core
