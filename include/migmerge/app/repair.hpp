#pragma once
// `migmerge repair`: SequelizeMeta rewritten per the rename ledger, in one
// transaction, under the lock, audited; with a dry run, only planned.
#include "migmerge/app/connection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/repair.hpp"

namespace migmerge::app {

struct RepairRequest {
    RunRequest run;
    bool prune_orphans = false;  // also delete rows whose migration file is gone
};

struct RepairResult {
    db::ConnectionTarget target;
    std::string migrations_folder;  // relative to the work tree, for annotations
    bool dry_run = false;
    db::RepairReport report;
};

RepairResult repair(const WorkspaceRequest& where, const RepairRequest& request);

}  // namespace migmerge::app
