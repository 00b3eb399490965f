#include "hook_run.hpp"

#include <sstream>

#include "judge.hpp"
#include "migmerge/core/error.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

constexpr const char* zero_id = "0000000000000000000000000000000000000000";

int block_on_errors(const Output& output, const Judgement& judgement, const std::string& next) {
    if (!core::has_errors(judgement.findings)) return 0;
    MergeReport report{MergeCommand::check, judgement.context, judgement.findings, judgement.plan};
    print_merge_report(output, report);
    output.out << paint(output.color, Tone::error, "migmerge: blocked.") << " " << next << "\n";
    return 1;
}

// During `git merge` (pre-merge-commit) or when concluding a stopped merge
// (pre-commit with MERGE_HEAD): judge the index against both parents.
int check_merge_in_progress(const GlobalOptions& global, const Output& output) {
    Project project = open_repository_project(global);
    if (!project.repository->merge_head()) return 0;  // an ordinary commit: nothing to do
    Judgement judgement = judge(project, RefOptions{});
    return block_on_errors(output, judgement,
                           "Run `migmerge fix`, then `git commit` to conclude the merge.");
}

void advise_new_migrations(const Output& output, const Project& project) {
    const git::Repository& repo = *project.repository;
    core::MigrationSet before, after;
    try {
        before = repo.read_commit(repo.resolve("ORIG_HEAD").commit, project.migrations_folder);
    } catch (const Error&) {
        return;  // no ORIG_HEAD: nothing to compare with
    }
    after = repo.read_commit(repo.resolve("HEAD").commit, project.migrations_folder);
    std::vector<std::string> arrived;
    for (const auto& [name, id] : after.files) {
        if (!before.contains(name)) arrived.push_back(name);
    }
    if (arrived.empty()) return;
    output.out << "migmerge: " << arrived.size() << " new migration(s) arrived:\n";
    for (const auto& name : arrived) output.out << "  " << name << "\n";
    output.out << "Run `migmerge migrate` (or `migmerge status`) to bring your database up.\n";
}

int post_merge(const GlobalOptions& global, const Output& output) {
    Project project = open_repository_project(global);
    if (project.repository->head_is_merge_commit()) {
        Judgement judgement = judge(project, RefOptions{});
        block_on_errors(output, judgement, "Run `migmerge fix` and commit the renames.");
    }
    advise_new_migrations(output, project);
    return 0;  // post-merge cannot block; it only advises
}

int pre_push(const GlobalOptions& global, const HookRunOptions& options, const Output& output) {
    Project project = open_repository_project(global);
    std::optional<std::string> base = options.base ? options.base : project.settings.base;
    if (!base) {
        output.err << "migmerge: pre-push: no production branch configured (set \"base\" in "
                      "migmerge.json); not checked\n";
        return 0;
    }
    std::istringstream lines(options.stdin_text);
    std::string local_ref, local_id, remote_ref, remote_id;
    int code = 0;
    while (lines >> local_ref >> local_id >> remote_ref >> remote_id) {
        if (local_id == zero_id) continue;  // a deletion pushes no migrations
        RefOptions refs{base, local_id, core::RenameSide::head};
        Judgement judgement = judge(project, refs);
        code |= block_on_errors(output, judgement,
                                "Not pushing " + local_ref + ": run `migmerge fix --base " + *base +
                                    "` on it and commit.");
    }
    return code;
}

}  // namespace

int run_hook(const GlobalOptions& global, const HookRunOptions& options, const Output& output) {
    if (options.name == "pre-merge-commit" || options.name == "pre-commit") {
        return check_merge_in_progress(global, output);
    }
    if (options.name == "post-merge") return post_merge(global, output);
    if (options.name == "pre-push") return pre_push(global, options, output);
    throw bad_input("unknown hook '" + options.name + "'",
                    "expected pre-merge-commit, pre-commit, post-merge or pre-push");
}

}  // namespace migmerge::cli
