#pragma once
// The migrations folder on disk, read the way sequelize-cli reads it
// (non-recursive, byte order), without git: a deployed container has no .git.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/migration_set.hpp"

namespace migmerge::run {

struct LocalMigration {
    std::string name;      // basename, as stored in SequelizeMeta
    std::string path;      // absolute
    std::string checksum;  // sha256 hex of the content

    friend bool operator==(const LocalMigration& a, const LocalMigration& b) {
        return a.name == b.name && a.path == b.path && a.checksum == b.checksum;
    }
};

struct LocalFolder {
    std::string dir;                         // absolute
    std::vector<LocalMigration> migrations;  // files sequelize-cli would run, byte order
    std::vector<std::string> other_files;    // everything else directly inside, but the ledger
    std::map<std::string, std::string> other_checksums;  // other file -> sha256 hex
    std::string ledger_text;

    const LocalMigration* find(const std::string& name) const;  // nullptr when absent
};

// Whether files are read and hashed. A repair only needs the names (and the
// ledger, which is always read); hashing 100,000 files would dominate it.
enum class FolderContents { with_checksums, names_only };

// Error(bad_input) when the folder does not exist; Error(resource) when it
// cannot be read. With names_only, every checksum is empty.
LocalFolder read_local_folder(const std::string& dir,
                              FolderContents contents = FolderContents::with_checksums);

// The folder as core sees one (content id = checksum), for core::analyze_folder.
core::MigrationSet to_migration_set(const LocalFolder& folder);

// Migration name -> checksum, for core::StatusInput::files.
std::map<std::string, std::string> migration_checksums(const LocalFolder& folder);

std::ostream& operator<<(std::ostream& out, const LocalMigration& migration);

}  // namespace migmerge::run
