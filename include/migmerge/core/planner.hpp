#pragma once
// The renaming rule (docs/DESIGN.md): new names keep description and extension;
// timestamps are consecutive seconds after the greatest timestamp in the
// merged set; each side's order is preserved (when one renamed-side file must
// move, every later added file of that side moves too); a file that exists at
// the merge base is never renamed. Same inputs, same plan: no wall clock.
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/analysis.hpp"

namespace migmerge::core {

struct Rename {
    std::string from;
    std::string to;
    std::string reason;     // "same-timestamp", "out-of-order", "keeps-order", "record"
    bool move_file = true;  // false: only a ledger entry (records a rename already made)

    friend bool operator==(const Rename& a, const Rename& b) {
        return a.from == b.from && a.to == b.to && a.reason == b.reason &&
               a.move_file == b.move_file;
    }
};

struct Plan {
    std::vector<Rename> renames;
    std::vector<Finding> unfixable;  // error findings no rename resolves, with advice

    bool empty() const { return renames.empty(); }
    friend bool operator==(const Plan& a, const Plan& b) {
        return a.renames == b.renames && a.unfixable == b.unfixable;
    }
};

// Moves files only for fixable findings: an out-of-order file moves; in a
// shared-timestamp group every renamed-side file moves, except that one may
// keep the timestamp when no other file holds it. The first file that must
// move and every renamed-side file after it (byte order) go, in order, to the
// seconds after the latest timestamp. Renames made by hand (renamed-unrecorded)
// come first, as ledger-only records continuing any chain the ledger has.
// `unfixable` lists the error findings that no rename resolves.
Plan plan_renames(const AnalysisInput& input, const std::vector<Finding>& findings);

std::ostream& operator<<(std::ostream& out, const Rename& rename);
std::ostream& operator<<(std::ostream& out, const Plan& plan);

}  // namespace migmerge::core
