#pragma once
// Judging a merge: the migration sets of the merge base, the two sides and
// the merge result, and what would go wrong on which database.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/accepted.hpp"
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
    Ledger ledger;             // merged from every set's ledger
    AcceptedChanges accepted;  // merged from every set's accepted changes
    Timestamp now;             // for future-timestamp only; the caller reads the clock
    RenameSide rename_side = RenameSide::head;
    // Content id -> text, for the ids texts_to_read() names (the caller reads
    // them): a `modified` whose text is missing is judged a real edit.
    std::map<std::string, std::string> texts;
};

// The content ids whose text tells a real edit from a reformat: every
// merge-base migration some side changed, before and after.
std::vector<std::string> texts_to_read(const MergeSets& sets);

// Every finding the rules make, in a stable order: by severity (errors
// first), then code, then files.
std::vector<Finding> analyze(const AnalysisInput& input);

// What the change judged does: analyze()'s findings, sorted into three.
struct Analysis {
    std::vector<Finding> findings;     // introduced by this change: these count
    std::vector<Finding> preexisting;  // the deployed side has them already: notes
    std::vector<Finding> accepted;     // covered by an accepted change
};
Analysis analyze_merge(const AnalysisInput& input);

// The findings about one folder with no merge context (same-timestamp,
// invalid-name, not-a-migration, future-timestamp, dangling-symlink; not
// duplicate-description):
// what `migrate` refuses to start on, and what `status` shows.
std::vector<Finding> analyze_folder(const MigrationSet& folder, const Timestamp& now);
// analyze_folder less what the folder's own accepted changes cover: what
// `migrate`, `status` and the hooks judge a folder by. Error(bad_input) for
// a malformed accepted-changes file, naming `accepted_source`.
std::vector<Finding> folder_problems(const MigrationSet& folder, const Timestamp& now,
                                     const std::string& accepted_source);

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
