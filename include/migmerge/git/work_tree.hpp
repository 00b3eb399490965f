#pragma once
// Finding the work tree root around a directory as git does (a `.git`
// folder or file here or in a parent) without starting libgit2: status,
// repair, migrate and undo never read git and should not pay its start-up
// (Debian's libgit2 parses the system's whole CA bundle in git_libgit2_init).
#include <optional>
#include <string>

#include "migmerge/git/repository.hpp"

namespace migmerge::git {

// nullopt outside any work tree.
std::optional<std::string> find_work_tree_root(const std::string& start_dir);

// The root of an opened repository's work tree, without trailing '/';
// nullopt when bare.
std::optional<std::string> work_tree_root(const Repository& repository);

}  // namespace migmerge::git
