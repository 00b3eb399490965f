#pragma once
// A merge's migrations folders, written from git beside the real one (same
// depth, so a migration's require('../models') still finds the project's
// file) for the commands that run them without a checkout: verify, sql.
#include <memory>
#include <string>
#include <vector>

#include "migmerge/app/workspace.hpp"
#include "migmerge/core/migration_set.hpp"
#include "migmerge/sys/temporary_directory.hpp"

namespace migmerge::app {

class MergeFolders {
  public:
    explicit MergeFolders(const Workspace& workspace);
    // `set`'s files written into a new folder, removed with this object.
    std::string write(const git::Repository& repository, const core::MigrationSet& set);

  private:
    std::string next_to_;
    std::vector<std::unique_ptr<sys::TemporaryDirectory>> dirs_;
};

}  // namespace migmerge::app
