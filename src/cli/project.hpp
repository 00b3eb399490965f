#pragma once
// Where the user stands: the project directory, its optional git repository,
// its migrations folder and its migmerge.json. Resolved once per command.
#include <memory>
#include <optional>
#include <string>

#include "invocation.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/git/repository.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::cli {

// migmerge.json at the project root; every field optional.
struct ProjectSettings {
    std::optional<std::string> base;             // default --base for check/plan/fix and pre-push
    std::optional<std::string> migrations_path;  // relative to the project directory
    bool idempotent = false;  // the project promises re-runnable migrations: verify checks it
    bool verify_on_push =
        false;  // the pre-push hook runs `verify` too ("verify": {"onPush": true})
};

struct Project {
    std::string dir;  // absolute: -C DIR, else the work tree root, else cwd
    std::optional<git::Repository> repository;
    std::string migrations_dir;     // absolute
    std::string migrations_folder;  // relative to the work tree root (for git reads)
    ProjectSettings settings;
    db::Environment environment;             // a copy of environ, read once
    std::optional<db::SequelizeRc> rc;       // when it was read for the migrations path
    std::shared_ptr<run::NodeSession> node;  // the command's node process, started on first use
};

// Needs a repository (check, plan, fix, hooks): Error(resource) when there is none.
Project open_repository_project(const GlobalOptions& global);
// The same around a repository the caller already opened (libgit2 starts once).
Project open_repository_project(const GlobalOptions& global, git::Repository repository);
// Works without git too (status, repair, migrate, undo in a container image)
// and never starts libgit2.
Project open_project(const GlobalOptions& global, const std::string& node = "node");

ProjectSettings read_settings(const std::string& project_dir);  // Error(bad_input) if malformed

}  // namespace migmerge::cli
