// Turning what users type (branches, tags, ids, HEAD^2, origin/main) into commits.
#include <ostream>

#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {
namespace {

bool is_unknown_spec(int rc) {
    return rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC;
}

CommitHandle peel_to_commit(git_object* object, const std::string& spec) {
    git_object* peeled = nullptr;
    int rc = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT);
    if (rc == GIT_EINVALIDSPEC || rc == GIT_ENOTFOUND || rc == GIT_EPEEL) {
        throw bad_input("'" + spec + "' is not a commit", last_error_message());
    }
    check(rc, "cannot read '" + spec + "'");
    return CommitHandle(reinterpret_cast<git_commit*>(peeled));
}

CommitHandle revparse_commit(git_repository* repo, const std::string& spec) {
    git_object* raw = nullptr;
    int rc = git_revparse_single(&raw, repo, spec.c_str());
    ObjectHandle object(raw);
    if (is_unknown_spec(rc)) throw bad_input("unknown ref '" + spec + "'", last_error_message());
    check(rc, "cannot resolve '" + spec + "'");
    return peel_to_commit(object.get(), spec);
}

bool is_full_id(const std::string& spec) {
    git_oid ignored;
    return spec.size() == GIT_OID_HEXSZ && git_oid_fromstr(&ignored, spec.c_str()) == 0;
}

int collect_first_merge_head(const git_oid* id, void* payload) {
    auto* first = static_cast<std::optional<std::string>*>(payload);
    if (!*first) *first = to_hex(*id);
    return 0;
}

}  // namespace

CommitHandle Repository::Impl::lookup_commit(const std::string& spec) const {
    if (!is_full_id(spec)) return revparse_commit(get(), spec);
    git_oid id;
    git_oid_fromstr(&id, spec.c_str());
    git_commit* raw = nullptr;
    // A full id that cannot be read is a broken or incomplete repository, not a typo.
    check(git_commit_lookup(&raw, get(), &id), "cannot read commit " + spec);
    return CommitHandle(raw);
}

ResolvedRef Repository::resolve(const std::string& spec) const {
    CommitHandle commit = revparse_commit(impl_->get(), spec);
    return ResolvedRef{spec, to_hex(*git_commit_id(commit.get()))};
}

std::optional<ResolvedRef> Repository::merge_head() const {
    std::optional<std::string> first;
    int rc = git_repository_mergehead_foreach(impl_->get(), collect_first_merge_head, &first);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    check(rc, "cannot read MERGE_HEAD");
    if (!first) return std::nullopt;
    return ResolvedRef{"MERGE_HEAD", *first};
}

std::size_t Repository::head_parent_count() const {
    git_object* raw = nullptr;
    int rc = git_revparse_single(&raw, impl_->get(), "HEAD");
    ObjectHandle head(raw);
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return 0;  // no commit yet
    check(rc, "cannot read HEAD");
    CommitHandle commit = peel_to_commit(head.get(), "HEAD");
    return git_commit_parentcount(commit.get());
}

bool Repository::head_is_merge_commit() const {
    return head_parent_count() > 1;
}

std::ostream& operator<<(std::ostream& out, const ResolvedRef& ref) {
    return out << ref.spec << " (" << ref.commit << ")";
}

}  // namespace migmerge::git
