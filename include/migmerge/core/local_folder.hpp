#pragma once
// The migrations folder as sequelize-cli sees it (non-recursive, byte order):
// plain values, read from disk by run::read_local_folder.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/migration_set.hpp"

namespace migmerge::core {

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
                                             // and the accepted changes
    std::map<std::string, std::string> other_checksums;  // other file -> sha256 hex
    std::string ledger_text;
    std::string accepted_text;  // .migmerge-accepted
    // Symbolic links directly inside whose target is missing: name -> target.
    std::map<std::string, std::string> dangling_links;

    const LocalMigration* find(const std::string& name) const;  // nullptr when absent
};

// The folder as core sees one (content id = checksum), for core::analyze_folder.
core::MigrationSet to_migration_set(const LocalFolder& folder);

// Migration name -> checksum, for core::StatusInput::files.
std::map<std::string, std::string> migration_checksums(const LocalFolder& folder);

std::ostream& operator<<(std::ostream& out, const LocalMigration& migration);

}  // namespace migmerge::core
