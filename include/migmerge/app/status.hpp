#pragma once
// `migmerge status [--ref REF]`: the migration files (the work tree's, or a
// commit's read from git) against SequelizeMeta.
#include <optional>
#include <string>

#include "migmerge/app/connection.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/run/status.hpp"

namespace migmerge::app {

struct StatusRequest {
    DbRequest db;
    std::optional<std::string> ref;  // read the files at REF instead of the work tree
};

struct StatusResult {
    db::ConnectionTarget target;
    std::string migrations_folder;  // relative to the work tree, for annotations
    core::StatusReport report;
};

StatusResult status(const WorkspaceRequest& where, const StatusRequest& request);

}  // namespace migmerge::app
