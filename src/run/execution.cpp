#include "execution.hpp"

#include <random>

#include <fmt/format.h>
#include "migmerge/core/error.hpp"
#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"
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

void record(Direction direction, const LocalMigration& migration, const StepOutcome& outcome,
            db::MetaStore& store) {
    if (direction == Direction::down) {
        store.remove(migration.name);
        return;
    }
    store.record_run(migration.name,
                     {migration.checksum, sys::utc_now_iso8601(), outcome.ms, sys::host_name()});
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
        StepOutcome outcome = direction == Direction::up ? execution.bridge.up(migration)
                                                         : execution.bridge.down(migration);
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

std::string new_run_application_name() {
    std::random_device random;
    const std::uint64_t id = (std::uint64_t{random()} << 32) | random();
    return db::run_application_name(fmt::format("{:016x}", id));
}

}  // namespace migmerge::run
