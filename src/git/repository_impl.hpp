#pragma once
// What a Repository holds, and the helpers shared by the source files that
// implement it (repository*.cpp).
#include <string>
#include <vector>

#include "folder_path.hpp"
#include "handles.hpp"
#include "migmerge/git/repository.hpp"

namespace migmerge::git {

struct Repository::Impl {
    LibraryUse library;  // declared first: released after the repository handle
    RepositoryHandle repo;

    git_repository* get() const { return repo.get(); }
    // Throws Error(bad_input) when the repository has no work tree.
    void require_workdir(const std::string& operation) const;
    // The repository's index, re-read if another process changed it.
    IndexHandle fresh_index() const;
    // A commit by full id or by any revision expression.
    CommitHandle lookup_commit(const std::string& spec) const;
};

// Blob contents and ids, shared by the readers of commits, the index and
// the work tree, and by the writers.
std::string read_blob(git_repository* repo, const git_oid& id, const std::string& path);

// The id `git add` would give the file at `absolute_path`: its content after
// git's clean filters for `repo_path` (line endings), or a symlink's target text.
std::string hash_file_as_blob(git_repository* repo, const std::string& absolute_path,
                              const std::string& repo_path);

// Which files directly inside a folder have changes git has not committed.
enum class ChangeScope {
    staged_and_unstaged,  // index or work tree differs from HEAD
    unstaged,             // work tree differs from the index, or a conflict
};

// Basenames, sorted; untracked and ignored files are not changes.
std::vector<std::string> changed_files(git_repository* repo, const std::string& normalized_folder,
                                       ChangeScope scope);

}  // namespace migmerge::git
