#pragma once
// What each git hook checks. pre-merge-commit, pre-commit and pre-push can
// block (exit 1); post-merge only advises (always 0).
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

}  // namespace migmerge::cli
