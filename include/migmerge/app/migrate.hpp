#pragma once
// `migmerge migrate` and `migmerge undo`: what a deployment runs instead of
// sequelize-cli, through the project's own sequelize, under the lock.
#include <functional>

#include "migmerge/app/connection.hpp"
#include "migmerge/run/migrate.hpp"

namespace migmerge::app {

// Told before anything runs (which database, which folder), then of each
// migration as it starts and ends.
struct RunObserver {
    std::function<void(const run::RunContext&)> starting;
    run::ProgressSink progress;
};

struct RunResult {
    db::ConnectionTarget target;
    std::string migrations_folder;  // relative to the work tree, for annotations
    bool dry_run = false;
    run::RunReport report;
};

struct MigrateRequest {
    RunRequest run;
    run::MigrateOptions migrate;
};
// Repair from the ledger, then the pending migrations in order.
RunResult migrate(const WorkspaceRequest& where, const MigrateRequest& request,
                  const RunObserver& observer);

struct UndoRequest {
    RunRequest run;
    run::UndoOptions undo;  // the last one, --name, --all or --to
};
// Revert with sequelize-cli's semantics.
RunResult undo(const WorkspaceRequest& where, const UndoRequest& request,
               const RunObserver& observer);

}  // namespace migmerge::app
