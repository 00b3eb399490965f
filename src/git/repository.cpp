// git::Repository: opening one, and where its directories are.
#include "migmerge/git/repository.hpp"

#include <filesystem>
#include <utility>

#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

// core.hooksPath, with "~" expanded; empty when unset.
std::string configured_hooks_path(git_repository* repo) {
    git_config* raw = nullptr;
    check(git_repository_config_snapshot(&raw, repo), "cannot read the git configuration");
    ConfigHandle config(raw);
    Buffer value;
    int rc = git_config_get_path(value.get(), config.get(), "core.hooksPath");
    if (rc == GIT_ENOTFOUND) return {};
    check(rc, "cannot read core.hooksPath");
    return value.str();
}

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

fs::path resolved(const fs::path& path) {
    std::error_code error;
    fs::path result = fs::weakly_canonical(fs::absolute(path), error);
    if (error) throw resource_failure("cannot resolve " + path.string(), error.message());
    return result;
}

}  // namespace

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

// Where git looks for hooks, so `hook install` writes where git will read.
std::string Repository::hooks_dir() const {
    std::string configured = configured_hooks_path(impl_->get());
    if (configured.empty()) return without_trailing_slash(common_dir() + "hooks");
    if (fs::path(configured).is_absolute()) return without_trailing_slash(configured);
    // Like git: hooks run from the work tree root (the git dir when bare).
    std::string base = is_bare() ? git_dir() : workdir();
    return without_trailing_slash((fs::path(base) / configured).lexically_normal().string());
}

// Paths the user gives (relative to where they stand) as paths in the repository.
std::string Repository::relative_to_workdir(const std::string& dir) const {
    impl_->require_workdir("a path in the work tree");
    fs::path root = resolved(workdir());
    fs::path relative = resolved(dir).lexically_relative(root);
    std::string text = relative.generic_string();
    if (text.empty() || text == ".." || text.rfind("../", 0) == 0) {
        throw bad_input(dir + " is outside the work tree", "the work tree is " + workdir());
    }
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

}  // namespace migmerge::git
