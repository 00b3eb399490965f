#pragma once
// migrate and undo: what a deployment runs instead of sequelize-cli, under the
// advisory lock, through the project's own sequelize (the Node bridge).
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/db_status.hpp"
#include "migmerge/core/finding.hpp"
#include "migmerge/core/migration_set.hpp"
#include "migmerge/core/repair_plan.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::run {

using core::OutOfOrderPolicy;
using core::UndoOptions;

struct RunContext {
    db::ConnectionTarget target;
    std::string project_dir;        // where `sequelize` is resolved from and migrations run
    std::string migrations_dir;     // absolute
    std::string migrations_folder;  // as messages name it: relative to the work tree
    // The command's one node process: it may already have evaluated the
    // project's .sequelizerc and config, and it runs the migrations.
    std::shared_ptr<NodeSession> node;
    std::chrono::seconds lock_timeout{300};
    bool dry_run = false;
    std::string version;  // migmerge's, for the audit table

    // The ledger's and the accepted changes' paths, in messages.
    std::string ledger_name() const;
    std::string accepted_name() const;
};

struct MigrationEvent {
    enum class Kind { started, finished, failed };
    Kind kind;
    std::string name;
    double seconds = 0;
    std::string error;  // for failed
};
using ProgressSink = std::function<void(const MigrationEvent&)>;

struct MigrateOptions {
    std::optional<std::string> to;  // run up to and including NAME
    OutOfOrderPolicy out_of_order = OutOfOrderPolicy::warn;
    // Each `up` and its SequelizeMeta row (and checksum) in one transaction;
    // false: as sequelize-cli, no transaction.
    bool transaction_each = false;
};

struct RunReport {
    core::RepairPlan repair;              // what the ledger changed first
    std::vector<core::Finding> findings;  // why it refused, or warnings
    std::vector<std::string> planned;     // what would run / be reverted, in order
    std::vector<std::string> done;        // what did
    std::optional<std::string> failed;    // the migration that failed
    std::string failure;                  // its error
    bool refused = false;                 // error-level findings stopped it before running
    std::vector<std::string> warnings;    // what it did without (a side table it may not use)
};

RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress);

RunReport undo(const RunContext& context, const UndoOptions& options, const ProgressSink& progress);

// The folder (or, from git, `files_at_ref`: run never reads git) against
// SequelizeMeta, with the folder's own findings.
core::StatusReport status(const RunContext& context,
                          const std::optional<core::MigrationSet>& files_at_ref);

// SequelizeMeta rewritten per the ledger in one transaction under the lock;
// with context.dry_run, only planned.
db::RepairReport repair(const RunContext& context, bool prune_orphans);

}  // namespace migmerge::run
