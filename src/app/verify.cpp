#include "migmerge/app/verify.hpp"

#include "merge_folders.hpp"
#include "migmerge/core/verify.hpp"

namespace migmerge::app {
namespace {

std::vector<core::VerifyCheck> chosen_checks(const Workspace& workspace,
                                             const VerifyRequest& request) {
    const bool idempotent = request.idempotent || workspace.settings.idempotent;
    if (request.checks) return core::parse_checks(*request.checks, request.with_refs());
    return core::default_checks(request.with_refs(), idempotent);
}

void add_merge_folders(const Workspace& workspace, const RefRequest& refs, MergeFolders& folders,
                       run::VerifyRequest& request) {
    const Judgement judgement = judge(workspace, refs);
    const git::Repository& repository = *workspace.repository;
    const core::MergeSets& sets = judgement.context.input.sets;
    const MergeContext& context = judgement.context;
    request.folder =
        folders.write(repository, core::merge_after_fix(context.input, judgement.plan));
    request.merge_base_folder = folders.write(repository, sets.merge_base);
    request.histories.push_back({"base", "deployed from base (" + context.base.spec + ")",
                                 folders.write(repository, sets.base)});
    request.histories.push_back({"head", "deployed from head (" + context.head.spec + ")",
                                 folders.write(repository, sets.head)});
}

run::VerifyRequest run_request(const Workspace& workspace, const VerifyRequest& request) {
    run::VerifyRequest run;
    run.checks = chosen_checks(workspace, request);
    run.project = connection_target(workspace, request.db);
    run.scratch_server = scratch_server_target(workspace, request.scratch_url);
    run.node = workspace.node;
    run.new_node = [node = workspace.node_binary, dir = workspace.dir,
                    environment = workspace.project_environment()] {
        return std::make_shared<run::NodeSession>(node, dir, std::chrono::seconds(60), environment);
    };
    run.version = workspace.version;
    run.cross_check_snapshots = workspace.variable("MIGMERGE_CROSS_CHECK_SNAPSHOTS") == "1";
    run.folder = workspace.migrations_dir;
    return run;
}

}  // namespace

VerifyResult verify(const WorkspaceRequest& where, const VerifyRequest& request,
                    const run::VerifySink& progress) {
    const Workspace workspace =
        request.with_refs() ? open_repository_workspace(where) : open_workspace(where);
    return {verify(workspace, request, progress), workspace.migrations_folder};
}

run::VerifyReport verify(const Workspace& workspace, const VerifyRequest& request,
                         const run::VerifySink& progress) {
    run::VerifyRequest run = run_request(workspace, request);
    MergeFolders folders(workspace);
    if (request.with_refs()) add_merge_folders(workspace, request.refs, folders, run);
    return run::verify(run, progress);
}

}  // namespace migmerge::app
