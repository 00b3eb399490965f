#pragma once
// Blob contents and ids, shared by the readers of commits, the index and the work tree.
#include <string>

#include "handles.hpp"

namespace migmerge::git {

std::string read_blob(git_repository* repo, const git_oid& id, const std::string& path);

// The id git would give `path`'s content as a blob (a symlink: its target text).
std::string hash_file_as_blob(const std::string& path);

}  // namespace migmerge::git
