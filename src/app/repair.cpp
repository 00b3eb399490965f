#include "migmerge/app/repair.hpp"

namespace migmerge::app {

RepairResult repair(const WorkspaceRequest& where, const RepairRequest& request) {
    const Workspace workspace = open_workspace(where);
    run::RunContext context = run_context(workspace, request.run);
    db::RepairReport report = run::repair(context, request.prune_orphans);
    return {context.target, workspace.migrations_folder, context.dry_run, std::move(report)};
}

}  // namespace migmerge::app
