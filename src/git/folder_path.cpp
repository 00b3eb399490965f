#include "folder_path.hpp"

#include <filesystem>

#include "migmerge/core/error.hpp"

namespace migmerge::git {

std::string normalize_folder(const std::string& folder) {
    std::filesystem::path path = std::filesystem::path(folder).lexically_normal();
    if (path.is_absolute()) {
        throw bad_input("bad migrations path '" + folder + "'",
                        "it must be relative to the repository root");
    }
    std::string text = path.generic_string();
    while (!text.empty() && text.back() == '/') text.pop_back();
    if (text == "." || text.empty()) return {};
    if (text == ".." || text.rfind("../", 0) == 0) {
        throw bad_input("bad migrations path '" + folder + "'", "it leaves the repository");
    }
    return text;
}

std::string path_in_folder(const std::string& normalized_folder, const std::string& name) {
    return normalized_folder.empty() ? name : normalized_folder + "/" + name;
}

}  // namespace migmerge::git
