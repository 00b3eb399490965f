#pragma once
// Blob contents and ids, shared by the readers of commits, the index and the work tree.
#include <string>

#include "handles.hpp"

namespace migmerge::git {

std::string read_blob(git_repository* repo, const git_oid& id, const std::string& path);

// The id `git add` would give the file at `absolute_path`: its content after
// git's clean filters for `repo_path` (line endings), or a symlink's target text.
std::string hash_file_as_blob(git_repository* repo, const std::string& absolute_path,
                              const std::string& repo_path);

}  // namespace migmerge::git
