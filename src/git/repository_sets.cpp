// git::Repository's reads of migration sets: a migrations folder as a
// commit, the index or the work tree has it, and which of its files have
// uncommitted changes.
#include "migmerge/git/repository.hpp"

#include <algorithm>
#include <filesystem>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"
#include "repository_impl.hpp"
#include "sql_folders.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

bool is_file_mode(git_filemode_t mode) {
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE ||
           mode == GIT_FILEMODE_LINK;
}

TreeHandle lookup_tree(git_repository* repo, const git_oid& id, const std::string& what) {
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, &id), "cannot read the tree of " + what);
    return TreeHandle(raw);
}

// The folder's tree, or null when the commit has no such directory.
TreeHandle folder_tree(git_repository* repo, git_tree* root, const std::string& folder) {
    if (folder.empty()) return lookup_tree(repo, *git_tree_id(root), "the root");
    git_tree_entry* raw = nullptr;
    int rc = git_tree_entry_bypath(&raw, root, folder.c_str());
    TreeEntryHandle entry(raw);
    if (rc == GIT_ENOTFOUND) return nullptr;
    check(rc, "cannot read " + folder);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return nullptr;
    return lookup_tree(repo, *git_tree_entry_id(entry.get()), folder);
}

// A subfolder's up.sql and down.sql, for SqlFolders.
void note_subtree(git_repository* repo, const git_tree_entry* entry, SqlFolders& folders) {
    const std::string name = git_tree_entry_name(entry);
    TreeHandle tree = lookup_tree(repo, *git_tree_entry_id(entry), name);
    for (const char* file : {"up.sql", "down.sql"}) {
        const git_tree_entry* sql = git_tree_entry_byname(tree.get(), file);
        if (sql && is_file_mode(git_tree_entry_filemode(sql))) {
            folders.note(name + "/" + file, to_hex(*git_tree_entry_id(sql)));
        }
    }
}

core::MigrationSet list_tree(git_repository* repo, git_tree* tree, const std::string& folder) {
    core::MigrationSet set;
    SqlFolders sql_folders;
    for (std::size_t i = 0, count = git_tree_entrycount(tree); i < count; ++i) {
        const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) note_subtree(repo, entry, sql_folders);
        if (!is_file_mode(git_tree_entry_filemode(entry))) continue;
        std::string name = git_tree_entry_name(entry);
        const git_oid& id = *git_tree_entry_id(entry);
        if (std::string* text = set.text_slot(name)) {
            *text = read_blob(repo, id, path_in_folder(folder, name));
        } else {
            set.files[name] = to_hex(id);
        }
    }
    sql_folders.add_to(set);
    return set;
}

constexpr int ours_stage = 2;

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Where the folder's entries begin; the index is sorted by path.
std::size_t first_position(git_index* index, const std::string& prefix) {
    std::size_t position = 0;
    if (prefix.empty()) return 0;
    if (git_index_find_prefix(&position, index, prefix.c_str()) != 0) {
        return git_index_entrycount(index);
    }
    return position;
}

void add_entry(git_repository* repo, const git_index_entry& entry, const std::string& name,
               core::MigrationSet& set) {
    if (std::string* text = set.text_slot(name)) {
        *text = read_blob(repo, entry.id, entry.path);
    } else {
        set.files[name] = to_hex(entry.id);
    }
}

bool is_listed(const fs::directory_entry& entry) {
    std::error_code ignored;
    return entry.is_symlink(ignored) || entry.is_regular_file(ignored);
}

// A subfolder's up.sql and down.sql, hashed as git would store them.
void note_subfolder(git_repository* repo, const fs::path& path, const std::string& folder,
                    SqlFolders& folders) {
    const std::string name = path.filename().string();
    for (const char* file : {"up.sql", "down.sql"}) {
        std::error_code ignored;
        if (!fs::is_regular_file(path / file, ignored)) continue;
        const std::string relative = name + "/" + file;
        folders.note(relative, hash_file_as_blob(repo, (path / file).string(),
                                                 path_in_folder(folder, relative)));
    }
}

core::MigrationSet list_directory(git_repository* repo, const fs::path& dir,
                                  const std::string& folder) {
    core::MigrationSet set;
    SqlFolders sql_folders;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        std::error_code ignored;
        if (it->is_directory(ignored)) note_subfolder(repo, it->path(), folder, sql_folders);
        if (!is_listed(*it)) continue;
        std::string name = it->path().filename().string();
        if (std::string* text = set.text_slot(name)) {
            *text = sys::read_file(it->path().string());
        } else {
            set.files[name] =
                hash_file_as_blob(repo, it->path().string(), path_in_folder(folder, name));
        }
    }
    if (error) throw resource_failure("cannot list " + dir.string(), error.message());
    sql_folders.add_to(set);
    return set;
}

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

// A migrations folder as a commit has it: only that subtree is read.
core::MigrationSet Repository::read_commit(const std::string& commit,
                                           const std::string& folder) const {
    std::string normalized = normalize_folder(folder);
    CommitHandle found = impl_->lookup_commit(commit);
    git_tree* raw_root = nullptr;
    check(git_commit_tree(&raw_root, found.get()), "cannot read the tree of " + commit);
    TreeHandle root(raw_root);
    TreeHandle tree = folder_tree(impl_->get(), root.get(), normalized);
    if (!tree) return core::MigrationSet::absent();
    return list_tree(impl_->get(), tree.get(), normalized);
}

// A migrations folder as the index has it: what the next commit would hold,
// and during a conflicted merge, our side of each conflicted file.
core::MigrationSet Repository::read_index(const std::string& folder) const {
    std::string normalized = normalize_folder(folder);
    std::string prefix = normalized.empty() ? "" : normalized + "/";
    IndexHandle index = impl_->fresh_index();
    core::MigrationSet set = core::MigrationSet::absent();
    SqlFolders sql_folders;
    std::size_t count = git_index_entrycount(index.get());
    for (std::size_t i = first_position(index.get(), prefix); i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        std::string path = entry->path;
        if (!starts_with(path, prefix)) break;
        set.folder_exists = true;
        std::string name = path.substr(prefix.size());
        int stage = GIT_INDEX_ENTRY_STAGE(entry);
        bool direct_file =
            name.find('/') == std::string::npos && entry->mode != GIT_FILEMODE_COMMIT;
        if (stage != 0 && stage != ours_stage) continue;
        if (!direct_file) {
            sql_folders.note(name, to_hex(entry->id));
            continue;
        }
        add_entry(impl_->get(), *entry, name, set);
    }
    sql_folders.add_to(set);
    return set;
}

// A migrations folder as the work tree has it: what sequelize-cli would run.
core::MigrationSet Repository::read_workdir(const std::string& folder) const {
    impl_->require_workdir("reading the work tree");
    std::string normalized = normalize_folder(folder);
    fs::path dir = fs::path(workdir()) / normalized;
    std::error_code error;
    if (!fs::is_directory(dir, error)) return core::MigrationSet::absent();
    return list_directory(impl_->get(), dir, normalized);
}

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
