#include "hook_run.hpp"
#include "verify_command.hpp"

#include <cstdlib>
#include <sstream>

#include "findings_output.hpp"
#include "judge.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/clock.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

constexpr const char* zero_id = "0000000000000000000000000000000000000000";

git::Repository discover_repository(const GlobalOptions& global) {
    return git::Repository::discover(global.directory.empty() ? "." : global.directory);
}

core::MigrationSet folder_at(const Project& project, const std::string& spec) {
    const git::Repository& repo = *project.repository;
    return repo.read_commit(repo.resolve(spec).commit, project.migrations_folder);
}

// ORIG_HEAD may be missing (a repository's first pull); then every file is new.
core::MigrationSet folder_or_empty(const Project& project, const std::string& spec) {
    try {
        return folder_at(project, spec);
    } catch (const Error&) {
        return core::MigrationSet::absent();
    }
}

// A hook knows what it judges (the index during a merge, HEAD's tree after
// it): it says so in the request instead of taking the union of two refs.
Judgement judge_result(const Project& project, const std::string& base, const std::string& head,
                       Judged judged) {
    core::MergeRequest request =
        merge_request(project, RefOptions{base, head, core::RenameSide::head});
    request.judged = judged;
    return git::judge_merge(*project.repository, request, sys::utc_now());
}

void print_report(const Output& output, const Judgement& judgement) {
    MergeReport report = report_of(MergeCommand::check, judgement);
    print_merge_report(output, report);
}

// The exact next steps: `fix` only helps when it has renames to apply.
std::string next_steps(const Judgement& judgement, const std::string& after_fix) {
    bool fixable = !judgement.plan.renames.empty() && !core::has_errors(judgement.plan.unfixable);
    if (fixable) return "Run `migmerge fix`, then " + after_fix + ".";
    return "Resolve the errors above by hand, then " + after_fix + ".";
}

int block_on_errors(const Output& output, const Judgement& judgement, const std::string& stop,
                    const std::string& next) {
    if (!core::has_errors(judgement.findings)) return 0;
    print_report(output, judgement);
    // Keeps a JSON or GitHub-annotation stdout parseable.
    std::ostream& note = output.format == Format::text ? output.out : output.err;
    note << paint(output.color, Tone::error, "migmerge: " + stop) << " " << next << "\n";
    return 1;
}

// pre-merge-commit and pre-commit: block a merge commit whose index (the
// merge result) has error-level findings against HEAD and the merged commit.
int check_merge_commit(const Project& project, const std::string& merged, const Output& output) {
    core::MigrationSet index = project.repository->read_index(project.migrations_folder);
    if (folder_at(project, "HEAD") == index) return 0;  // the merge brings no migration change
    Judgement judgement = judge_result(project, "HEAD", merged, Judged::index);
    return block_on_errors(output, judgement, "merge not committed.",
                           next_steps(judgement, "`git commit` to conclude the merge"));
}

std::vector<std::string> merged_revisions(const git::Repository& repo) {
    if (auto merge_head = repo.merge_head()) return {merge_head->commit};
    const char* action = std::getenv("GIT_REFLOG_ACTION");
    return revisions_being_merged(action ? action : "");
}

int pre_merge_commit(const GlobalOptions& global, const Output& output) {
    git::Repository repository = discover_repository(global);
    std::vector<std::string> revisions = merged_revisions(repository);
    if (revisions.size() != 1) {
        output.err << "migmerge: cannot tell which single commit is being merged; "
                      "run `migmerge check` after the merge\n";
        return 0;
    }
    Project project = open_repository_project(global, std::move(repository));
    return check_merge_commit(project, revisions.front(), output);
}

// pre-commit runs on every commit: without MERGE_HEAD it returns before
// reading any configuration.
int pre_commit(const GlobalOptions& global, const Output& output) {
    git::Repository repository = discover_repository(global);
    if (!repository.merge_head()) return 0;
    Project project = open_repository_project(global, std::move(repository));
    return check_merge_commit(project, "MERGE_HEAD", output);
}

std::vector<std::string> arrived_migrations(const core::MigrationSet& before,
                                            const core::MigrationSet& after) {
    std::vector<std::string> arrived;
    for (const auto& [name, id] : after.files) {
        if (!before.contains(name)) arrived.push_back(name);
    }
    return arrived;
}

