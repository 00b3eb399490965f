#pragma once
// Where the user stands, resolved once per command and passed by reference
// to every workflow: the project directory, its optional git repository, its
// migrations folder, migmerge.json, the environment (the only copy anything
// above sys reads), the command's node process and migmerge's version.
#include <memory>
#include <optional>
#include <string>

#include "migmerge/db/connection.hpp"
#include "migmerge/git/repository.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::app {

// migmerge.json at the project root; every field optional.
struct ProjectSettings {
    std::optional<std::string> base;             // default --base for check/plan/fix and pre-push
    std::optional<std::string> migrations_path;  // relative to the project directory
    bool idempotent = false;  // the project promises re-runnable migrations: verify checks it
    bool verify_on_push =
        false;  // the pre-push hook runs `verify` too ("verify": {"onPush": true})
};

// What the global options say about where to work.
struct WorkspaceRequest {
    std::string directory;                       // -C DIR; empty: the current directory
    std::optional<std::string> migrations_path;  // --migrations-path
    std::string node = "node";                   // --node
    sys::Environment environment;                // the process's, read once by the caller
};

struct Workspace {
    std::string dir;  // absolute: -C DIR, else the work tree root, else cwd
    std::optional<git::Repository> repository;
    std::string migrations_dir;     // absolute
    std::string migrations_folder;  // relative to the work tree root (for git reads)
    ProjectSettings settings;
    sys::Environment environment;            // a copy of environ, read once
    std::optional<db::SequelizeRc> rc;       // when it was read for the migrations path
    std::shared_ptr<run::NodeSession> node;  // the command's node process, started on first use
    std::string node_binary = "node";        // for work that needs more node processes (verify)
    std::string version = MIGMERGE_VERSION;

    // A variable of the environment the command started with; nullopt when
    // unset or empty.
    std::optional<std::string> variable(const std::string& name) const;
    // The environment the project's JavaScript saw: .sequelizerc may have
    // added to it (dotenv).
    const sys::Environment& project_environment() const;
};

// Works without git too (status, repair, migrate, undo in a container image)
// and never starts libgit2.
Workspace open_workspace(const WorkspaceRequest& request);
// Needs a repository (check, plan, fix, hooks): Error(resource) when there is none.
Workspace open_repository_workspace(const WorkspaceRequest& request);
// The same around a repository the caller already opened (libgit2 starts once).
Workspace open_repository_workspace(const WorkspaceRequest& request, git::Repository repository);

ProjectSettings read_settings(const std::string& project_dir);  // Error(bad_input) if malformed

}  // namespace migmerge::app
