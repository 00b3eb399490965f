// The merge base of two commits, with advice when a shallow clone hides it.
#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {
namespace {

constexpr const char* deepen_hint =
    "this is a shallow clone: run `git fetch --unshallow` (or `git fetch --deepen=N`)";

}  // namespace

std::string Repository::merge_base(const std::string& commit_a, const std::string& commit_b) const {
    CommitHandle a = impl_->lookup_commit(commit_a);
    CommitHandle b = impl_->lookup_commit(commit_b);
    git_oid base;
    int rc = git_merge_base(&base, impl_->get(), git_commit_id(a.get()), git_commit_id(b.get()));
    // In a shallow clone the walk stops at, or trips over, the missing history.
    bool shallow = rc < 0 && is_shallow();
    if (rc == GIT_ENOTFOUND || shallow) {
        throw bad_input("no merge base between " + commit_a + " and " + commit_b,
                        shallow ? "the history is cut short" : "the histories are unrelated",
                        shallow ? deepen_hint : "");
    }
    check(rc, "cannot compute the merge base of " + commit_a + " and " + commit_b);
    return to_hex(base);
}

}  // namespace migmerge::git
