#include "migmerge/app/sql.hpp"

#include "merge_folders.hpp"
#include "migmerge/core/verify.hpp"

namespace migmerge::app {
namespace {

// With refs no database is read: base's migrations are replayed, then the
// merge's result (renames applied) shows what it adds, in Sequelize's order.
void add_merge_folders(const Workspace& workspace, const RefRequest& refs, MergeFolders& folders,
                       run::SqlCaptureRequest& request) {
    const Judgement judgement = judge(workspace, refs);
    const git::Repository& repository = *workspace.repository;
    request.folder =
        folders.write(repository, core::merge_after_fix(judgement.context.input, judgement.plan));
    request.replay_folder = folders.write(repository, judgement.context.input.sets.base);
    request.from_database = false;
}

}  // namespace

SqlResult sql(const WorkspaceRequest& where, const SqlRequest& request) {
    const Workspace workspace =
        request.with_refs() ? open_repository_workspace(where) : open_workspace(where);
    run::SqlCaptureRequest capture;
    capture.project = connection_target(workspace, request.db);
    capture.folder = workspace.migrations_dir;
    capture.scratch_server = scratch_server_target(workspace, request.scratch_url);
    capture.node = workspace.node;
    MergeFolders folders(workspace);
    if (request.with_refs()) add_merge_folders(workspace, request.refs, folders, capture);
    return {run::capture_sql(capture), capture.project};
}

}  // namespace migmerge::app
