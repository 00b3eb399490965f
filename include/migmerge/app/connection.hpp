#pragma once
// The options every database command takes, and the one place they become
// a connection and a run context with the workspace.
#include <chrono>
#include <optional>
#include <string>

#include "migmerge/app/workspace.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/run/run_context.hpp"

namespace migmerge::app {

struct DbRequest {
    std::optional<std::string> url;
    std::optional<std::string> config;
    std::optional<std::string> env;
    std::optional<std::string> table;
    std::optional<std::string> schema;
};

// What the database commands share: the connection, the lock, the dry run.
struct RunRequest {
    DbRequest db;
    std::chrono::seconds lock_timeout{300};
    bool dry_run = false;
};

db::ConnectionOptions connection_options(const Workspace& workspace, const DbRequest& request);
db::ConnectionTarget connection_target(const Workspace& workspace, const DbRequest& request);
// --scratch-url's server (verify, sql): only the URL, never the project's
// config or environment; nullopt without one.
std::optional<db::ConnectionTarget> scratch_server_target(const Workspace& workspace,
                                                          const std::optional<std::string>& url);
run::RunContext run_context(const Workspace& workspace, const RunRequest& request);

}  // namespace migmerge::app
