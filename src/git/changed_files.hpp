#pragma once
// Which files directly inside a folder have changes git has not committed.
#include <string>
#include <vector>

#include "handles.hpp"

namespace migmerge::git {

enum class ChangeScope {
    staged_and_unstaged,  // index or work tree differs from HEAD
    unstaged,             // work tree differs from the index, or a conflict
};

// Basenames, sorted; untracked and ignored files are not changes.
std::vector<std::string> changed_files(git_repository* repo, const std::string& normalized_folder,
                                       ChangeScope scope);

}  // namespace migmerge::git
