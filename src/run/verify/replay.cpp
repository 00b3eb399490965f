// replay, reversible and the idempotent re-run of each `up`: one pass over
// the migrations each, on a database of their own.
#include "checks.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/verify.hpp"
#include "migmerge/sys/termination.hpp"

namespace migmerge::run {
namespace {

using Kind = VerifyEvent::Kind;

// One step with its progress events; a signal mid-step stops the run (the
// scratch database is dropped, so nothing needs settling).
StepOutcome step(VerifyRun& run, const std::string& check, const LocalMigration& migration,
                 const std::function<StepOutcome()>& body) {
    stop_if_terminated("before " + migration.name);
    run.tell({Kind::started, check, migration.name, 0, {}});
    StepOutcome outcome = body();
    if (outcome.interrupted) stop_if_terminated("during " + migration.name);
    const double seconds = static_cast<double>(outcome.ms) / 1000.0;
    run.tell({outcome.ok ? Kind::finished : Kind::failed, check, migration.name, seconds,
              outcome.error});
    return outcome;
}

void add(CheckResult& result, std::optional<core::Finding> finding) {
    if (finding) result.findings.push_back(std::move(*finding));
}

// Its row removed, `up` again: it must succeed and change nothing.
core::SchemaSnapshot rerun(VerifyRun& run, ScratchDatabase& database,
                           const LocalMigration& migration, const core::SchemaSnapshot& after_up,
                           CheckResult& result) {
    database.remove_row(migration.name);
    const StepOutcome again =
        step(run, "idempotent", migration, [&] { return database.up(migration); });
    if (!again.ok) {
        database.insert_row(migration.name);
        result.findings.push_back(core::not_idempotent(migration.name, "fails: " + again.error));
        return database.snapshot();
    }
    core::SchemaSnapshot after_again = database.snapshot();
    const auto differences = core::compare_snapshots(after_up, after_again);
    if (!differences.empty()) {
        result.findings.push_back(core::not_idempotent(
            migration.name, "changes: " + core::list_differences(differences, "added", "removed")));
    }
    return after_again;
}

// down, then up again. False when the walk cannot go on (up fails after down).
bool reverse(VerifyRun& run, ScratchDatabase& database, const LocalMigration& migration,
             const core::SchemaSnapshot& before, core::SchemaSnapshot& after_up,
             CheckResult& result) {
    const StepOutcome down =
        step(run, "reversible", migration, [&] { return database.down(migration); });
    core::SchemaSnapshot after_down = database.snapshot();
    if (!down.ok) {
        // A down that throws before touching anything is irreversible on
        // purpose; one that changed part of the schema first is broken.
        const auto changed = core::compare_snapshots(after_up, after_down);
        if (changed.empty()) {
            result.findings.push_back(core::irreversible_down(migration.name, down.error));
        } else {
            core::Finding partial = *core::down_leftovers(migration.name, changed);
            partial.message = "down fails after changing part of the schema (" + down.error +
                              "): " + core::list_differences(changed, "added", "removed");
            result.findings.push_back(std::move(partial));
        }
        after_up = std::move(after_down);
        return true;
    }
    add(result, core::down_leftovers(migration.name, core::compare_snapshots(before, after_down)));
    const StepOutcome again = database.up(migration);
    if (!again.ok) {
        result.findings.push_back(core::make_finding(core::FindingCode::up_not_repeatable,
                                                     core::Severity::error, {migration.name}));
        result.findings.back().message = "up fails after down: " + again.error;
        return false;
    }
    core::SchemaSnapshot after_again = database.snapshot();
    add(result,
        core::up_again_differs(migration.name, core::compare_snapshots(after_up, after_again)));
    after_up = std::move(after_again);
    return true;
}

void skip_walk(const LocalMigration& migration, CheckResult& reversible, CheckResult& idempotent) {
    const std::string why = migration.name + "'s up fails (replay says where)";
    reversible.skipped_because = idempotent.skipped_because = why;
}

// The ups before a segment, without snapshots or events: its database as
// replay leaves it there, whatever the segment before finds (a broken down
// there does not carry over). False (the walk skipped) when one fails.
bool catch_up(VerifyRun& run, ScratchDatabase& database, std::size_t end, CheckResult& reversible,
              CheckResult& idempotent) {
    for (std::size_t i = 0; i < end; ++i) {
        const LocalMigration& migration = run.folder.migrations[i];
        stop_if_terminated("before " + migration.name);
        const StepOutcome up = database.up(migration);
        if (up.interrupted) stop_if_terminated("during " + migration.name);
        if (!up.ok) {
            skip_walk(migration, reversible, idempotent);
            return false;
        }
    }
    return true;
}

}  // namespace

void stop_if_terminated(const std::string& where) {
    const int signal_number = sys::termination_signal();
    if (signal_number == 0) return;
    throw stopped_by_signal(signal_number,
                            std::string("verify stopped by ") + sys::signal_name(signal_number),
                            where + "; every scratch database is removed");
}

Replayed replay(VerifyRun& run, ScratchDatabase& database, CheckResult& result) {
    Replayed replayed;
    replayed.empty = database.snapshot();
    const auto& migrations = run.folder.migrations;
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (i + 1 == migrations.size()) replayed.before_last = database.snapshot();
        const StepOutcome outcome =
            step(run, "replay", migrations[i], [&] { return database.up(migrations[i]); });
        if (!outcome.ok) {
            result.findings.push_back(core::replay_failure(migrations[i].name, outcome.error));
            database.close();
            return replayed;
        }
        replayed.order.push_back(migrations[i].name);
    }
    replayed.fresh = database.snapshot();
    replayed.complete = true;
    database.close();
    result.proven = "every up runs in order on an empty database";
    return replayed;
}

void walk(VerifyRun& run, ScratchDatabase& database, WalkRange range, bool reverse_each,
          bool rerun_each, CheckResult& reversible, CheckResult& idempotent) {
    if (!catch_up(run, database, range.begin, reversible, idempotent)) return;
    core::SchemaSnapshot before = database.snapshot();
    const std::string check = reverse_each ? "reversible" : "idempotent";
    for (std::size_t i = range.begin; i < range.end; ++i) {
        const LocalMigration& migration = run.folder.migrations[i];
        const StepOutcome up = step(run, check, migration, [&] { return database.up(migration); });
        if (!up.ok) {
            skip_walk(migration, reversible, idempotent);
            return;
        }
        core::SchemaSnapshot after_up = database.snapshot();
        if (rerun_each) after_up = rerun(run, database, migration, after_up, idempotent);
        if (reverse_each && !reverse(run, database, migration, before, after_up, reversible))
            return;
        before = std::move(after_up);
    }
    reversible.proven = "each down undoes its up, and up after down gives the same schema";
    idempotent.proven = "each up, run again, succeeds and changes nothing";
}

}  // namespace migmerge::run
