#include "execution.hpp"

#include "migmerge/core/error.hpp"
#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"
#include "migmerge/sys/random_hex.hpp"
#include "migmerge/sys/termination.hpp"

namespace migmerge::run {
namespace {

// Long enough for a cancelled statement to unwind and node to answer; short
// enough to fit Kubernetes' default 30 s between SIGTERM and SIGKILL.
constexpr std::chrono::seconds cancel_patience{5};
constexpr std::chrono::seconds answer_grace{10};

void tell(const ProgressSink& progress, MigrationEvent event) {
    if (progress) progress(event);
}

db::AppliedRecord applied_record(const LocalMigration& migration, std::int64_t ms) {
    return {migration.checksum, sys::utc_now_iso8601(), ms, sys::host_name()};
}

StepOutcome run_step(Direction direction, const LocalMigration& migration, Execution& execution) {
    if (direction == Direction::down) return execution.bridge.down(migration);
    if (!execution.transaction_each) return execution.bridge.up(migration);
    return execution.bridge.up_in_transaction(
        migration,
        execution.store.record_run_statement(migration.name, applied_record(migration, 0)));
}

// After a step succeeded, unless its own transaction already recorded it.
void record(Direction direction, const LocalMigration& migration, const StepOutcome& outcome,
            db::MetaStore& store) {
    if (outcome.recorded) return;
    if (direction == Direction::down) {
        store.remove(migration.name);
        return;
    }
    store.record_run(migration.name, applied_record(migration, outcome.ms));
}

[[noreturn]] void stop(const std::string& what) {
    const int signal_number = sys::termination_signal();
    throw stopped_by_signal(signal_number,
                            std::string("stopped by ") + sys::signal_name(signal_number), what);
}

// SIGTERM or SIGINT mid-migration: cancel its statement, take node's answer
// (a migration that finished before the cancel took effect is recorded),
// make sure nothing of it still runs on the server, then stop.
[[noreturn]] void settle_interrupted(Direction direction, const LocalMigration& migration,
                                     Execution& execution, RunReport& report) {
    execution.store.stop_run(execution.application_name, cancel_patience);
    const StepOutcome outcome = execution.bridge.finish(migration, answer_grace);
    execution.store.stop_run(execution.application_name, cancel_patience);
    if (outcome.ok) {
        record(direction, migration, outcome, execution.store);
        report.done.push_back(migration.name);
        stop(migration.name + " had finished and is recorded; nothing more was run");
    }
    report.failed = migration.name;
    report.failure = outcome.error;
    stop(migration.name + " was cancelled and is not recorded (" + outcome.error + ")");
}

}  // namespace

void execute(Direction direction, const std::vector<LocalMigration>& migrations,
             Execution& execution, const ProgressSink& progress, RunReport& report) {
    using Kind = MigrationEvent::Kind;
    for (const LocalMigration& migration : migrations) {
        if (sys::termination_signal() != 0) stop("before " + migration.name + "; nothing was run");
        execution.lock.confirm_held();
        tell(progress, {Kind::started, migration.name, 0, {}});
        StepOutcome outcome = run_step(direction, migration, execution);
        if (outcome.interrupted) settle_interrupted(direction, migration, execution, report);
        const double seconds = static_cast<double>(outcome.ms) / 1000.0;
        if (!outcome.ok) {
            report.failed = migration.name;
            report.failure = outcome.error;
            tell(progress, {Kind::failed, migration.name, seconds, outcome.error});
            return;
        }
        record(direction, migration, outcome, execution.store);
        report.done.push_back(migration.name);
        tell(progress, {Kind::finished, migration.name, seconds, {}});
    }
}

std::string new_run_application_name(const db::ConnectionTarget& target) {
    return db::run_application_name(target, sys::random_hex(16));
}

}  // namespace migmerge::run
