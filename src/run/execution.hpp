#pragma once
// Runs a list of migrations one way through the bridge, keeping
// SequelizeMeta in step after each (sequelize-cli's order: insert after `up`
// succeeded, delete after `down`), reporting progress, stopping at the first
// failure. Before each migration the lock must still be held; on SIGTERM or
// SIGINT the running statement is cancelled on the server and waited for,
// then the run stops (Error with exit code 128+signal).
#include <string>
#include <vector>

#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/bridge.hpp"
#include "migmerge/run/migrate.hpp"

namespace migmerge::run {

enum class Direction { up, down };

// What executing needs, all owned by the caller.
struct Execution {
    Bridge& bridge;
    db::MetaStore& store;
    db::AdvisoryLock& lock;
    std::string application_name;   // the bridge's, to find its statements
    bool transaction_each = false;  // each `up` and its row in one transaction
};

void execute(Direction direction, const std::vector<LocalMigration>& migrations,
             Execution& execution, const ProgressSink& progress, RunReport& report);

// A fresh name for this run's bridge (db::run_application_name, with 16
// random hex digits).
std::string new_run_application_name(const db::ConnectionTarget& target);

}  // namespace migmerge::run
