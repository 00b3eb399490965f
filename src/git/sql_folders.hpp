#pragma once
// Sequelize 7 SQL migrations (a folder holding up.sql and down.sql) as one
// entry of a core::MigrationSet, "NAME/" (core::sql_folder_suffix), whose
// content id names both files' blobs: a change to either is a change to it.
#include <map>
#include <string>

#include "migmerge/core/migration_set.hpp"

namespace migmerge::git {

class SqlFolders {
  public:
    // `path` relative to the migrations folder ("NAME/up.sql"); anything but
    // a direct up.sql or down.sql of a subfolder is ignored.
    void note(const std::string& path, const std::string& blob_id);
    // Adds every folder that has both files.
    void add_to(core::MigrationSet& set) const;

  private:
    struct Pair {
        std::string up, down;
    };
    std::map<std::string, Pair> folders_;
};

}  // namespace migmerge::git
