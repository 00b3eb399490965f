#pragma once
// What each git hook checks. pre-merge-commit, pre-commit and pre-push can
// block (exit 1); post-merge only advises (always 0). Each hook first asks
// whether the migrations folder changed at all, so a merge, commit or push
// that touches no migration costs one process start and a few tree reads.
#include <optional>
#include <string>
#include <vector>

#include "invocation.hpp"

namespace migmerge::cli {

struct HookRunOptions {
    std::string name;                 // pre-merge-commit, pre-commit, post-merge, pre-push
    std::vector<std::string> args;    // what git passed to the hook
    std::optional<std::string> base;  // pre-push: the production branch (else migmerge.json)
    std::string stdin_text;           // pre-push: the pushed refs
};

int run_hook(const GlobalOptions& global, const HookRunOptions& options, const Output& output);

// git writes MERGE_HEAD only after pre-merge-commit has run, so that hook
// learns what is being merged from GIT_REFLOG_ACTION, which `git merge` sets
// to "merge <commit>..." and `git pull` to "pull ..." (merging FETCH_HEAD).
// Returns the revisions to resolve: none for an unknown action, several for
// an octopus merge, "@{upstream}" for a bare `git merge`.
std::vector<std::string> revisions_being_merged(const std::string& reflog_action);

}  // namespace migmerge::cli
