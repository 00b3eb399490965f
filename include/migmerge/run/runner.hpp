#pragma once
// migrate and undo: what a deployment runs instead of sequelize-cli, under the
// advisory lock, through the project's own sequelize (the Node bridge).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/repair_plan.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::run {

enum class OutOfOrderPolicy { warn, error, allow };

struct RunContext {
    db::ConnectionTarget target;
    std::string project_dir;     // where `sequelize` is resolved from
    std::string migrations_dir;  // absolute
    std::string node = "node";
    std::chrono::seconds lock_timeout{300};
    bool dry_run = false;
    std::string version;  // migmerge's, for the audit table
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
};

struct RunReport {
    core::RepairPlan repair;              // what the ledger changed first
    std::vector<core::Finding> findings;  // why it refused, or warnings
    std::vector<std::string> planned;     // what would run / be reverted, in order
    std::vector<std::string> done;        // what did
    std::optional<std::string> failed;    // the migration that failed
    std::string failure;                  // its error
    bool refused = false;                 // error-level findings stopped it before running
};

RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress);

struct UndoOptions {
    enum class Mode { last, name, all, to };
    Mode mode = Mode::last;
    std::string name;  // for name and to
};

RunReport undo(const RunContext& context, const UndoOptions& options, const ProgressSink& progress);

}  // namespace migmerge::run
