#include "execution.hpp"

#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/identity.hpp"

namespace migmerge::run {
namespace {

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

}  // namespace

void execute(Direction direction, const std::vector<LocalMigration>& migrations, Bridge& bridge,
             db::MetaStore& store, const ProgressSink& progress, RunReport& report) {
    using Kind = MigrationEvent::Kind;
    for (const LocalMigration& migration : migrations) {
        tell(progress, {Kind::started, migration.name, 0, {}});
        StepOutcome outcome =
            direction == Direction::up ? bridge.up(migration) : bridge.down(migration);
        const double seconds = static_cast<double>(outcome.ms) / 1000.0;
        if (!outcome.ok) {
            report.failed = migration.name;
            report.failure = outcome.error;
            tell(progress, {Kind::failed, migration.name, seconds, outcome.error});
            return;
        }
        record(direction, migration, outcome, store);
        report.done.push_back(migration.name);
        tell(progress, {Kind::finished, migration.name, seconds, {}});
    }
}

}  // namespace migmerge::run
