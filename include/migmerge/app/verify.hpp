#pragma once
// `migmerge verify`: the project's migrations, or with refs the merge's
// result read from git, run on scratch databases and proven.
#include <optional>
#include <string>

#include "migmerge/app/connection.hpp"
#include "migmerge/app/judge.hpp"
#include "migmerge/run/verify.hpp"

namespace migmerge::app {

struct VerifyRequest {
    RefRequest refs;                         // with a base or a head: the merge's result
    std::optional<std::string> scratch_url;  // else an embedded throwaway PostgreSQL
    std::optional<std::string> checks;       // comma-separated, as typed
    bool idempotent = false;                 // also: "idempotent" in migmerge.json
    DbRequest db;                            // only the config's: --config, --env

    bool with_refs() const { return refs.base || refs.head; }
};

struct VerifyResult {
    run::VerifyReport report;
    std::string migrations_folder;  // relative to the work tree, for annotations
};
// Opens the workspace the request needs (a repository with refs), then verifies.
VerifyResult verify(const WorkspaceRequest& where, const VerifyRequest& request,
                    const run::VerifySink& progress);
// With refs, `workspace` has a repository (the pre-push hook's).
run::VerifyReport verify(const Workspace& workspace, const VerifyRequest& request,
                         const run::VerifySink& progress);

}  // namespace migmerge::app
