#pragma once
// The git layer's face: a repository and what migmerge reads from it and
// writes to it. No libgit2 type appears here; everything returned is a core
// value type or a plain string. Failures are migmerge::Error.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/accepted.hpp"
#include "migmerge/core/migration_set.hpp"
#include "migmerge/core/planner.hpp"

namespace migmerge::git {

struct ResolvedRef {
    std::string spec;    // as the user wrote it ("staging", "HEAD^2", "origin/main")
    std::string commit;  // full hex id

    friend bool operator==(const ResolvedRef& a, const ResolvedRef& b) {
        return a.spec == b.spec && a.commit == b.commit;
    }
};

std::ostream& operator<<(std::ostream& out, const ResolvedRef& ref);  // "spec (commit)"

class Repository {
  public:
    // Discovers the repository containing `start_dir` (any subdirectory, a
    // worktree, or a bare repository). Error(resource) when there is none.
    static Repository discover(const std::string& start_dir);
    ~Repository();
    Repository(Repository&&) noexcept;
    Repository& operator=(Repository&&) noexcept;

    bool is_bare() const;
    std::string workdir() const;     // with trailing '/', empty when bare
    std::string git_dir() const;     // this worktree's git dir, with trailing '/'
    std::string common_dir() const;  // shared by all worktrees, with trailing '/'
    // Where git runs hooks from, without trailing '/': core.hooksPath (relative
    // to the work tree root, or the git dir when bare), else <common_dir>/hooks.
    std::string hooks_dir() const;
    bool is_shallow() const;

    // Branches, remote-tracking refs, tags, ids, and revparse expressions
    // (HEAD^2, main~3). Error(bad_input) for an unknown ref.
    ResolvedRef resolve(const std::string& spec) const;
    std::optional<ResolvedRef> merge_head() const;  // during a merge
    bool head_is_merge_commit() const;
    std::size_t head_parent_count() const;  // 0 before the first commit; over 2: an octopus
    // Error(bad_input) when there is none; in a shallow clone the hint says
    // how to deepen it.
    std::string merge_base(const std::string& commit_a, const std::string& commit_b) const;
    // Whether `ancestor` is `commit` or one of its ancestors (as far as a
    // shallow clone has them).
    bool contains(const std::string& commit, const std::string& ancestor) const;
    // A blob's bytes by its id; nullopt when the object database lacks it (a
    // work-tree file's id, hashed but never added).
    std::optional<std::string> read_blob(const std::string& id) const;

    // The migrations folder (a path relative to the repository root) at a
    // commit, read from the object database (only that subtree), from the
    // index (stage 0, else "ours" for conflicted paths), or from the work tree.
    core::MigrationSet read_commit(const std::string& commit, const std::string& folder) const;
    core::MigrationSet read_index(const std::string& folder) const;
    core::MigrationSet read_workdir(const std::string& folder) const;

    // Basenames of the files directly in `folder` whose work tree or index
    // differs from HEAD (conflicts included; untracked files are not changes).
    std::vector<std::string> uncommitted_files(const std::string& folder) const;

    // Like `git mv` for each rename with move_file, in the work tree and the
    // index; appends every rename to the ledger and adds the union-merge
    // attributes line once; stages both. Refuses (Error bad_input) to touch a
    // file with uncommitted changes; while a merge is in progress the merge's
    // own staged files may move, but not ones with unstaged edits or
    // conflicts. All checks happen before any write. Bare: Error(bad_input).
    void apply_renames(const std::string& folder, const std::vector<core::Rename>& renames);
    // Appends `change` to the folder's accepted changes in the work tree,
    // with the union-merge attributes line, and stages both. An accepted
    // `modified` without a version takes the work tree file's blob id.
    // Returns the change as written. Bare: Error(bad_input).
    core::AcceptedChange accept_change(const std::string& folder, core::AcceptedChange change);

    // Writes `set` (read from this repository) into `dir` as a migrations
    // folder: its files' blobs, its ledger and accepted changes. For verify,
    // which runs a merge's migrations without checking it out.
    // Error(resource) for a blob the object database lacks.
    void export_folder(const core::MigrationSet& set, const std::string& dir) const;

    // Relative path of `dir` (absolute or relative to cwd) from the work tree
    // root; "." for the root itself. Error(bad_input) when outside or bare.
    std::string relative_to_workdir(const std::string& dir) const;

  private:
    struct Impl;
    explicit Repository(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace migmerge::git
