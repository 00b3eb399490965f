#pragma once
// Everything `fix` verifies before it writes anything, so a refused fix
// leaves the work tree and the index exactly as they were.
#include <string>
#include <vector>

#include "handles.hpp"
#include "migmerge/core/planner.hpp"

namespace migmerge::git {

struct RenameTarget {
    git_index* index;
    std::string workdir;                     // with trailing '/'
    std::string folder;                      // normalized
    std::vector<std::string> changed_files;  // basenames a rename must not touch
};

// Throws Error(bad_input) naming the first rename that cannot be applied.
void check_renames(const RenameTarget& target, const std::vector<core::Rename>& renames);

}  // namespace migmerge::git
