#include "changed_files.hpp"

#include <algorithm>

#include "folder_path.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {
namespace {

constexpr unsigned staged_flags = GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED |
                                  GIT_STATUS_INDEX_DELETED | GIT_STATUS_INDEX_RENAMED |
                                  GIT_STATUS_INDEX_TYPECHANGE;
constexpr unsigned unstaged_flags = GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_DELETED |
                                    GIT_STATUS_WT_TYPECHANGE | GIT_STATUS_WT_RENAMED |
                                    GIT_STATUS_CONFLICTED;

StatusListHandle folder_status(git_repository* repo, const std::string& folder) {
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
    std::string spec = folder;
    char* specs[] = {spec.data()};
    if (!folder.empty()) options.pathspec = {specs, 1};
    git_status_list* raw = nullptr;
    check(git_status_list_new(&raw, repo, &options), "cannot read the status of " + folder);
    return StatusListHandle(raw);
}

const char* entry_path(const git_status_entry& entry) {
    const git_diff_delta* delta =
        entry.head_to_index ? entry.head_to_index : entry.index_to_workdir;
    return delta ? delta->old_file.path : nullptr;
}

// The basename when `path` is directly inside `folder`, else empty.
std::string direct_child(const std::string& path, const std::string& folder) {
    std::string prefix = folder.empty() ? "" : folder + "/";
    if (path.compare(0, prefix.size(), prefix) != 0) return {};
    std::string name = path.substr(prefix.size());
    return name.find('/') == std::string::npos ? name : std::string();
}

}  // namespace

std::vector<std::string> changed_files(git_repository* repo, const std::string& normalized_folder,
                                       ChangeScope scope) {
    unsigned wanted = unstaged_flags;
    if (scope == ChangeScope::staged_and_unstaged) wanted |= staged_flags;
    StatusListHandle status = folder_status(repo, normalized_folder);
    std::vector<std::string> names;
    for (std::size_t i = 0, count = git_status_list_entrycount(status.get()); i < count; ++i) {
        const git_status_entry* entry = git_status_byindex(status.get(), i);
        const char* path = entry_path(*entry);
        if (!path || (entry->status & wanted) == 0) continue;
        std::string name = direct_child(path, normalized_folder);
        if (!name.empty()) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::vector<std::string> Repository::uncommitted_files(const std::string& folder) const {
    return changed_files(impl_->get(), normalize_folder(folder), ChangeScope::staged_and_unstaged);
}

}  // namespace migmerge::git
