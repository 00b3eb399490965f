#pragma once
// Installing migmerge's git hooks without ever losing a hook someone else
// wrote: a foreign hook is moved aside to NAME.migmerge-chained and runs first.
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/app/workspace.hpp"

namespace migmerge::app {

struct HookScript {
    std::string name;
    std::string body;
};

// The scripts of hooks/, embedded in the binary at build time.
std::vector<HookScript> hook_scripts();

struct HookChange {
    std::string hook;
    std::string
        action;  // "installed", "updated", "unchanged", "chained", "removed", "restored", "left"

    friend bool operator==(const HookChange& a, const HookChange& b) {
        return a.hook == b.hook && a.action == b.action;
    }
};

std::ostream& operator<<(std::ostream& out, const HookChange& change);  // "installed pre-push"

// Error(bad_input) before writing anything when a hook cannot be installed
// safely (NAME.migmerge-chained already taken) and `force` is not set.
std::vector<HookChange> install_hooks(const std::string& hooks_dir, bool force);
std::vector<HookChange> uninstall_hooks(const std::string& hooks_dir);

// `migmerge hook install|uninstall`: the same in the repository's hooks
// directory (core.hooksPath, a worktree's common directory).
struct HookChanges {
    std::string hooks_dir;
    std::vector<HookChange> changes;
};
HookChanges install_repository_hooks(const WorkspaceRequest& where, bool force);
HookChanges uninstall_repository_hooks(const WorkspaceRequest& where);

}  // namespace migmerge::app
