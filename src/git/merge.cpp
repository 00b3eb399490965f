#include "migmerge/git/merge.hpp"

#include "migmerge/core/error.hpp"

namespace migmerge::git {
namespace {

// Only consulted when no ref is given: an explicit pair needs no HEAD (which
// may be unborn).
core::RepositoryState state_of(const Repository& repo, const core::MergeRequest& request) {
    core::RepositoryState state;
    state.bare = repo.is_bare();
    if (request.base || request.head || request.judged) return state;
    state.merge_in_progress = repo.merge_head().has_value();
    state.head_is_merge_commit = !state.merge_in_progress && repo.head_is_merge_commit();
    return state;
}

ResolvedRef resolve_head(const Repository& repo, const std::string& spec) {
    if (spec == "MERGE_HEAD") {
        if (auto merge_head = repo.merge_head()) return *merge_head;
    }
    return repo.resolve(spec);
}

core::MigrationSet read_result(const Repository& repo, const MergeContext& context) {
    const core::MergeSets& sets = context.input.sets;
    switch (context.judged) {
        case core::Judged::union_of_sides:
            return core::union_of(sets.base, sets.head);
        case core::Judged::index:
            return repo.read_index(context.folder);
        case core::Judged::head_tree:
            break;
    }
    return repo.read_commit(repo.resolve("HEAD").commit, context.folder);
}

void read_sets(const Repository& repo, MergeContext& context) {
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

MergeContext read_merge(const Repository& repo, const core::MergeRequest& request,
                        const core::Timestamp& now) {
    core::SideChoice sides = core::choose_sides(request, state_of(repo, request));
    MergeContext context;
    context.base = repo.resolve(sides.base);
    context.head = resolve_head(repo, sides.head);
    context.judged = sides.judged;
    context.head_from_index = sides.head_from_index;
    context.folder = request.folder;
    context.merge_base = repo.merge_base(context.base.commit, context.head.commit);
    read_sets(repo, context);
    require_folder(context);
    context.input.ledger = core::merged_ledger(context.input.sets, sides, request.folder);
    context.input.now = now;
    context.input.rename_side = request.rename_side;
    return context;
}

Judgement judge_merge(const Repository& repo, const core::MergeRequest& request,
                      const core::Timestamp& now) {
    Judgement judgement;
    judgement.context = read_merge(repo, request, now);
    judgement.findings = core::analyze(judgement.context.input);
    judgement.plan = core::plan_renames(judgement.context.input, judgement.findings);
    return judgement;
}

}  // namespace migmerge::git
