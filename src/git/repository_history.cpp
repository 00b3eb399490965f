// The merge base of two commits, with advice when a shallow clone hides it.
//
// In a shallow clone the walk is ours. libgit2 1.5 does not know shallow
// clones: its merge-base walk fails at the first parent that was never
// fetched, and on that path leaks its priority queue (paint_down_to_common
// returns without git_pqueue_free; LeakSanitizer saw the 64 bytes). Here a
// parent that was never fetched ends that path, and every commit that is
// here counts, as it did for libgit2 when its walk got through.
#include <algorithm>
#include <unordered_set>

#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {
namespace {

constexpr const char* deepen_hint =
    "this is a shallow clone: run `git fetch --unshallow` (or `git fetch --deepen=N`)";

using Ids = std::unordered_set<std::string>;

Error no_merge_base(const std::string& a, const std::string& b, bool cut_short) {
    return bad_input("no merge base between " + a + " and " + b,
                     cut_short ? "the history is cut short" : "the histories are unrelated",
                     cut_short ? deepen_hint : "");
}

// The commits of a shallow clone: a parent that was never fetched is no
// parent here.
class ShallowHistory {
  public:
    explicit ShallowHistory(git_repository* repo) : repo_(repo) {
        git_odb* raw = nullptr;
        check(git_repository_odb(&raw, repo), "cannot open the object database");
        odb_.reset(raw);
    }

    // `start` and every commit reachable from it.
    Ids ancestors(const std::string& start) const {
        Ids seen{start};
        for (std::vector<std::string> todo{start}; !todo.empty();) {
            std::string id = std::move(todo.back());
            todo.pop_back();
            for (std::string& parent : parents(id)) {
                if (seen.insert(parent).second) todo.push_back(std::move(parent));
            }
        }
        return seen;
    }

    // The commits of `common` first met walking down from `start`: the walk
    // does not go past them.
    std::vector<std::string> first_met(const std::string& start, const Ids& common) const {
        std::vector<std::string> met;
        Ids seen{start};
        for (std::vector<std::string> todo{start}; !todo.empty();) {
            std::string id = std::move(todo.back());
            todo.pop_back();
            if (common.count(id)) {
                met.push_back(std::move(id));
                continue;
            }
            for (std::string& parent : parents(id)) {
                if (seen.insert(parent).second) todo.push_back(std::move(parent));
            }
        }
        return met;
    }

    bool cut_short() const { return cut_short_; }

    std::int64_t time_of(const std::string& id) const {
        CommitHandle commit = lookup(id);
        return commit ? git_commit_time(commit.get()) : 0;
    }

  private:
    CommitHandle lookup(const std::string& id) const {
        git_oid oid;
        git_commit* raw = nullptr;
        if (git_oid_fromstr(&oid, id.c_str()) < 0) return CommitHandle();
        int rc = git_commit_lookup(&raw, repo_, &oid);
        if (rc == GIT_ENOTFOUND) return CommitHandle();
        check(rc, "cannot read commit " + id);
        return CommitHandle(raw);
    }

    // The parents that are here: only commits that are enter the walk.
    std::vector<std::string> parents(const std::string& id) const {
        CommitHandle commit = lookup(id);
        std::vector<std::string> ids;
        for (unsigned i = 0; commit && i < git_commit_parentcount(commit.get()); ++i) {
            const git_oid* parent = git_commit_parent_id(commit.get(), i);
            if (git_odb_exists(odb_.get(), parent) == 1)
                ids.push_back(to_hex(*parent));
            else
                cut_short_ = true;
        }
        return ids;
    }

    git_repository* repo_;
    Handle<git_odb, git_odb_free> odb_;
    mutable bool cut_short_ = false;
};

// The best common ancestor: one no other common ancestor descends from; of
// several (criss-cross merges), the newest, as libgit2 picks.
std::string best_of(const ShallowHistory& history, std::vector<std::string> candidates) {
    std::vector<std::string> best;
    for (const std::string& candidate : candidates) {
        bool below_another =
            std::any_of(candidates.begin(), candidates.end(), [&](const std::string& other) {
                return other != candidate && history.ancestors(other).count(candidate) != 0;
            });
        if (!below_another) best.push_back(candidate);
    }
    return *std::max_element(best.begin(), best.end(), [&](const auto& a, const auto& b) {
        return std::make_pair(history.time_of(a), a) < std::make_pair(history.time_of(b), b);
    });
}

std::string shallow_merge_base(const ShallowHistory& history, const std::string& id_a,
                               const std::string& id_b, const std::string& a,
                               const std::string& b) {
    std::vector<std::string> common = history.first_met(id_b, history.ancestors(id_a));
    if (common.empty()) throw no_merge_base(a, b, history.cut_short());
    return best_of(history, std::move(common));
}

}  // namespace

std::string Repository::merge_base(const std::string& commit_a, const std::string& commit_b) const {
    CommitHandle a = impl_->lookup_commit(commit_a);
    CommitHandle b = impl_->lookup_commit(commit_b);
    if (is_shallow()) {
        return shallow_merge_base(ShallowHistory(impl_->get()), to_hex(*git_commit_id(a.get())),
                                  to_hex(*git_commit_id(b.get())), commit_a, commit_b);
    }
    git_oid base;
    int rc = git_merge_base(&base, impl_->get(), git_commit_id(a.get()), git_commit_id(b.get()));
    if (rc == GIT_ENOTFOUND) throw no_merge_base(commit_a, commit_b, false);
    check(rc, "cannot compute the merge base of " + commit_a + " and " + commit_b);
    return to_hex(base);
}

bool Repository::contains(const std::string& commit, const std::string& ancestor) const {
    if (commit == ancestor) return true;
    try {
        return merge_base(commit, ancestor) == ancestor;
    } catch (const Error&) {
        return false;  // unrelated histories, or cut short: not known to contain it
    }
}

}  // namespace migmerge::git
