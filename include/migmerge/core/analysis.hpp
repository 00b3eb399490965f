#pragma once
// Judging a merge: the migration sets of the merge base, the two sides and
// the merge result, and what would go wrong on which database.
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/migration_set.hpp"
#include "migmerge/core/timestamp.hpp"

namespace migmerge::core {

enum class RenameSide { head, base };

struct MergeSets {
    MigrationSet merge_base;
    MigrationSet base;
    MigrationSet head;
    MigrationSet result;  // what is judged: the union, the index, or HEAD's tree
};

struct AnalysisInput {
    MergeSets sets;
    Ledger ledger;  // merged from every set's ledger
    Timestamp now;  // for future-timestamp only; the caller reads the clock
    RenameSide rename_side = RenameSide::head;
};

// Findings in a stable order: by severity (errors first), then code, then files.
std::vector<Finding> analyze(const AnalysisInput& input);

// The findings about one folder with no merge context (same-timestamp,
// invalid-name, not-a-migration, future-timestamp, dangling-symlink; not
// duplicate-description):
// what `migrate` refuses to start on, and what `status` shows.
std::vector<Finding> analyze_folder(const MigrationSet& folder, const Timestamp& now);

// Where a file of the result came from (for timelines and side attribution).
enum class Origin {
    merge_base,         // there before the branches split
    base,               // added by base only
    head,               // added by head only
    both,               // added under the same name on both sides
    renamed_from_head,  // the end of a ledger chain starting at a file head added
    renamed_from_base,  // the end of a ledger chain starting at a file base added
    result_only         // made during the merge itself; judged like head's files
};
Origin origin_of(const AnalysisInput& input, const std::string& name);

std::ostream& operator<<(std::ostream& out, RenameSide side);
std::ostream& operator<<(std::ostream& out, Origin origin);

}  // namespace migmerge::core
