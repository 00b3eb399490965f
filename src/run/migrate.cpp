// run::migrate: repair, then the pending migrations in order, under the lock.
#include <optional>

#include "execution.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/db_status.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/run/runner.hpp"
#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"
#include "migmerge/sys/in_parallel.hpp"

namespace migmerge::run {
namespace {

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
                     const LocalFolder& folder, db::MetaStore& store, RunReport& report) {
    const core::Ledger ledger = core::Ledger::parse(folder.ledger_text, context.ledger_name());
    if (!context.dry_run) store.ensure_table();
    report.repair = store
                        .repair(ledger, migration_names(folder), /*prune_orphans=*/false,
                                context.dry_run, context.version)
                        .plan;
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

// The two connections, made before the folder is judged; the lock is taken
// only after. A failure is held back: a folder that is refused is reported as
// such, with or without a database.
struct EarlyConnections {
    std::optional<db::AdvisoryLock> lock;  // declared first: released last
    std::optional<db::MetaStore> store;
    std::optional<Error> failure;

    void check() const {
        if (failure) throw *failure;
    }
};

EarlyConnections connect_early(const db::ConnectionTarget& target) {
    EarlyConnections connections;
    try {
        connections.lock.emplace(target);
        connections.store.emplace(target);
    } catch (const Error& error) {
        connections.failure = error;
    }
    return connections;
}

}  // namespace

RunReport migrate(const RunContext& context, const MigrateOptions& options,
                  const ProgressSink& progress) {
    // The files are read and hashed while the connection is made.
    auto [folder, connections] =
        sys::in_parallel([&] { return read_local_folder(context.migrations_dir); },
                         [&] { return connect_early(context.target); });
    RunReport report;
    // Judged before touching the database: a folder sequelize-cli would
    // mis-run (two files, one timestamp) is refused without side effects.
    report.findings = core::analyze_folder(to_migration_set(folder), sys::utc_now());
    // Only what is pending can be a reason to refuse: with errors, the rows
    // are read (no lock, no writes) to tell old problems from new ones.
    if (core::has_errors(report.findings) && !connections.failure) {
        report.findings =
            core::run_blockers(std::move(report.findings), connections.store->snapshot().names);
    }
    report.refused = core::has_errors(report.findings);
    if (report.refused) return report;
    connections.check();
    connections.lock->acquire(context.lock_timeout);
    db::MetaStore& store = *connections.store;
    const Plan plan = plan_migrations(context, options, folder, store, report);
    if (report.refused || context.dry_run) return report;
    adopt_unrecorded_rows(store, folder, plan.rows, plan.records);
    if (plan.pending.empty()) return report;  // no node needed to do nothing
    Bridge bridge(*context.node, context.target);
    execute(Direction::up, plan.pending, bridge, store, progress, report);
    return report;
}

}  // namespace migmerge::run
