// run::verify: the scratch server, its databases, and the checks in the
// order their inputs need (replay and the per-migration walk's segments at
// once, then the deployed orders and the procedure, which copy replay's
// database).
#include "migmerge/run/verify.hpp"

#include <chrono>

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

struct Results {
    CheckResult replay{VerifyCheck::replay, {}, {}, 0, false, {}};
    CheckResult reversible{VerifyCheck::reversible, {}, {}, 0, false, {}};
    CheckResult order{VerifyCheck::order, {}, {}, 0, false, {}};
    CheckResult idempotent{VerifyCheck::idempotent, {}, {}, 0, false, {}};
};

bool needs_fresh(const std::vector<VerifyCheck>& checks) {
    return core::wants(checks, VerifyCheck::replay) || core::wants(checks, VerifyCheck::order) ||
           core::wants(checks, VerifyCheck::idempotent);
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
    results.reversible = merged(std::move(reversible));
    results.idempotent = merged(std::move(idempotent));
}

// replay on one node process and database, the walk's segments on others,
// all at once. `fresh`: replay's database, left for the procedure to copy.
Replayed first_pass(VerifyRun& run, db::ScratchDatabases& server,
                    std::unique_ptr<ScratchDatabase>& fresh, Results& results) {
    const VerifyRequest& request = run.request;
    const auto& checks = request.checks;
    std::vector<WalkSegment> segments;
    if (needs_fresh(checks)) {
        fresh = std::make_unique<ScratchDatabase>(server, "fresh", request.project, request.node);
    }
    if (core::wants(checks, VerifyCheck::reversible) ||
        core::wants(checks, VerifyCheck::idempotent)) {
        segments = walk_segments(run, server, fresh != nullptr);
    }
    // Started here: a child dies with the thread that forked it.
    if (fresh) fresh->node()->start();
    for (WalkSegment& segment : segments) segment.database->node()->start();
    const auto timed_replay = [&] {
        const auto start = Clock::now();
        Replayed replayed = fresh ? replay(run, *fresh, results.replay) : Replayed{};
        results.replay.seconds = seconds_since(start);
        return replayed;
    };
    const auto timed_walk = [&] {
        const auto start = Clock::now();
        if (!segments.empty()) walk_all(run, segments, results);
        results.reversible.seconds = results.idempotent.seconds = seconds_since(start);
        return 0;
    };
    return sys::in_parallel(timed_replay, timed_walk).first;
}

void skip(CheckResult& result, const std::string& because) {
    result.skipped = true;
    result.skipped_because = because;
}

void second_pass(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* fresh,
                 const Replayed& replayed, Results& results) {
    const VerifyRequest& request = run.request;
    if (core::wants(request.checks, VerifyCheck::order)) {
        const auto start = Clock::now();
        if (!replayed.complete) {
            skip(results.order, "the merged migrations do not replay on an empty database");
        } else {
            deployed_orders(run, server, replayed, results.order);
        }
        results.order.seconds = seconds_since(start);
    }
    if (core::wants(request.checks, VerifyCheck::idempotent) && replayed.complete) {
        const auto start = Clock::now();
        ScratchDatabase copy(server, "procedure", request.project, request.node, fresh);
        procedure(run, copy, replayed, results.idempotent);
        results.idempotent.seconds += seconds_since(start);
    }
}

std::vector<CheckResult> chosen(const std::vector<VerifyCheck>& checks, Results& results) {
    std::vector<CheckResult> chosen_results;
    for (VerifyCheck check : checks) {
        switch (check) {
            case VerifyCheck::replay:
                chosen_results.push_back(std::move(results.replay));
                break;
            case VerifyCheck::reversible:
                chosen_results.push_back(std::move(results.reversible));
                break;
            case VerifyCheck::order:
                chosen_results.push_back(std::move(results.order));
                break;
            case VerifyCheck::idempotent:
                chosen_results.push_back(std::move(results.idempotent));
                break;
        }
    }
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
    Results results;
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
