#include "migmerge/app/judge.hpp"

#include <utility>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/clock.hpp"

namespace migmerge::app {

namespace {

// Only consulted when no ref is given: an explicit pair needs no HEAD (which
// may be unborn).
core::RepositoryState state_of(const git::Repository& repo, const core::MergeRequest& request) {
    core::RepositoryState state;
    state.bare = repo.is_bare();
    if (request.base || request.head || request.judged) return state;
    state.merge_in_progress = repo.merge_head().has_value();
    std::size_t parents = state.merge_in_progress ? 0 : repo.head_parent_count();
    state.head_is_merge_commit = parents > 1;
    state.head_is_octopus = parents > 2;
    return state;
}

std::optional<ResolvedRef> try_resolve(const git::Repository& repo, const std::string& spec) {
    try {
        return repo.resolve(spec);
    } catch (const Error&) {
        return std::nullopt;
    }
}

// GitHub names a pull request's base branch; a checkout has it as
// origin/NAME (actions/checkout) or NAME. Neither: it names nothing.
core::MergeRequest with_pull_request_base(const git::Repository& repo, core::MergeRequest request) {
    if (!request.pull_request_base) return request;
    const std::string name = *request.pull_request_base;
    request.pull_request_base.reset();
    for (const std::string& spec : {"origin/" + name, name}) {
        if (!try_resolve(repo, spec)) continue;
        request.pull_request_base = spec;
        break;
    }
    return request;
}

ResolvedRef resolve_head(const git::Repository& repo, const std::string& spec) {
    if (spec == "MERGE_HEAD") {
        if (auto merge_head = repo.merge_head()) return *merge_head;
    }
    return repo.resolve(spec);
}

std::optional<core::Containment> containment_of(
    const git::Repository& repo, const core::SideChoice& sides,
    const std::optional<core::DeployedBranch>& deployed) {
    if (!deployed) return std::nullopt;
    std::optional<ResolvedRef> tip = try_resolve(repo, deployed->spec);
    if (!tip) return std::nullopt;
    return core::Containment{repo.contains(repo.resolve(sides.base).commit, tip->commit),
                             repo.contains(resolve_head(repo, sides.head).commit, tip->commit)};
}

// A merge's two sides, in the order that puts the deployed one as base.
core::SideChoice choose_sides(const git::Repository& repo, const core::MergeRequest& request) {
    core::SideChoice sides = core::choose_sides(request, state_of(repo, request));
    // A union keeps the base it was named; an octopus says why already.
    if (sides.judged != core::Judged::union_of_sides && sides.deployed_reason.empty()) {
        auto deployed = core::deployed_branch(request);
        core::orient_sides(sides, deployed, containment_of(repo, sides, deployed));
    }
    return sides;
}

// The texts that tell a reformat from an edit; a blob the repository lacks
// (a work-tree file never added) stays unread: an edit, to be safe.
void read_texts(const git::Repository& repo, core::AnalysisInput& input) {
    for (const std::string& id : core::texts_to_read(input.sets)) {
        if (auto text = repo.read_blob(id)) input.texts.emplace(id, std::move(*text));
    }
}

core::MigrationSet read_result(const git::Repository& repo, const MergeContext& context) {
    const core::MergeSets& sets = context.input.sets;
    switch (context.judged) {
        case core::Judged::union_of_sides:
            return core::union_of(sets.merge_base, sets.base, sets.head);
        case core::Judged::index:
            return repo.read_index(context.folder);
        case core::Judged::head_tree:
            break;
    }
    return repo.read_commit(repo.resolve("HEAD").commit, context.folder);
}

void read_sets(const git::Repository& repo, MergeContext& context) {
    core::MergeSets& sets = context.input.sets;
    const std::string& folder = context.folder;
    sets.merge_base = repo.read_commit(context.merge_base, folder);
    sets.base = repo.read_commit(context.base.commit, folder);
    sets.head = context.head_from_index ? repo.read_index(folder)
                                        : repo.read_commit(context.head.commit, folder);
    sets.result = read_result(repo, context);
}

void require_folder(const MergeContext& context) {
    const core::MergeSets& sets = context.input.sets;
    if (sets.base.folder_exists || sets.head.folder_exists || sets.result.folder_exists) return;
    throw bad_input("no migrations folder", "'" + context.folder + "' exists on neither side",
                    "pass --migrations-path PATH or set \"migrationsPath\" in migmerge.json");
}

}  // namespace

MergeContext read_merge(const git::Repository& repo, const core::MergeRequest& given,
                        const core::Timestamp& now) {
    const core::MergeRequest request = with_pull_request_base(repo, given);
    const core::SideChoice sides = choose_sides(repo, request);
    MergeContext context;
    context.base = repo.resolve(sides.base);
    context.head = resolve_head(repo, sides.head);
    context.judged = sides.judged;
    context.head_from_index = sides.head_from_index;
    context.deployed_reason = sides.deployed_reason;
    context.folder = request.folder;
    context.merge_base = repo.merge_base(context.base.commit, context.head.commit);
    read_sets(repo, context);
    require_folder(context);
    context.input.ledger = core::merged_ledger(context.input.sets, sides, request.folder);
    context.input.accepted = core::merged_accepted(context.input.sets, sides, request.folder);
    read_texts(repo, context.input);
    context.input.now = now;
    context.input.rename_side = request.rename_side;
    return context;
}

Judgement judge_merge(const git::Repository& repo, const core::MergeRequest& request,
                      const core::Timestamp& now) {
    Judgement judgement;
    judgement.context = read_merge(repo, request, now);
    core::Analysis analysis = core::analyze_merge(judgement.context.input);
    judgement.findings = std::move(analysis.findings);
    judgement.preexisting = std::move(analysis.preexisting);
    judgement.accepted = std::move(analysis.accepted);
    judgement.plan = core::plan_renames(judgement.context.input, judgement.findings);
    return judgement;
}

core::MergeRequest merge_request(const Workspace& workspace, const RefRequest& refs) {
    core::MergeRequest request;
    request.base = refs.base;
    request.head = refs.head;
    request.configured_base = workspace.settings.base;
    // GitHub Actions sets it for pull_request events: the branch the PR merges into.
    request.pull_request_base = workspace.variable("GITHUB_BASE_REF");
    request.rename_side = refs.rename_side;
    request.folder = workspace.migrations_folder;
    return request;
}

Judgement judge(const Workspace& workspace, const RefRequest& refs) {
    return judge_merge(*workspace.repository, merge_request(workspace, refs), sys::utc_now());
}

Judgement judge(const WorkspaceRequest& where, const RefRequest& refs) {
    return judge(open_repository_workspace(where), refs);
}

Judgement fix(const WorkspaceRequest& where, const FixRequest& request) {
    Workspace workspace = open_repository_workspace(where);
    Judgement judgement = judge(workspace, request.refs);
    if (!request.dry_run && !judgement.plan.empty()) {
        workspace.repository->apply_renames(judgement.context.folder, judgement.plan.renames);
    }
    return judgement;
}

}  // namespace migmerge::app
