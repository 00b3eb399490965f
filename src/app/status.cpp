#include "migmerge/app/status.hpp"

#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger_check.hpp"
#include "migmerge/git/repository.hpp"

namespace migmerge::app {
namespace {

// Only the folder at a ref comes from git (opened here, so a status without
// --ref never starts libgit2); run reads everything else.
std::optional<core::MigrationSet> files_at_ref(const Workspace& workspace,
                                               const std::optional<std::string>& ref) {
    if (!ref) return std::nullopt;
    git::Repository repo = git::Repository::discover(workspace.dir);
    const std::string& folder = workspace.migrations_folder;
    core::MigrationSet set = repo.read_commit(repo.resolve(*ref).commit, folder);
    if (!set.folder_exists) throw bad_input("no migrations folder at " + *ref, folder);
    core::read_ledger(set, *ref + ":" + folder + "/" + core::ledger_file_name);
    return set;
}

}  // namespace

StatusResult status(const WorkspaceRequest& where, const StatusRequest& request) {
    const Workspace workspace = open_workspace(where);
    run::RunContext context = run_context(workspace, {request.db});
    core::StatusReport report = run::status(context, files_at_ref(workspace, request.ref));
    return {context.target, workspace.migrations_folder, std::move(report)};
}

}  // namespace migmerge::app
