#pragma once
// What each git hook checks. pre-merge-commit, pre-commit and pre-push can
// block; post-merge only advises. Each hook first asks whether the
// migrations folder changed at all, so a merge, commit or push that touches
// no migration costs one process start and a few tree reads.
#include <optional>
#include <string>
#include <vector>

#include "migmerge/app/judge.hpp"
#include "migmerge/app/workspace.hpp"
#include "migmerge/run/verify.hpp"

namespace migmerge::app {

struct HookRequest {
    std::string name;                 // pre-merge-commit, pre-commit, post-merge, pre-push
    std::vector<std::string> args;    // what git passed to the hook
    std::optional<std::string> base;  // pre-push: the production branch (else migmerge.json)
    std::string stdin_text;           // pre-push: the pushed refs
};

// A judged merge with error-level findings, and what the user does next.
struct HookCheck {
    Judgement judgement;
    std::string stop;  // "merge not committed."
    std::string next;  // the exact next steps
};

struct HookReport {
    bool blocks = false;                         // the hook stops git (exit 1)
    std::optional<std::string> notice;           // why nothing was checked (stderr)
    std::vector<HookCheck> checks;               // each printed as check prints it
    std::vector<core::Finding> new_head_errors;  // post-merge after a fast-forward
    std::vector<std::string> arrived;            // post-merge: migrations that arrived
    std::vector<run::VerifyReport> verified;     // pre-push, when migmerge.json asks
    std::string migrations_folder;               // for annotations
};

// Error(bad_input) for an unknown hook name. `verify_progress` hears the
// pre-push hook's verify runs as they go.
HookReport run_hook(const WorkspaceRequest& where, const HookRequest& request,
                    const run::VerifySink& verify_progress);

// git writes MERGE_HEAD only after pre-merge-commit has run, so that hook
// learns what is being merged from GIT_REFLOG_ACTION, which `git merge` sets
// to "merge <commit>..." and `git pull` to "pull ..." (merging FETCH_HEAD).
// Returns the revisions to resolve: none for an unknown action, several for
// an octopus merge, "@{upstream}" for a bare `git merge`.
std::vector<std::string> revisions_being_merged(const std::string& reflog_action);

}  // namespace migmerge::app
