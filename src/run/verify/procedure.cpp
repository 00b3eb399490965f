// The idempotence procedure the DevOpser Lite project documents, run with
// migmerge's own migrate and undo on a copy of the fresh database: undo all,
// migrate, migrate again, undo the last by name, migrate.
#include "checks.hpp"
#include "migmerge/core/verify.hpp"

namespace migmerge::run {
namespace {

struct Procedure {
    VerifyRun& run;
    ScratchDatabase& database;
    CheckResult& result;
    std::string last;

    RunContext context() { return scratch_context(run, database, run.request.folder); }

    ProgressSink progress(const std::string& step) { return forwarded(run, "idempotent: " + step); }

    // False (with a finding) when the step failed or the schema is not `expected`.
    bool judge(const std::string& step, const RunReport& report,
               const core::SchemaSnapshot& expected) {
        if (report.refused || report.failed) {
            fail(step + " fails" +
                 (report.failed ? " at " + *report.failed + ": " + report.failure
                                : std::string(": migrate refuses")));
            return false;
        }
        const auto differences = core::compare_snapshots(expected, database.snapshot());
        database.close();
        if (differences.empty()) return true;
        fail(step + " leaves another schema than expected: " +
             core::list_differences(differences, "extra", "missing"));
        return false;
    }

    bool ran_only(const std::string& step, const RunReport& report,
                  const std::vector<std::string>& expected) {
        if (report.done == expected) return true;
        std::string ran;
        for (const std::string& name : report.done) ran += (ran.empty() ? "" : ", ") + name;
        fail(step + " ran " + (ran.empty() ? "nothing" : ran) + ", expected " +
             (expected.empty() ? "nothing" : expected.front()));
        return false;
    }

    void fail(const std::string& what) {
        core::Finding finding =
            core::make_finding(core::FindingCode::not_idempotent, core::Severity::error, {last});
        finding.message =
            "the procedure undo all, migrate, migrate, undo " + last + ", migrate: " + what;
        result.findings.push_back(std::move(finding));
    }
};

}  // namespace

void procedure(VerifyRun& run, db::ScratchDatabases& server, ScratchDatabase* fresh,
               const Replayed& replayed, CheckResult& result) {
    if (!replayed.complete) return;
    const VerifyRequest& request = run.request;
    ScratchDatabase copy(server, "procedure", request.project, request.node, fresh);
    if (replayed.order.empty()) return;
    Procedure steps{run, copy, result, replayed.order.back()};
    using Mode = core::UndoOptions::Mode;
    stop_if_terminated("before undo all");
    RunReport report = undo(steps.context(), {Mode::all, {}}, steps.progress("undo all"));
    if (!steps.judge("undo all", report, replayed.empty)) return;
    report = migrate(steps.context(), {}, steps.progress("migrate"));
    if (!steps.judge("migrate", report, replayed.fresh)) return;
    stop_if_terminated("before migrating again");
    report = migrate(steps.context(), {}, steps.progress("migrate again"));
    if (!steps.ran_only("migrate again", report, {}) ||
        !steps.judge("migrate again", report, replayed.fresh))
        return;
    report = undo(steps.context(), {Mode::name, steps.last}, steps.progress("undo last"));
    if (!steps.judge("undo " + steps.last, report, replayed.before_last)) return;
    report = migrate(steps.context(), {}, steps.progress("migrate after undo"));
    if (!steps.ran_only("migrate after undo", report, {steps.last})) return;
    steps.judge("migrate after undo", report, replayed.fresh);
}

}  // namespace migmerge::run
