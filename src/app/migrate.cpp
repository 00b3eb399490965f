#include "migmerge/app/migrate.hpp"

#include <functional>

namespace migmerge::app {
namespace {

using Step = std::function<run::RunReport(const run::RunContext&)>;

// Opens the workspace, tells the observer which database it is, runs `step`.
RunResult run_step(const WorkspaceRequest& where, const RunRequest& request,
                   const RunObserver& observer, const Step& step) {
    const Workspace workspace = open_workspace(where);
    const run::RunContext context = run_context(workspace, request);
    if (observer.starting) observer.starting(context);
    run::RunReport report = step(context);
    return {context.target, workspace.migrations_folder, context.dry_run, std::move(report)};
}

}  // namespace

RunResult migrate(const WorkspaceRequest& where, const MigrateRequest& request,
                  const RunObserver& observer) {
    return run_step(where, request.run, observer, [&](const run::RunContext& context) {
        return run::migrate(context, request.migrate, observer.progress);
    });
}

RunResult undo(const WorkspaceRequest& where, const UndoRequest& request,
               const RunObserver& observer) {
    return run_step(where, request.run, observer, [&](const run::RunContext& context) {
        return run::undo(context, request.undo, observer.progress);
    });
}

}  // namespace migmerge::app
