// run::undo: sequelize-cli's db:migrate:undo[:all] semantics, under the lock.
#include "execution.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/run/migrate.hpp"
#include "migmerge/sys/termination.hpp"

namespace migmerge::run {

RunReport undo(const RunContext& context, const UndoOptions& options,
               const ProgressSink& progress) {
    sys::stop_on_termination_signals();
    const LocalFolder folder = read_local_folder(context.migrations_dir);
    db::AdvisoryLock lock(context.target, context.lock_timeout);
    db::MetaStore store(context.target);
    const std::string application_name = new_run_application_name(context.target);
    // A killed run's statement may still be running: stop it before reading.
    store.stop_earlier_runs(application_name, std::chrono::seconds(5));
    const std::vector<std::string> rows =
        store.table_exists() ? store.names_by_collation() : std::vector<std::string>{};
    // Every file is checked before the first `down`: stopping half-way on a
    // missing file would leave the database between two states.
    const std::vector<LocalMigration> targets =
        core::files_for(folder, core::undo_targets(rows, options));
    RunReport report;
    for (const LocalMigration& migration : targets) report.planned.push_back(migration.name);
    if (context.dry_run || targets.empty()) return report;
    report.warnings = store.prepare_to_record(/*removing=*/true).warnings;
    Bridge bridge(*context.node, context.target, application_name);
    Execution execution{bridge, store, lock, application_name};
    execute(Direction::down, targets, execution, progress, report);
    return report;
}

}  // namespace migmerge::run
