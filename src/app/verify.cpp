#include "migmerge/app/verify.hpp"

#include <filesystem>
#include <memory>

#include "migmerge/core/verify.hpp"
#include "migmerge/sys/temporary_directory.hpp"

namespace migmerge::app {
namespace {

std::vector<core::VerifyCheck> chosen_checks(const Workspace& workspace,
                                             const VerifyRequest& request) {
    const bool idempotent = request.idempotent || workspace.settings.idempotent;
    if (request.checks) return core::parse_checks(*request.checks, request.with_refs());
    return core::default_checks(request.with_refs(), idempotent);
}

// The merge's folders, written beside the real one (same depth, so a
// migration's require('../models') still finds the project's file).
struct MergeFolders {
    std::string next_to;
    std::vector<std::unique_ptr<sys::TemporaryDirectory>> dirs;

    std::string write(const git::Repository& repository, const core::MigrationSet& set) {
        dirs.push_back(std::make_unique<sys::TemporaryDirectory>(next_to + ".migmerge-verify-"));
        repository.export_folder(set, dirs.back()->path());
        return dirs.back()->path();
    }
};

std::string beside_migrations(const Workspace& workspace) {
    std::filesystem::path migrations = std::filesystem::path(workspace.migrations_dir);
    if (!migrations.has_filename()) migrations = migrations.parent_path();  // a trailing '/'
    return (migrations.parent_path() / "").string();
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

std::optional<db::ConnectionTarget> scratch_server(const Workspace& workspace,
                                                   const std::optional<std::string>& url) {
    if (!url) return std::nullopt;
    // Only the URL: the project's config and environment say nothing of it.
    db::ConnectionOptions options;
    options.project_dir = workspace.dir;
    options.url = url;
    db::ConnectionTarget target = db::resolve_connection(options);
    target.source = "--scratch-url";
    return target;
}

run::VerifyRequest run_request(const Workspace& workspace, const VerifyRequest& request) {
    run::VerifyRequest run;
    run.checks = chosen_checks(workspace, request);
    run.project = connection_target(workspace, request.db);
    run.scratch_server = scratch_server(workspace, request.scratch_url);
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
    MergeFolders folders{beside_migrations(workspace), {}};
    if (request.with_refs()) add_merge_folders(workspace, request.refs, folders, run);
    return run::verify(run, progress);
}

}  // namespace migmerge::app
