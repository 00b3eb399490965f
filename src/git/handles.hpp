#pragma once
// Owning handles for libgit2 objects, and the one place libgit2 return codes
// become migmerge::Error. Private to the git layer.
#include <git2.h>

#include <memory>
#include <string>

namespace migmerge::git {

template <typename T, void (*Free)(T*)>
struct Freer {
    void operator()(T* handle) const { Free(handle); }
};

template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Freer<T, Free>>;

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using IndexHandle = Handle<git_index, git_index_free>;
using ConfigHandle = Handle<git_config, git_config_free>;
using StatusListHandle = Handle<git_status_list, git_status_list_free>;

// A git_buf that is disposed of when it goes out of scope.
class Buffer {
  public:
    Buffer() = default;
    ~Buffer() { git_buf_dispose(&buf_); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    git_buf* get() { return &buf_; }
    std::string str() const { return buf_.ptr ? std::string(buf_.ptr, buf_.size) : std::string(); }

  private:
    git_buf buf_ = GIT_BUF_INIT;
};

// libgit2's own description of the last failure on this thread.
std::string last_error_message();

// Throws Error(resource) "<what>: <libgit2 message>" when rc < 0.
void check(int rc, const std::string& what);

std::string to_hex(const git_oid& id);

// libgit2 counts its initialisations; holding one of these keeps the library
// ready for as long as any repository object needs it.
class LibraryUse {
  public:
    LibraryUse();
    ~LibraryUse();
    LibraryUse(const LibraryUse&) = delete;
    LibraryUse& operator=(const LibraryUse&) = delete;
};

}  // namespace migmerge::git
