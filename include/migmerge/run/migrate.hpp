#pragma once
// migrate and undo: what a deployment runs instead of sequelize-cli, under
// the advisory lock, through the project's own sequelize (the Node bridge).
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/repair_plan.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/run/run_context.hpp"

namespace migmerge::run {

using core::OutOfOrderPolicy;
using core::UndoOptions;

struct MigrateOptions {
    std::optional<std::string> to;  // run up to and including NAME
    OutOfOrderPolicy out_of_order = OutOfOrderPolicy::warn;
    // Each `up` and its SequelizeMeta row (and checksum) in one transaction;
    // false: as sequelize-cli, no transaction.
    bool transaction_each = false;
};

// What migrate and undo did.
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

// Repair from the ledger, then the pending migrations in order.
RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress);

// Reverts with sequelize-cli's semantics: the last one, a name, all, or down
// to a name.
RunReport undo(const RunContext& context, const UndoOptions& options, const ProgressSink& progress);

}  // namespace migmerge::run
