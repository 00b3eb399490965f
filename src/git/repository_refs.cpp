// git::Repository's reads of refs and objects: what users type (branches,
// tags, ids, HEAD^2, origin/main) as commits, and blobs by id.
#include "migmerge/git/repository.hpp"

#include <filesystem>
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

// Turning what users type (branches, tags, ids, HEAD^2, origin/main) into commits.
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

std::string read_blob(git_repository* repo, const git_oid& id, const std::string& path) {
    git_blob* raw = nullptr;
    check(git_blob_lookup(&raw, repo, &id), "cannot read " + path);
    BlobHandle blob(raw);
    const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

std::string hash_file_as_blob(git_repository* repo, const std::string& absolute_path,
                              const std::string& repo_path) {
    git_oid id;
    std::error_code error;
    if (std::filesystem::is_symlink(absolute_path, error)) {
        // git stores a link as a blob holding the target, not the target's content.
        std::string target = std::filesystem::read_symlink(absolute_path, error).string();
        if (error) throw resource_failure("cannot read the link " + absolute_path, error.message());
        check(git_odb_hash(&id, target.data(), target.size(), GIT_OBJECT_BLOB),
              "cannot hash " + absolute_path);
    } else {
        check(git_repository_hashfile(&id, repo, absolute_path.c_str(), GIT_OBJECT_BLOB,
                                      repo_path.c_str()),
              "cannot hash " + absolute_path);
    }
    return to_hex(id);
}

std::optional<std::string> Repository::read_blob(const std::string& id) const {
    git_oid oid;
    if (git_oid_fromstr(&oid, id.c_str()) != 0) return std::nullopt;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, impl_->get(), &oid) != 0) return std::nullopt;
    BlobHandle blob(raw);
    const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

}  // namespace migmerge::git
