// The order check: databases deployed from each side, migrated after the
// merge as `migmerge migrate` would, against a fresh database.
#include <set>

#include "checks.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/verify.hpp"
#include "migmerge/run/local_folder.hpp"
#include "migmerge/sys/in_parallel.hpp"

namespace migmerge::run {
namespace {

std::string refusal(const RunReport& report) {
    for (const core::Finding& finding : report.findings) {
        if (finding.severity == core::Severity::error) return "migrate refuses: " + finding.message;
    }
    return "migrate refuses";
}

// `folder` migrated onto `database`; a finding when that fails.
std::optional<core::Finding> migrate_to(VerifyRun& run, ScratchDatabase& database,
                                        const std::string& folder, const std::string& history) {
    stop_if_terminated("before migrating a database " + history);
    const RunReport report =
        migrate(scratch_context(run, database, folder), {}, forwarded(run, "order: " + history));
    if (report.refused) return core::order_failure(history, "", refusal(report));
    if (!report.failed) return std::nullopt;
    return core::order_failure(history, *report.failed, report.failure);
}

core::MigrationSet names_of(const std::string& folder) {
    return to_migration_set(read_local_folder(folder, FolderContents::names_only));
}

std::vector<core::Finding> one_history(VerifyRun& run, ScratchDatabase& database,
                                       const DeployedHistory& history, const Replayed& replayed) {
    const std::string before = history.description;
    const std::string after = history.description + ", then migrated after the merge";
    for (const auto& [folder, label] :
         {std::pair{history.folder, before}, {run.request.folder, after}}) {
        if (auto failed = migrate_to(run, database, folder, label)) return {*failed};
    }
    const core::SchemaSnapshot deployed = database.snapshot();
    database.close();
    const core::MigrationSet result = to_migration_set(run.folder);
    const core::Ledger ledger = core::Ledger::parse(run.folder.ledger_text);
    const auto involved = core::reordered(
        core::deployed_run_order(names_of(history.folder), result, ledger), replayed.order);
    auto verdict =
        core::order_verdict(after, core::compare_snapshots(replayed.fresh, deployed), involved);
    if (!verdict) return {};
    return {*verdict};
}

}  // namespace

ProgressSink forwarded(VerifyRun& run, const std::string& check) {
    using Kind = VerifyEvent::Kind;
    return [&run, check](const MigrationEvent& event) {
        const Kind kind = event.kind == MigrationEvent::Kind::started    ? Kind::started
                          : event.kind == MigrationEvent::Kind::finished ? Kind::finished
                                                                         : Kind::failed;
        run.tell({kind, check, event.name, event.seconds, event.error});
    };
}

RunContext scratch_context(const VerifyRun& run, ScratchDatabase& database,
                           const std::string& folder) {
    RunContext context;
    context.target = database.target();
    context.project_dir = run.request.node ? run.request.node->project_dir() : std::string();
    context.migrations_dir = folder;
    context.migrations_folder = folder;
    context.node = database.node();
    context.lock_timeout = std::chrono::seconds(60);
    context.version = run.request.version;
    return context;
}

void deployed_orders(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* /*fresh*/,
                     const Replayed& replayed, CheckResult& result) {
    if (!replayed.complete) {
        result.skipped = true;
        result.skipped_because = "the merged migrations do not replay on an empty database";
        return;
    }
    const VerifyRequest& request = run.request;
    ScratchDatabase merge_base(server, "merge_base", request.project, request.node);
    if (auto failed =
            migrate_to(run, merge_base, *request.merge_base_folder, "at the merge base")) {
        result.findings.push_back(*failed);
        return;
    }
    // Both sides start from a copy of the merge base's database and run at once.
    std::vector<std::unique_ptr<ScratchDatabase>> deployed;
    for (std::size_t i = 0; i < request.histories.size(); ++i) {
        deployed.push_back(std::make_unique<ScratchDatabase>(
            server, request.histories[i].side, request.project,
            i == 0 ? request.node : request.new_node(), &merge_base));
        deployed.back()->node()->start();  // here: a child dies with the thread that forked it
    }
    std::vector<std::vector<core::Finding>> found(deployed.size());
    const auto history = [&](std::size_t i) {
        found[i] = one_history(run, *deployed[i], request.histories[i], replayed);
        return 0;
    };
    if (deployed.size() == 2) {
        sys::in_parallel([&] { return history(0); }, [&] { return history(1); });
    } else {
        for (std::size_t i = 0; i < deployed.size(); ++i) history(i);
    }
    for (auto& findings : found) {
        result.findings.insert(result.findings.end(), findings.begin(), findings.end());
    }
    result.proven = "databases deployed from either side end with a fresh database's schema";
}

}  // namespace migmerge::run
