// A migrations folder as the work tree has it: what sequelize-cli would run.
#include <filesystem>

#include "blobs.hpp"
#include "folder_path.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

bool is_listed(const fs::directory_entry& entry) {
    std::error_code ignored;
    return entry.is_symlink(ignored) || entry.is_regular_file(ignored);
}

core::MigrationSet list_directory(git_repository* repo, const fs::path& dir,
                                  const std::string& folder) {
    core::MigrationSet set;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (!is_listed(*it)) continue;
        std::string name = it->path().filename().string();
        if (std::string* text = set.text_slot(name)) {
            *text = sys::read_file(it->path().string());
        } else {
            set.files[name] =
                hash_file_as_blob(repo, it->path().string(), path_in_folder(folder, name));
        }
    }
    if (error) throw resource_failure("cannot list " + dir.string(), error.message());
    return set;
}

}  // namespace

core::MigrationSet Repository::read_workdir(const std::string& folder) const {
    impl_->require_workdir("reading the work tree");
    std::string normalized = normalize_folder(folder);
    fs::path dir = fs::path(workdir()) / normalized;
    std::error_code error;
    if (!fs::is_directory(dir, error)) return core::MigrationSet::absent();
    return list_directory(impl_->get(), dir, normalized);
}

}  // namespace migmerge::git
