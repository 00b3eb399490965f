// run::verify: the scratch server, its databases, and the checks in the
// order their inputs need (replay and the per-migration walk's segments at
// once, then the deployed orders and the procedure, which copy replay's
// database).
#include "migmerge/run/verify.hpp"

#include <chrono>
#include <map>

#include "checks.hpp"
#include "migmerge/db/catalog.hpp"
#include "migmerge/run/local_folder.hpp"
#include "migmerge/sys/in_parallel.hpp"
#include "migmerge/sys/termination.hpp"
#include "scratch_server.hpp"

namespace migmerge::run {
namespace {

using core::VerifyCheck;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The embedded server when no --scratch-url is given.
struct Server {
    std::unique_ptr<ScratchServer> embedded;
    db::ConnectionTarget admin;
    std::string description;
};

Server scratch_server(const VerifyRequest& request) {
    Server server;
    if (request.scratch_server) {
        server.admin = *request.scratch_server;
        server.description = server.admin.display() + " (--scratch-url)";
        return server;
    }
    server.embedded = ScratchServer::start();
    server.admin = server.embedded->admin_target();
    server.description = "embedded PostgreSQL from " + server.embedded->bindir();
    return server;
}

// Every check's result, chosen or not: the first pass fills them all at once.
using Results = std::map<VerifyCheck, CheckResult>;

Results empty_results() {
    Results results;
    for (const CheckRow& row : check_table)
        results[row.check] = CheckResult{row.check, {}, {}, 0, false, {}};
    return results;
}

// Whether a chosen check's row says so.
bool any_chosen(const std::vector<VerifyCheck>& checks, bool CheckRow::*flag) {
    for (const CheckRow& row : check_table) {
        if (row.*flag && core::wants(checks, row.check)) return true;
    }
    return false;
}

// One segment of the walk: its migrations, its database, its results.
struct WalkSegment {
    WalkRange range;
    std::unique_ptr<ScratchDatabase> database;
    CheckResult reversible{VerifyCheck::reversible, {}, {}, 0, false, {}};
    CheckResult idempotent{VerifyCheck::idempotent, {}, {}, 0, false, {}};
};

// A database and node process per segment; the command's own process serves
// the first when replay does not need it.
std::vector<WalkSegment> walk_segments(VerifyRun& run, db::ScratchDatabases& server, bool replays) {
    const VerifyRequest& request = run.request;
    std::vector<WalkSegment> segments;
    for (const WalkRange& range : walk_ranges(request, run.folder.migrations.size())) {
        const bool first = segments.empty();
        const std::string label = first ? "walk" : "walk_" + std::to_string(segments.size() + 1);
        auto node = first && !replays ? request.node : request.new_node();
        segments.push_back(
            {range, std::make_unique<ScratchDatabase>(server, label, request.project, node)});
    }
    return segments;
}

// Every segment at once, then their results as the whole walk's.
void walk_all(VerifyRun& run, std::vector<WalkSegment>& segments, Results& results) {
    const bool reverse = core::wants(run.request.checks, VerifyCheck::reversible);
    const bool rerun = core::wants(run.request.checks, VerifyCheck::idempotent);
    sys::in_parallel_each(segments.size(), [&](std::size_t j) {
        WalkSegment& segment = segments[j];
        walk(run, *segment.database, segment.range, reverse, rerun, segment.reversible,
             segment.idempotent);
    });
    std::vector<CheckResult> reversible, idempotent;
    for (WalkSegment& segment : segments) {
        reversible.push_back(std::move(segment.reversible));
        idempotent.push_back(std::move(segment.idempotent));
    }
    results[VerifyCheck::reversible] = merged(std::move(reversible));
    results[VerifyCheck::idempotent] = merged(std::move(idempotent));
}

// replay on one node process and database, the walk's segments on others,
// all at once. `fresh`: replay's database, left for the procedure to copy.
Replayed first_pass(VerifyRun& run, db::ScratchDatabases& server,
                    std::unique_ptr<ScratchDatabase>& fresh, Results& results) {
    const VerifyRequest& request = run.request;
    const auto& checks = request.checks;
    std::vector<WalkSegment> segments;
    if (any_chosen(checks, &CheckRow::needs_fresh)) {
        fresh = std::make_unique<ScratchDatabase>(server, "fresh", request.project, request.node);
    }
    if (any_chosen(checks, &CheckRow::walks)) {
        segments = walk_segments(run, server, fresh != nullptr);
    }
    // Started here: a child dies with the thread that forked it.
    if (fresh) fresh->node()->start();
    for (WalkSegment& segment : segments) segment.database->node()->start();
    const auto timed_replay = [&] {
        const auto start = Clock::now();
        CheckResult& result = results[VerifyCheck::replay];
        Replayed replayed = fresh ? replay(run, *fresh, result) : Replayed{};
        result.seconds = seconds_since(start);
        return replayed;
    };
    const auto timed_walk = [&] {
        const auto start = Clock::now();
        if (!segments.empty()) walk_all(run, segments, results);
        const double seconds = seconds_since(start);
        results[VerifyCheck::reversible].seconds = results[VerifyCheck::idempotent].seconds =
            seconds;
        return 0;
    };
    return sys::in_parallel(timed_replay, timed_walk).first;
}

// The second pass's checks in the table's order, each timed on top of what
// the first pass took for it.
void second_pass(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* fresh,
                 const Replayed& replayed, Results& results) {
    for (const CheckRow& row : check_table) {
        if (row.pass != Pass::second || !core::wants(run.request.checks, row.check)) continue;
        CheckResult& result = results[row.check];
        const auto start = Clock::now();
        row.run(run, server, fresh, replayed, result);
        result.seconds += seconds_since(start);
    }
}

std::vector<CheckResult> chosen(const std::vector<VerifyCheck>& checks, Results& results) {
    std::vector<CheckResult> chosen_results;
    for (VerifyCheck check : checks) chosen_results.push_back(std::move(results[check]));
    return chosen_results;
}

}  // namespace

void VerifyRun::tell(const VerifyEvent& event) {
    if (!sink) return;
    std::lock_guard<std::mutex> lock(sink_mutex);
    sink(event);
}

VerifyReport verify(const VerifyRequest& request, const VerifySink& progress) {
    sys::stop_on_termination_signals();
    const auto start = Clock::now();
    VerifyRun run{request, read_local_folder(request.folder), progress, {}};
    Server server = scratch_server(request);
    VerifyReport report;
    report.server = server.description;
    report.migrations = run.folder.migrations.size();
    Results results = empty_results();
    {
        // Declared after the server, so its databases are dropped before it stops.
        db::ScratchDatabases databases(server.admin);
        databases.snapshot_options.cross_check = request.cross_check_snapshots;
        report.databases = std::string(db::scratch_database_prefix) + databases.run_id() + "_";
        std::unique_ptr<ScratchDatabase> fresh;
        const Replayed replayed = first_pass(run, databases, fresh, results);
        stop_if_terminated("after the first pass");
        second_pass(run, databases, fresh.get(), replayed, results);
    }
    report.checks = chosen(request.checks, results);
    report.seconds = seconds_since(start);
    return report;
}

}  // namespace migmerge::run
