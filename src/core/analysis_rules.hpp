#pragma once
// The finding families analyze() and analyze_folder() are built from, one
// file each (analysis_*.cpp). Internal to the core layer.
#include <string>
#include <vector>

#include "migmerge/core/analysis.hpp"
#include "migmerge/core/migration_name.hpp"

namespace migmerge::core::rules {

// Every file of a folder, parsed, in byte order of names.
std::vector<MigrationName> parse_names(const MigrationSet& folder);

// Folder rules: they look at one folder only.
std::vector<Finding> same_timestamps(const std::vector<MigrationName>& names);
std::vector<Finding> future_timestamps(const std::vector<MigrationName>& names,
                                       const Timestamp& now);
std::vector<Finding> invalid_names(const std::vector<MigrationName>& names);
std::vector<Finding> non_migrations(const std::vector<MigrationName>& names);
std::vector<Finding> duplicate_descriptions(const std::vector<MigrationName>& names);
std::vector<Finding> dangling_links(const MigrationSet& folder);
// A migration that byte order runs before one dated earlier (analysis_dates.cpp).
std::vector<Finding> order_contradicts_dates(const std::vector<MigrationName>& names);

// Merge rules: they compare the merge base with the sides and the result.
std::vector<Finding> history_changes(const AnalysisInput& input);  // modified, deleted, renamed
std::vector<Finding> out_of_order(const AnalysisInput& input);

// Whether the receiving (deployed) side already has what the finding is
// about, so the merge brings none of it (a note, not an error:
// analysis_preexisting.cpp).
bool is_preexisting(const AnalysisInput& input, const Finding& finding);
// The content ids of `name` on base, head and the result that differ from
// the merge base's (a side that lacks it has none).
std::vector<std::string> changed_versions(const MergeSets& sets, const std::string& name);
// The merge base's files that base, head or the result lacks or changed.
std::vector<std::string> touched_merge_base_files(const MergeSets& sets);

// Which side added a file of the result: Side::base or Side::head, or
// Side::none for files that existed at the merge base or were added on both.
Side added_by(Origin origin);
Side added_by(const AnalysisInput& input, const std::string& name);
// The side `fix` renames files on.
Side renamed_side(const AnalysisInput& input);
// The side a finding about these files is attributed to.
Side side_of(const AnalysisInput& input, const std::vector<std::string>& files);

// "a", "a and b", "a, b and c".
std::string list_names(const std::vector<std::string>& names);

}  // namespace migmerge::core::rules
