// Folder rules about timestamps: shared ones, and ones dated in the future.
#include <map>

#include "analysis_rules.hpp"

namespace migmerge::core::rules {
namespace {

constexpr std::int64_t future_tolerance_seconds = 24 * 3600;

Finding same_timestamp_finding(const std::string& digits, const std::vector<std::string>& files) {
    return make_finding(
        FindingCode::same_timestamp, Severity::error, files,
        {list_names(files) + " share the timestamp " + digits +
             ": their order rests on the descriptions alone, so a database that "
             "already ran one of them runs the other out of the order they were "
             "written in",
         "rename all but one to new timestamps after the latest migration, record each rename "
         "in the ledger, and run `migmerge repair` on every database"});
}

}  // namespace

std::vector<Finding> same_timestamps(const std::vector<MigrationName>& names) {
    std::map<std::string, std::vector<std::string>> by_timestamp;
    for (const MigrationName& name : names) {
        if (name.kind == NameKind::migration) {
            // The prefix as written: only identical prefixes leave the order
            // to the descriptions.
            by_timestamp[name.prefix()].push_back(name.file);
        }
    }
    std::vector<Finding> findings;
    for (const auto& [digits, files] : by_timestamp) {
        if (files.size() > 1) findings.push_back(same_timestamp_finding(digits, files));
    }
    return findings;
}

std::vector<Finding> future_timestamps(const std::vector<MigrationName>& names,
                                       const Timestamp& now) {
    std::int64_t limit = now.seconds_since_epoch() + future_tolerance_seconds;
    std::vector<Finding> findings;
    for (const MigrationName& name : names) {
        if (name.kind != NameKind::migration) continue;
        if (name.timestamp->seconds_since_epoch() <= limit) continue;
        Finding finding =
            make_finding(FindingCode::future_timestamp, Severity::warning, {name.file});
        finding.message = name.file + " is dated more than 24 hours from now (" + now.format() +
                          "): every migration written until then sorts before it, so "
                          "databases that ran it would run those out of order";
        finding.advice = "rename it to the current time before it is deployed";
        findings.push_back(finding);
    }
    return findings;
}

}  // namespace migmerge::core::rules
