// run::migrate: repair, then the pending migrations in order, under the lock.
#include <optional>

#include "execution.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/run/migrate.hpp"
#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"
#include "migmerge/sys/in_parallel.hpp"
#include "migmerge/sys/termination.hpp"

namespace migmerge::run {
namespace {

// How long an earlier run's statement is given to end once cancelled,
// before it is terminated.
constexpr std::chrono::seconds kill_patience{5};

std::vector<std::string> migration_names(const LocalFolder& folder) {
    std::vector<std::string> names;
    names.reserve(folder.migrations.size());
    for (const LocalMigration& migration : folder.migrations) names.push_back(migration.name);
    return names;
}

std::map<std::string, std::string> recorded_checksums(
    const std::map<std::string, db::AppliedRecord>& records) {
    std::map<std::string, std::string> checksums;
    for (const auto& [name, record] : records) checksums[name] = record.checksum;
    return checksums;
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
        store.record_applied(row, {file->checksum, sys::utc_now_iso8601(), 0, sys::host_name()});
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
                     const LocalFolder& folder, const core::Ledger& ledger, db::MetaStore& store,
                     RunReport& report) {
    if (!context.dry_run) store.ensure_table();
    db::RepairReport repaired =
        store.repair(ledger, migration_names(folder),
                     /*prune_orphans=*/false, context.dry_run, context.version);
    report.repair = std::move(repaired.plan);
    report.warnings = std::move(repaired.warnings);
    db::MetaSnapshot snapshot = store.snapshot();
    // A dry run neither creates the table nor applies the repair, so it plans
    // against the rows the repair would leave.
    Plan plan{context.dry_run ? core::rows_after_repair(snapshot.names, report.repair)
                              : std::move(snapshot.names),
              std::move(snapshot.records),
              {}};
    const core::StatusReport status = core::compute_status(
        {migration_checksums(folder), plan.rows, recorded_checksums(plan.records), ledger});
    append(report.findings, core::out_of_order_findings(status, options.out_of_order));
    report.refused = core::has_errors(report.findings);
    plan.pending = core::pending_migrations(folder, plan.rows, options.to);
    for (const LocalMigration& migration : plan.pending) report.planned.push_back(migration.name);
    return plan;
}

// migrate's question of SequelizeMeta, from one snapshot.
core::MetaRows meta_rows(const db::MetaSnapshot& snapshot) {
    core::MetaRows rows{snapshot.table_exists, snapshot.names, {}};
    rows.recorded.reserve(snapshot.records.size());
    for (const auto& [name, record] : snapshot.records) rows.recorded.push_back(name);
    return rows;  // a std::map's keys come in byte order
}

// The first read, made while the folder is read. A failure is held back: a
// folder that is refused is reported as such, with or without a database.
struct FirstRead {
    std::optional<db::MetaSnapshot> snapshot;
    std::optional<Error> failure;

    const db::MetaSnapshot& rows() const {
        if (failure) throw *failure;
        return *snapshot;
    }
};

FirstRead read_first(const db::ConnectionTarget& target) {
    try {
        return {db::MetaStore(target).snapshot(), std::nullopt};
    } catch (const Error& error) {
        return {std::nullopt, error};
    }
}

// The store's connection is made only once the lock is ours: a runner that
// held one connection while it waited for another could, with a few other
// runners and a session-mode pooler's few server slots, wait forever.
// nullopt: another runner did all there was to do while this one waited.
std::optional<db::MetaStore> lock_then_connect(db::AdvisoryLock& lock, const RunContext& context,
                                               const MigrateOptions& options,
                                               const LocalFolder& folder,
                                               const core::Ledger& ledger) {
    if (lock.try_acquire()) return db::MetaStore(context.target);
    // In a rollout every pod but one finds, while it waits, that another ran
    // everything: given SequelizeMeta's rows, nothing to repair or run.
    const auto wanted = [&](const std::vector<std::string>& rows) {
        return core::work_remains(folder, ledger, rows, options.to);
    };
    if (!lock.acquire_while_wanted(context.lock_timeout, wanted)) return std::nullopt;
    return db::MetaStore(context.target);
}

}  // namespace

RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress) {
    sys::stop_on_termination_signals();
    // The files are read and hashed while the rows are read (no lock, no writes).
    auto [folder, first] =
        sys::in_parallel([&] { return read_local_folder(context.migrations_dir); },
                         [&] { return read_first(context.target); });
    RunReport report;
    // Judged before touching the database: a folder sequelize-cli would
    // mis-run (two files, one timestamp) is refused without side effects.
    report.findings =
        core::folder_problems(to_migration_set(folder), sys::utc_now(), context.accepted_name());
    // Only what is pending can be a reason to refuse: the rows tell old
    // problems from new ones.
    if (core::has_errors(report.findings) && !first.failure) {
        report.findings = core::run_blockers(std::move(report.findings), first.snapshot->names);
    }
    report.refused = core::has_errors(report.findings);
    if (report.refused) return report;
    const core::Ledger ledger = core::Ledger::parse(folder.ledger_text, context.ledger_name());
    if (!core::migrate_has_work(folder, ledger, meta_rows(first.rows()), options.to)) return report;
    // Something to do: now the lock, and a read inside it.
    db::AdvisoryLock lock(context.target);
    std::optional<db::MetaStore> connected =
        lock_then_connect(lock, context, options, folder, ledger);
    if (!connected) return report;  // nothing left to do
    db::MetaStore& store = *connected;
    const RunReport judged = report;
    Plan plan = plan_migrations(context, options, folder, ledger, store, report);
    if (report.refused || context.dry_run) return report;
    const std::string application_name = new_run_application_name(context.target);
    // A killed run's statement may still be running (the server finishes it
    // unless told otherwise): stop it, then read what it left recorded.
    if (!plan.pending.empty() && store.stop_earlier_runs(application_name, kill_patience) > 0) {
        report = judged;
        plan = plan_migrations(context, options, folder, ledger, store, report);
    }
    adopt_unrecorded_rows(store, folder, plan.rows, plan.records);
    if (plan.pending.empty()) return report;  // no node needed to do nothing
    // Everything recording needs is checked before the first body runs.
    const db::SideTables& side = store.prepare_to_record(/*removing=*/false);
    if (report.warnings.empty()) report.warnings = side.warnings;
    Bridge bridge(*context.node, context.target, application_name);
    Execution execution{bridge, store, lock, application_name, options.transaction_each};
    execute(Direction::up, plan.pending, execution, progress, report);
    return report;
}

}  // namespace migmerge::run
