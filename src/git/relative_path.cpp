// Paths the user gives (relative to where they stand) as paths in the repository.
#include <filesystem>

#include "migmerge/core/error.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

fs::path resolved(const fs::path& path) {
    std::error_code error;
    fs::path result = fs::weakly_canonical(fs::absolute(path), error);
    if (error) throw resource_failure("cannot resolve " + path.string(), error.message());
    return result;
}

}  // namespace

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
