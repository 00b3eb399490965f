#include "migmerge/run/local_folder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/core/sha256.hpp"

namespace fs = std::filesystem;

namespace migmerge::run {
namespace {

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) throw resource_failure("cannot read " + path.string());
    return content.str();
}

// Regular files only (a symlink to one counts, as it does for sequelize-cli's
// readdir + require), by basename in byte order. Basenames are taken once:
// rebuilding them in the comparator dominated reading 100,000 files.
std::vector<std::string> regular_file_names(const fs::path& dir) {
    std::error_code error;
    std::vector<std::string> names;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error)) names.push_back(it->path().filename().string());
    }
    if (error)
        throw resource_failure("cannot read the migrations folder " + dir.string(),
                               error.message());
    std::sort(names.begin(), names.end());
    return names;
}

void add_file(LocalFolder& folder, const fs::path& path, FolderContents contents) {
    const std::string name = path.filename().string();
    const bool hashed = contents == FolderContents::with_checksums;
    if (name == core::ledger_file_name) {
        folder.ledger_text = read_bytes(path);
    } else if (core::sequelize_would_run(name)) {
        folder.migrations.push_back(
            {name, path.string(), hashed ? core::sha256_hex(read_bytes(path)) : ""});
    } else {
        folder.other_files.push_back(name);
        folder.other_checksums[name] = hashed ? core::sha256_hex(read_bytes(path)) : "";
    }
}

}  // namespace

const LocalMigration* LocalFolder::find(const std::string& name) const {
    auto it = std::find_if(migrations.begin(), migrations.end(),
                           [&](const LocalMigration& m) { return m.name == name; });
    return it == migrations.end() ? nullptr : &*it;
}

LocalFolder read_local_folder(const std::string& dir, FolderContents contents) {
    std::error_code error;
    fs::path absolute = fs::absolute(dir, error).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "migrations/"
    if (error || !fs::is_directory(absolute, error)) throw bad_input("no migrations folder", dir);
    LocalFolder folder;
    folder.dir = absolute.string();
    for (const std::string& name : regular_file_names(absolute)) {
        add_file(folder, absolute / name, contents);
    }
    return folder;
}

core::MigrationSet to_migration_set(const LocalFolder& folder) {
    core::MigrationSet set;
    set.files = folder.other_checksums;
    for (const LocalMigration& m : folder.migrations) set.files[m.name] = m.checksum;
    set.ledger_text = folder.ledger_text;
    return set;
}

std::map<std::string, std::string> migration_checksums(const LocalFolder& folder) {
    std::map<std::string, std::string> checksums;
    for (const LocalMigration& m : folder.migrations) checksums[m.name] = m.checksum;
    return checksums;
}

std::ostream& operator<<(std::ostream& out, const LocalMigration& migration) {
    return out << migration.name << " (" << migration.path << ", sha256 " << migration.checksum
               << ")";
}

}  // namespace migmerge::run
