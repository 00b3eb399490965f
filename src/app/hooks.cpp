#include "migmerge/app/hooks.hpp"

#include <sstream>

#include "migmerge/app/verify.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/clock.hpp"

namespace migmerge::app {
namespace {

constexpr const char* zero_id = "0000000000000000000000000000000000000000";

git::Repository discover_repository(const WorkspaceRequest& where) {
    return git::Repository::discover(where.directory.empty() ? "." : where.directory);
}

core::MigrationSet folder_at(const Workspace& workspace, const std::string& spec) {
    const git::Repository& repo = *workspace.repository;
    return repo.read_commit(repo.resolve(spec).commit, workspace.migrations_folder);
}

// ORIG_HEAD may be missing (a repository's first pull); then every file is new.
core::MigrationSet folder_or_empty(const Workspace& workspace, const std::string& spec) {
    try {
        return folder_at(workspace, spec);
    } catch (const Error&) {
        return core::MigrationSet::absent();
    }
}

// A hook knows what it judges (the index during a merge, HEAD's tree after
// it): it says so in the request instead of taking the union of two refs.
Judgement judge_result(const Workspace& workspace, const std::string& base, const std::string& head,
                       core::Judged judged) {
    core::MergeRequest request =
        merge_request(workspace, RefRequest{base, head, core::RenameSide::head});
    request.judged = judged;
    return judge_merge(*workspace.repository, request, sys::utc_now());
}

// The exact next steps: `fix` only helps when it has renames to apply.
std::string next_steps(const Judgement& judgement, const std::string& after_fix) {
    bool fixable = !judgement.plan.renames.empty() && !core::has_errors(judgement.plan.unfixable);
    if (fixable) return "Run `migmerge fix`, then " + after_fix + ".";
    return "Resolve the errors above by hand, then " + after_fix + ".";
}

// Keeps a judgement with error-level findings; says whether it had any.
bool keep_errors(HookReport& report, Judgement judgement, const std::string& stop,
                 const std::string& next) {
    if (!core::has_errors(judgement.findings)) return false;
    report.checks.push_back({std::move(judgement), stop, next});
    return true;
}

HookReport report_for(const Workspace& workspace) {
    HookReport report;
    report.migrations_folder = workspace.migrations_folder;
    return report;
}

// pre-merge-commit and pre-commit: block a merge commit whose index (the
// merge result) has error-level findings against HEAD and the merged commit.
HookReport check_merge_commit(const Workspace& workspace, const std::string& merged) {
    HookReport report = report_for(workspace);
    core::MigrationSet index = workspace.repository->read_index(workspace.migrations_folder);
    if (folder_at(workspace, "HEAD") == index) return report;  // no migration change
    Judgement judgement = judge_result(workspace, "HEAD", merged, core::Judged::index);
    const std::string next = next_steps(judgement, "`git commit` to conclude the merge");
    report.blocks = keep_errors(report, std::move(judgement), "merge not committed.", next);
    return report;
}

std::vector<std::string> merged_revisions(const Workspace& workspace) {
    if (auto merge_head = workspace.repository->merge_head()) return {merge_head->commit};
    return revisions_being_merged(workspace.variable("GIT_REFLOG_ACTION").value_or(""));
}

HookReport pre_merge_commit(const WorkspaceRequest& where) {
    const Workspace workspace = open_repository_workspace(where, discover_repository(where));
    std::vector<std::string> revisions = merged_revisions(workspace);
    if (revisions.size() == 1) return check_merge_commit(workspace, revisions.front());
    HookReport report;
    report.notice =
        "cannot tell which single commit is being merged; run `migmerge check` after the merge";
    return report;
}

// pre-commit runs on every commit: without MERGE_HEAD it returns before
// reading any configuration.
HookReport pre_commit(const WorkspaceRequest& where) {
    git::Repository repository = discover_repository(where);
    if (!repository.merge_head()) return {};
    return check_merge_commit(open_repository_workspace(where, std::move(repository)),
                              "MERGE_HEAD");
}

std::vector<std::string> arrived_migrations(const core::MigrationSet& before,
                                            const core::MigrationSet& after) {
    std::vector<std::string> arrived;
    for (const auto& [name, id] : after.files) {
        if (!before.contains(name)) arrived.push_back(name);
    }
    return arrived;
}

// After a merge commit: its parents judged against HEAD's tree. git still
// has MERGE_HEAD on disk while post-merge runs, so the refs are explicit.
void check_merge_commit_made(const Workspace& workspace, HookReport& report) {
    Judgement judgement = judge_result(workspace, "HEAD^1", "HEAD^2", core::Judged::head_tree);
    const std::string next =
        next_steps(judgement,
                   "`git commit` (or `git commit --amend --no-edit` to fold the renames into the "
                   "merge) before you push");
    keep_errors(report, std::move(judgement), "this merge has migration conflicts.", next);
}

// After a fast-forward: the new HEAD's folder on its own.
void check_new_head(const Workspace& workspace, const core::MigrationSet& head,
                    HookReport& report) {
    std::vector<core::Finding> findings = core::folder_problems(
        head, sys::utc_now(),
        "HEAD:" + workspace.migrations_folder + "/" + core::accepted_file_name);
    if (core::has_errors(findings)) report.new_head_errors = std::move(findings);
}

// post-merge cannot block; it only advises.
HookReport post_merge(const WorkspaceRequest& where) {
    const Workspace workspace = open_repository_workspace(where);
    HookReport report = report_for(workspace);
    // ORIG_HEAD is where the branch stood before the merge or pull.
    core::MigrationSet before = folder_or_empty(workspace, "ORIG_HEAD");
    core::MigrationSet after = folder_at(workspace, "HEAD");
    if (before == after) return report;  // nothing arrived in the migrations folder
    if (workspace.repository->head_is_merge_commit())
        check_merge_commit_made(workspace, report);
    else
        check_new_head(workspace, after, report);
    report.arrived = arrived_migrations(before, after);
    return report;
}

struct PushedRef {
    std::string local_ref;
    std::string local_id;
};

std::vector<PushedRef> pushed_refs(const std::string& stdin_text) {
    std::istringstream lines(stdin_text);
    std::vector<PushedRef> refs;
    std::string local_ref, local_id, remote_ref, remote_id;
    while (lines >> local_ref >> local_id >> remote_ref >> remote_id) {
        if (local_id != zero_id) refs.push_back({local_ref, local_id});  // deletions push nothing
    }
    return refs;
}

std::string branch_name(const std::string& ref) {
    const std::string prefix = "refs/heads/";
    return ref.rfind(prefix, 0) == 0 ? ref.substr(prefix.size()) : ref;
}

// migmerge.json asks for proof too: the merge's migrations on scratch databases.
void verify_pushed(const Workspace& workspace, const RefRequest& refs, HookReport& report,
                   const run::VerifySink& progress) {
    VerifyRequest verify;
    verify.refs = refs;
    verify.idempotent = workspace.settings.idempotent;
    report.verified.push_back(app::verify(workspace, verify, progress));
}

void check_pushed_ref(const Workspace& workspace, const std::string& base, const PushedRef& pushed,
                      HookReport& report, const run::VerifySink& progress) {
    if (folder_at(workspace, base) == folder_at(workspace, pushed.local_id)) return;
    const RefRequest refs{base, pushed.local_id, core::RenameSide::head};
    Judgement judgement = judge(workspace, refs);
    bool checked_out = pushed.local_id == workspace.repository->resolve("HEAD").commit;
    // So the printed fix command is the one to run where the user stands.
    judgement.context.head.spec = checked_out ? "HEAD" : branch_name(pushed.local_ref);
    const std::string next = "On " + branch_name(pushed.local_ref) + ": run `migmerge fix --base " +
                             base + "`, commit the renames, and push again.";
    if (keep_errors(report, std::move(judgement), "not pushing " + pushed.local_ref + ".", next))
        report.blocks = true;
    else if (workspace.settings.verify_on_push)
        verify_pushed(workspace, refs, report, progress);
}

HookReport pre_push(const WorkspaceRequest& where, const HookRequest& request,
                    const run::VerifySink& progress) {
    std::vector<PushedRef> refs = pushed_refs(request.stdin_text);
    if (refs.empty()) return {};
    const Workspace workspace = open_repository_workspace(where);
    HookReport report = report_for(workspace);
    std::optional<std::string> base = request.base ? request.base : workspace.settings.base;
    if (!base) {
        report.notice =
            "pre-push: no production branch configured (set \"base\" in migmerge.json, e.g. "
            "\"origin/production\"); not checked";
        return report;
    }
    for (const auto& pushed : refs) check_pushed_ref(workspace, *base, pushed, report, progress);
    return report;
}

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace

std::vector<std::string> revisions_being_merged(const std::string& reflog_action) {
    std::vector<std::string> words = words_of(reflog_action);
    if (words.empty()) return {};
    if (words.front() == "pull") return {"FETCH_HEAD"};
    if (words.front() != "merge") return {};
    if (words.size() == 1) return {"@{upstream}"};
    return {words.begin() + 1, words.end()};
}

HookReport run_hook(const WorkspaceRequest& where, const HookRequest& request,
                    const run::VerifySink& verify_progress) {
    if (request.name == "pre-merge-commit") return pre_merge_commit(where);
    if (request.name == "pre-commit") return pre_commit(where);
    if (request.name == "post-merge") return post_merge(where);
    if (request.name == "pre-push") return pre_push(where, request, verify_progress);
    throw bad_input("unknown hook '" + request.name + "'",
                    "expected pre-merge-commit, pre-commit, post-merge or pre-push");
}

}  // namespace migmerge::app
