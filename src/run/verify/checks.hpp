#pragma once
// The checks of `migmerge verify`, each on scratch databases the caller made
// (ScratchDatabases is one connection: databases are made on one thread,
// the checks may then run on two).
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "migmerge/core/local_folder.hpp"
#include "migmerge/core/schema_snapshot.hpp"
#include "migmerge/run/migrate.hpp"
#include "migmerge/run/verify.hpp"
#include "scratch_database.hpp"

namespace migmerge::run {

// What every check shares; `tell` may be called from any thread.
struct VerifyRun {
    const VerifyRequest& request;
    core::LocalFolder folder;  // the migrations verified
    VerifySink sink;
    std::mutex sink_mutex;

    void tell(const VerifyEvent& event);
};

// The fresh database's story: what replay leaves for the checks after it.
struct Replayed {
    core::SchemaSnapshot empty;        // before any migration (SequelizeMeta only)
    core::SchemaSnapshot before_last;  // before the last migration
    core::SchemaSnapshot fresh;        // after all of them
    std::vector<std::string> order;    // what ran, in order
    bool complete = false;             // every up succeeded
};

// run::migrate's and run::undo's progress, told as events of `check`.
ProgressSink forwarded(VerifyRun& run, const std::string& check);

// Stops with stopped_by_signal once SIGINT or SIGTERM arrived.
void stop_if_terminated(const std::string& where);

// Every `up` in order on an empty database; the database is closed after.
Replayed replay(VerifyRun& run, ScratchDatabase& database, CheckResult& result);

// Migrations [begin, end) of the folder: what one segment of the walk covers.
struct WalkRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The walk's segments, in order: [0, migrations) alone, or split so that
// several cores walk at once (request.walk_segments, or one per core when
// every segment gets at least min_walk_segment migrations), each with about
// the same work: later migrations snapshot more schema, and a later segment
// first catches up with plain ups.
constexpr std::size_t min_walk_segment = 16;
std::vector<WalkRange> walk_ranges(const VerifyRequest& request, std::size_t migrations);

// The segments' results of one check as the whole walk's: findings in
// segment order, proven only when every segment proved, the first skip.
CheckResult merged(std::vector<CheckResult> segments);

// Per migration of `range`: up; with `rerun`, its row removed and up again
// (nothing may change); with `reverse`, down (the schema as before) and up
// again (as after the first). A range not starting at 0 first runs the ups
// before it, silently. Results for reversible and idempotent.
void walk(VerifyRun& run, ScratchDatabase& database, WalkRange range, bool reverse, bool rerun,
          CheckResult& reversible, CheckResult& idempotent);

// The merge's deployed histories against a fresh database: a database
// migrated to the merge base, copied for each of request.histories, each
// copy migrated to its side, then after the merge. Skipped when replay did
// not complete.
void deployed_orders(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* fresh,
                     const Replayed& replayed, CheckResult& result);

// The documented procedure on a copy of the fresh database: undo all,
// migrate, migrate again (nothing runs), undo the last by name, migrate
// (only it runs), with the schema compared at each step. Adds to the walk's
// idempotent result; nothing when replay did not complete.
void procedure(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* fresh,
               const Replayed& replayed, CheckResult& result);

// A RunContext for run::migrate / run::undo on a scratch database.
RunContext scratch_context(const VerifyRun& run, ScratchDatabase& database,
                           const std::string& folder);

// When a check runs: in the first pass, alongside replay (replay itself and
// the per-migration walk), or in the second, after it, on what replay left.
enum class Pass { first, second };

// A second-pass check: `fresh` is replay's database (closed, to be copied).
using SecondPassCheck = void (*)(VerifyRun& run, db::ScratchDatabases& server,
                                 ScratchDatabase* fresh, const Replayed& replayed,
                                 CheckResult& result);

// One row per check, in the order the second pass runs them: adding a check
// is a row here and the file with its function (docs/ARCHITECTURE.md).
struct CheckRow {
    core::VerifyCheck check;
    bool needs_fresh;     // replay runs for it: it needs replay's fresh database
    bool walks;           // (part of) its result comes from the per-migration walk
    Pass pass;            // second: `run` goes after replay
    SecondPassCheck run;  // nullptr: its result is the first pass's alone
};

inline constexpr CheckRow check_table[] = {
    {core::VerifyCheck::replay, true, false, Pass::first, nullptr},
    {core::VerifyCheck::reversible, false, true, Pass::first, nullptr},
    {core::VerifyCheck::order, true, false, Pass::second, deployed_orders},
    {core::VerifyCheck::idempotent, true, true, Pass::second, procedure},
};

}  // namespace migmerge::run
