#include "migmerge/git/work_tree.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace migmerge::git {

std::optional<std::string> find_work_tree_root(const std::string& start_dir) {
    for (fs::path dir = start_dir;; dir = dir.parent_path()) {
        if (fs::exists(dir / ".git")) return dir.string();
        if (dir == dir.parent_path()) return std::nullopt;
    }
}

std::optional<std::string> work_tree_root(const Repository& repository) {
    if (repository.is_bare()) return std::nullopt;
    std::string root = repository.workdir();
    if (!root.empty() && root.back() == '/') root.pop_back();
    return root;
}

}  // namespace migmerge::git
