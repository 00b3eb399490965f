#include "sql_folders.hpp"

#include "migmerge/core/migration_name.hpp"

namespace migmerge::git {

void SqlFolders::note(const std::string& path, const std::string& blob_id) {
    const std::size_t slash = path.find('/');
    if (slash == std::string::npos || slash == 0) return;
    const std::string file = path.substr(slash + 1);
    if (file == "up.sql") folders_[path.substr(0, slash)].up = blob_id;
    if (file == "down.sql") folders_[path.substr(0, slash)].down = blob_id;
}

void SqlFolders::add_to(core::MigrationSet& set) const {
    for (const auto& [name, pair] : folders_) {
        if (pair.up.empty() || pair.down.empty()) continue;
        set.files[name + std::string(core::sql_folder_suffix)] = pair.up + "+" + pair.down;
    }
}

}  // namespace migmerge::git
