#include "migmerge/app/hook_install.hpp"

#include <filesystem>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"

namespace fs = std::filesystem;

namespace migmerge::app {

extern const char* const hook_pre_merge_commit;
extern const char* const hook_pre_commit;
extern const char* const hook_post_merge;
extern const char* const hook_pre_push;

namespace {

constexpr const char* marker = "installed by `migmerge hook install`";
constexpr const char* chained_suffix = ".migmerge-chained";

bool is_ours(const fs::path& path) {
    return fs::is_regular_file(path) &&
           sys::read_file_if_present(path.string()).value_or("").find(marker) != std::string::npos;
}

void write_executable(const fs::path& path, const std::string& body) {
    sys::write_file(path.string(), body);
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
}

bool occupied(const fs::path& path) {
    return fs::exists(fs::symlink_status(path));
}

void refuse_unsafe(const fs::path& dir, const std::vector<HookScript>& scripts, bool force) {
    for (const auto& script : scripts) {
        fs::path hook = dir / script.name;
        fs::path chained = dir / (script.name + chained_suffix);
        if (force || !occupied(hook) || is_ours(hook) || !occupied(chained)) continue;
        throw bad_input("cannot install the " + script.name + " hook",
                        "a hook migmerge did not write is there and " +
                            chained.filename().string() + " is taken too",
                        "move one of them away, or pass --force to replace " +
                            chained.filename().string() + " with the current hook");
    }
}

HookChange install_one(const fs::path& dir, const HookScript& script) {
    fs::path hook = dir / script.name;
    if (!occupied(hook)) {
        write_executable(hook, script.body);
        return {script.name, "installed"};
    }
    if (is_ours(hook)) {
        if (sys::read_file_if_present(hook.string()) == script.body)
            return {script.name, "unchanged"};
        write_executable(hook, script.body);
        return {script.name, "updated"};
    }
    fs::path chained = dir / (script.name + chained_suffix);
    fs::remove(chained);
    fs::rename(hook, chained);
    write_executable(hook, script.body);
    return {script.name, "chained"};
}

// A hook of ours, or a hook we chained (even if ours was overwritten since).
bool ours_to_undo(const fs::path& dir, const std::string& name) {
    return is_ours(dir / name) || occupied(dir / (name + chained_suffix));
}

// A hook someone wrote over ours is left alone, and so is what we chained.
HookChange uninstall_one(const fs::path& dir, const std::string& name) {
    fs::path hook = dir / name;
    fs::path chained = dir / (name + chained_suffix);
    if (occupied(hook) && !is_ours(hook)) return {name, "left"};
    if (occupied(hook)) fs::remove(hook);
    if (occupied(chained)) {
        fs::rename(chained, hook);
        return {name, "restored"};
    }
    return {name, "removed"};
}

// The filesystem's exceptions become the one error model at this edge.
template <typename Action>
std::vector<HookChange> guarded(const std::string& what, const Action& action) {
    try {
        return action();
    } catch (const fs::filesystem_error& error) {
        std::string where = error.path1().empty() ? "" : error.path1().string() + ": ";
        throw resource_failure(what, where + error.code().message(),
                               "check the permissions of the hooks directory");
    }
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const HookChange& change) {
    return out << change.action << " " << change.hook;
}

std::vector<HookScript> hook_scripts() {
    return {{"pre-merge-commit", hook_pre_merge_commit},
            {"pre-commit", hook_pre_commit},
            {"post-merge", hook_post_merge},
            {"pre-push", hook_pre_push}};
}

std::vector<HookChange> install_hooks(const std::string& hooks_dir, bool force) {
    return guarded("cannot install the hooks in " + hooks_dir, [&] {
        std::vector<HookScript> scripts = hook_scripts();
        fs::path dir(hooks_dir);
        fs::create_directories(dir);
        refuse_unsafe(dir, scripts, force);
        std::vector<HookChange> changes;
        for (const auto& script : scripts) changes.push_back(install_one(dir, script));
        return changes;
    });
}

std::vector<HookChange> uninstall_hooks(const std::string& hooks_dir) {
    return guarded("cannot uninstall the hooks in " + hooks_dir, [&] {
        fs::path dir(hooks_dir);
        std::vector<HookChange> changes;
        for (const auto& script : hook_scripts()) {
            if (ours_to_undo(dir, script.name)) changes.push_back(uninstall_one(dir, script.name));
        }
        return changes;
    });
}

HookChanges install_repository_hooks(const WorkspaceRequest& where, bool force) {
    const std::string dir = open_repository_workspace(where).repository->hooks_dir();
    return {dir, install_hooks(dir, force)};
}

HookChanges uninstall_repository_hooks(const WorkspaceRequest& where) {
    const std::string dir = open_repository_workspace(where).repository->hooks_dir();
    return {dir, uninstall_hooks(dir)};
}

}  // namespace migmerge::app
