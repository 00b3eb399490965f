#include "blobs.hpp"

#include <filesystem>

#include "migmerge/core/error.hpp"
#include "migmerge/git/repository.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {

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
