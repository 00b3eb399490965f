#pragma once
// The migrations folder on disk, read the way sequelize-cli reads it
// (non-recursive, byte order), without git: a deployed container has no .git.
#include <string>

#include "migmerge/core/local_folder.hpp"

namespace migmerge::run {

using core::LocalFolder;
using core::LocalMigration;

// Whether files are read and hashed. A repair only needs the names (and the
// ledger, which is always read); hashing 100,000 files would dominate it.
enum class FolderContents { with_checksums, names_only };

// Error(bad_input) when the folder does not exist, or when its ledger is
// malformed or unsafe (core::read_ledger: an entry that would run a migration
// twice), naming the ledger by its absolute path; Error(resource) when it
// cannot be read. With names_only, every checksum is empty.
LocalFolder read_local_folder(const std::string& dir,
                              FolderContents contents = FolderContents::with_checksums);

}  // namespace migmerge::run
