#pragma once
// What a Repository holds, shared by the source files that implement it.
#include <string>

#include "handles.hpp"
#include "library_use.hpp"
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

}  // namespace migmerge::git