void advise_arrived(const Output& output, const std::vector<std::string>& arrived) {
    if (arrived.empty()) return;
    output.out << "migmerge: " << arrived.size() << " new migration(s) arrived:\n";
    for (const auto& name : arrived) output.out << "  " << name << "\n";
    output.out << "Run `migmerge status` to see what your database lacks, then `migmerge "
                  "migrate` to apply them (it repairs recorded renames first).\n";
}

// After a merge commit: its parents judged against HEAD's tree. git still
// has MERGE_HEAD on disk while post-merge runs, so the refs are explicit.
void check_merge_commit_made(const Project& project, const Output& output) {
    Judgement judgement = judge_result(project, "HEAD^1", "HEAD^2", Judged::head_tree);
    block_on_errors(output, judgement, "this merge has migration conflicts.",
                    next_steps(judgement,
                               "`git commit` (or `git commit --amend --no-edit` to fold the "
                               "renames into the merge) before you push"));
}

// After a fast-forward: the new HEAD's folder on its own.
void check_new_head(const Project& project, const core::MigrationSet& head, const Output& output) {
    std::vector<core::Finding> findings = core::folder_problems(
        head, sys::utc_now(), "HEAD:" + project.migrations_folder + "/" + core::accepted_file_name);
    if (!core::has_errors(findings)) return;
    print_findings_text(output, findings, "");
    output.out << "migmerge: the new HEAD has migration errors; see `migmerge check --base REF`.\n";
}

int post_merge(const GlobalOptions& global, const Output& output) {
    Project project = open_repository_project(global);
    const git::Repository& repo = *project.repository;
    // ORIG_HEAD is where the branch stood before the merge or pull.
    core::MigrationSet before = folder_or_empty(project, "ORIG_HEAD");
    core::MigrationSet after = folder_at(project, "HEAD");
    if (before == after) return 0;  // nothing arrived in the migrations folder
    if (repo.head_is_merge_commit())
        check_merge_commit_made(project, output);
    else
        check_new_head(project, after, output);
    advise_arrived(output, arrived_migrations(before, after));
    return 0;  // post-merge cannot block; it only advises
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

int check_pushed_ref(const Project& project, const std::string& base, const PushedRef& pushed,
                     const Output& output) {
    if (folder_at(project, base) == folder_at(project, pushed.local_id)) return 0;
    RefOptions refs{base, pushed.local_id, core::RenameSide::head};
    Judgement judgement = judge(project, refs);
    bool checked_out = pushed.local_id == project.repository->resolve("HEAD").commit;
    // So the printed fix command is the one to run where the user stands.
    judgement.context.head.spec = checked_out ? "HEAD" : branch_name(pushed.local_ref);
    const int code =
        block_on_errors(output, judgement, "not pushing " + pushed.local_ref + ".",
                        "On " + branch_name(pushed.local_ref) + ": run `migmerge fix --base " +
                            base + "`, commit the renames, and push again.");
    if (code != 0 || !project.settings.verify_on_push) return code;
    // migmerge.json asks for proof too: the merge's migrations on scratch databases.
    VerifyOptions verify;
    verify.refs = {base, pushed.local_id, core::RenameSide::head};
    verify.idempotent = project.settings.idempotent;
    return verify_project(project, verify, output);
}

int pre_push(const GlobalOptions& global, const HookRunOptions& options, const Output& output) {
    std::vector<PushedRef> refs = pushed_refs(options.stdin_text);
    if (refs.empty()) return 0;
    Project project = open_repository_project(global);
    std::optional<std::string> base = options.base ? options.base : project.settings.base;
    if (!base) {
        output.err << "migmerge: pre-push: no production branch configured (set \"base\" in "
                      "migmerge.json, e.g. \"origin/production\"); not checked\n";
        return 0;
    }
    int code = 0;
    for (const auto& pushed : refs) code |= check_pushed_ref(project, *base, pushed, output);
    return code;
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

int run_hook(const GlobalOptions& global, const HookRunOptions& options, const Output& output) {
    if (options.name == "pre-merge-commit") return pre_merge_commit(global, output);
    if (options.name == "pre-commit") return pre_commit(global, output);
    if (options.name == "post-merge") return post_merge(global, output);
    if (options.name == "pre-push") return pre_push(global, options, output);
    throw bad_input("unknown hook '" + options.name + "'",
                    "expected pre-merge-commit, pre-commit, post-merge or pre-push");
}

}  // namespace migmerge::cli
