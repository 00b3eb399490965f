// A migrations folder as a commit has it: only that subtree is read.
#include "blobs.hpp"
#include "folder_path.hpp"
#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"
#include "sql_folders.hpp"

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

}  // namespace

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

}  // namespace migmerge::git
