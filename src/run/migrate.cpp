// run::migrate: repair, then the pending migrations in order, under the lock.
#include <set>

#include "execution.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/run/runner.hpp"
#include "migmerge/run/selection.hpp"
#include "run_clock.hpp"

namespace migmerge::run {
namespace {

std::set<std::string> migration_names(const LocalFolder& folder) {
    std::set<std::string> names;
    for (const LocalMigration& migration : folder.migrations) names.insert(migration.name);
    return names;
}

std::map<std::string, std::string> recorded_checksums(
    const std::map<std::string, db::AppliedRecord>& records) {
    std::map<std::string, std::string> checksums;
    for (const auto& [name, record] : records) checksums[name] = record.checksum;
    return checksums;
}

// A dry run neither creates the table nor applies the repair, so it plans
// against the rows the repair would leave.
std::vector<std::string> rows_to_plan_with(db::MetaStore& store, const core::RepairPlan& repair,
                                           bool dry_run) {
    if (!store.table_exists()) return {};
    return dry_run ? rows_after_repair(store.names(), repair) : store.names();
}

// Rows that predate migmerge get the checksum of the file as it is now, so
// that later edits to it show up as modified-after-apply.
void adopt_unrecorded_rows(db::MetaStore& store, const LocalFolder& folder,
                           const std::vector<std::string>& rows,
                           const std::map<std::string, db::AppliedRecord>& records) {
    for (const std::string& row : rows) {
        if (records.count(row)) continue;  // first: find() is a linear scan
        const LocalMigration* file = folder.find(row);
        if (!file) continue;
        store.record_applied(row, {file->checksum, utc_now_iso8601(), 0, host_name()});
    }
}

void append(std::vector<core::Finding>& to, const std::vector<core::Finding>& more) {
    to.insert(to.end(), more.begin(), more.end());
}

struct Plan {
    std::vector<std::string> rows;
    std::map<std::string, db::AppliedRecord> records;
    std::vector<LocalMigration> pending;
};

Plan plan_migrations(const RunContext& context, const MigrateOptions& options,
                     const LocalFolder& folder, db::MetaStore& store, RunReport& report) {
    const core::Ledger ledger =
        core::Ledger::parse(folder.ledger_text, folder.dir + "/" + core::ledger_file_name);
    if (!context.dry_run) store.ensure_table();
    report.repair = store
                        .repair(ledger, migration_names(folder), /*prune_orphans=*/false,
                                context.dry_run, context.version)
                        .plan;
    Plan plan{
        rows_to_plan_with(store, report.repair, context.dry_run), store.applied_records(), {}};
    const core::StatusReport status = core::compute_status(
        {migration_checksums(folder), plan.rows, recorded_checksums(plan.records), ledger});
    append(report.findings, out_of_order_findings(status, options.out_of_order));
    report.refused = core::has_errors(report.findings);
    plan.pending = pending_migrations(folder, plan.rows, options.to);
    for (const LocalMigration& migration : plan.pending) report.planned.push_back(migration.name);
    return plan;
}

}  // namespace

RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress) {
    const LocalFolder folder = read_local_folder(context.migrations_dir);
    RunReport report;
    // Judged before touching the database: a folder sequelize-cli would
    // mis-run (two files, one timestamp) is refused without side effects.
    report.findings = core::analyze_folder(to_migration_set(folder), utc_now());
    report.refused = core::has_errors(report.findings);
    if (report.refused) return report;
    db::AdvisoryLock lock(context.target, context.lock_timeout);
    db::MetaStore store(context.target);
    const Plan plan = plan_migrations(context, options, folder, store, report);
    if (report.refused || context.dry_run) return report;
    adopt_unrecorded_rows(store, folder, plan.rows, plan.records);
    if (plan.pending.empty()) return report;  // no node needed to do nothing
    Bridge bridge(context.node, context.project_dir, context.target);
    execute(Direction::up, plan.pending, bridge, store, progress, report);
    return report;
}

}  // namespace migmerge::run
