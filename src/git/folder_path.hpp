#pragma once
// Migration folders are given relative to the repository root, the way users
// write them ("migrations", "./db/migrations/"); git paths never carry "./"
// or a trailing slash.
#include <string>

namespace migmerge::git {

// "" for the repository root, else "a/b". Error(bad_input) for absolute paths
// or ones that climb out with "..".
std::string normalize_folder(const std::string& folder);

// "folder/name", or "name" at the root.
std::string path_in_folder(const std::string& normalized_folder, const std::string& name);

}  // namespace migmerge::git
