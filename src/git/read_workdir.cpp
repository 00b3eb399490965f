// A migrations folder as the work tree has it: what sequelize-cli would run.
#include <filesystem>

#include "blobs.hpp"
#include "folder_path.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"
#include "repository_impl.hpp"
#include "sql_folders.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

bool is_listed(const fs::directory_entry& entry) {
    std::error_code ignored;
    return entry.is_symlink(ignored) || entry.is_regular_file(ignored);
}

// A subfolder's up.sql and down.sql, hashed as git would store them.
void note_subfolder(git_repository* repo, const fs::path& path, const std::string& folder,
                    SqlFolders& folders) {
    const std::string name = path.filename().string();
    for (const char* file : {"up.sql", "down.sql"}) {
        std::error_code ignored;
        if (!fs::is_regular_file(path / file, ignored)) continue;
        const std::string relative = name + "/" + file;
        folders.note(relative, hash_file_as_blob(repo, (path / file).string(),
                                                 path_in_folder(folder, relative)));
    }
}

core::MigrationSet list_directory(git_repository* repo, const fs::path& dir,
                                  const std::string& folder) {
    core::MigrationSet set;
    SqlFolders sql_folders;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        std::error_code ignored;
        if (it->is_directory(ignored)) note_subfolder(repo, it->path(), folder, sql_folders);
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
    sql_folders.add_to(set);
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
