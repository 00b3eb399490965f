// Where git looks for hooks, so `hook install` writes where git will read.
#include <filesystem>

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

}  // namespace

std::string Repository::hooks_dir() const {
    std::string configured = configured_hooks_path(impl_->get());
    if (configured.empty()) return without_trailing_slash(common_dir() + "hooks");
    if (fs::path(configured).is_absolute()) return without_trailing_slash(configured);
    // Like git: hooks run from the work tree root (the git dir when bare).
    std::string base = is_bare() ? git_dir() : workdir();
    return without_trailing_slash((fs::path(base) / configured).lexically_normal().string());
}

}  // namespace migmerge::git
