#include "migmerge/app/connection.hpp"

namespace migmerge::app {

db::ConnectionOptions connection_options(const Workspace& workspace, const DbRequest& request) {
    db::ConnectionOptions connection;
    connection.project_dir = workspace.dir;
    connection.url = request.url;
    connection.config_file = request.config;
    connection.env = request.env;
    connection.table = request.table;
    connection.schema = request.schema;
    connection.rc = workspace.rc;
    connection.evaluate_js = workspace.node->evaluator();
    connection.environment = workspace.environment;
    return connection;
}

db::ConnectionTarget connection_target(const Workspace& workspace, const DbRequest& request) {
    return db::resolve_connection(connection_options(workspace, request));
}

run::RunContext run_context(const Workspace& workspace, const RunRequest& request) {
    return {connection_target(workspace, request.db),
            workspace.dir,
            workspace.migrations_dir,
            workspace.migrations_folder,
            workspace.node,
            request.lock_timeout,
            request.dry_run,
            workspace.version};
}

std::optional<db::ConnectionTarget> scratch_server_target(const Workspace& workspace,
                                                          const std::optional<std::string>& url) {
    if (!url) return std::nullopt;
    db::ConnectionOptions options;
    options.project_dir = workspace.dir;
    options.url = url;
    db::ConnectionTarget target = db::resolve_connection(options);
    target.source = "--scratch-url";
    return target;
}

}  // namespace migmerge::app
