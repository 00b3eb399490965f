#include "migmerge/git/repository.hpp"

#include <utility>

#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace migmerge::git {

Repository Repository::discover(const std::string& start_dir) {
    auto impl = std::make_unique<Impl>();
    git_repository* raw = nullptr;
    int rc = git_repository_open_ext(&raw, start_dir.c_str(), 0, nullptr);
    impl->repo.reset(raw);
    if (rc == GIT_ENOTFOUND) {
        throw resource_failure("not a git repository", start_dir,
                               "run inside a repository or pass -C DIR");
    }
    check(rc, "cannot open the repository at " + start_dir);
    return Repository(std::move(impl));
}

Repository::Repository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Repository::~Repository() = default;
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;

bool Repository::is_bare() const {
    return git_repository_is_bare(impl_->get()) == 1;
}

std::string Repository::workdir() const {
    const char* dir = git_repository_workdir(impl_->get());
    return dir ? dir : "";
}

std::string Repository::git_dir() const {
    return git_repository_path(impl_->get());
}

std::string Repository::common_dir() const {
    return git_repository_commondir(impl_->get());
}

bool Repository::is_shallow() const {
    return git_repository_is_shallow(impl_->get()) == 1;
}

void Repository::Impl::require_workdir(const std::string& operation) const {
    if (git_repository_is_bare(get()) == 1) {
        throw bad_input(operation + " needs a work tree",
                        std::string(git_repository_path(get())) + " is a bare repository",
                        "run it in a clone with a checkout");
    }
}

IndexHandle Repository::Impl::fresh_index() const {
    git_index* raw = nullptr;
    check(git_repository_index(&raw, get()), "cannot open the index");
    IndexHandle index(raw);
    // The repository object may outlive a `git add` run by someone else.
    check(git_index_read(raw, 0), "cannot read the index");
    return index;
}

}  // namespace migmerge::git
