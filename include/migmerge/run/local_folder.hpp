#pragma once
// The migrations folder on disk, read the way sequelize-cli reads it
// (non-recursive, byte order), without git: a deployed container has no .git.
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
    std::string dir;                          // absolute
    std::vector<LocalMigration> migrations;   // files sequelize-cli would run, byte order
    std::vector<std::string> other_files;     // everything else directly inside
    std::string ledger_text;
};

// Error(bad_input) when the folder does not exist.
LocalFolder read_local_folder(const std::string& dir);

}  // namespace migmerge::run
