#include "migmerge/run/local_folder.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger_check.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/core/sha256.hpp"
#include "migmerge/sys/text_file.hpp"

namespace fs = std::filesystem;

namespace migmerge::run {
namespace {

struct DirCloser {
    void operator()(DIR* dir) const { ::closedir(dir); }
};
using DirHandle = std::unique_ptr<DIR, DirCloser>;

// d_type spares a stat per file; links and file systems without it need one.
bool is_regular_file(const std::string& dir, const dirent& entry) {
    if (entry.d_type == DT_REG) return true;
    if (entry.d_type != DT_LNK && entry.d_type != DT_UNKNOWN) return false;
    struct stat info {};
    return ::stat((dir + "/" + entry.d_name).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// Regular files only (a symlink to one counts, as it does for sequelize-cli's
// readdir + require), by basename in byte order. Plain readdir: building a
// std::filesystem::path per entry dominated listing 100,000 files.
std::vector<std::string> regular_file_names(const std::string& dir) {
    DirHandle handle(::opendir(dir.c_str()));
    if (!handle) {
        throw resource_failure("cannot read the migrations folder " + dir, std::strerror(errno));
    }
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(handle.get())) {
        if (is_regular_file(dir, *entry)) names.emplace_back(entry->d_name);
        errno = 0;
    }
    if (errno != 0) {
        throw resource_failure("cannot read the migrations folder " + dir, std::strerror(errno));
    }
    std::sort(names.begin(), names.end());
    return names;
}

void add_file(LocalFolder& folder, std::string name, FolderContents contents) {
    std::string path = folder.dir + "/" + name;
    const bool hashed = contents == FolderContents::with_checksums;
    if (name == core::ledger_file_name) {
        folder.ledger_text = sys::read_file(path);
    } else if (core::sequelize_would_run(name)) {
        std::string checksum = hashed ? core::sha256_hex(sys::read_file(path)) : "";
        folder.migrations.push_back({std::move(name), std::move(path), std::move(checksum)});
    } else {
        folder.other_files.push_back(name);
        folder.other_checksums[name] = hashed ? core::sha256_hex(sys::read_file(path)) : "";
    }
}

// Every command that reads the folder refuses a ledger that would run a
// migration twice, before it connects, runs or writes anything.
void check_ledger(const LocalFolder& folder) {
    if (folder.ledger_text.empty()) return;
    std::vector<std::string> names;
    names.reserve(folder.migrations.size());
    for (const LocalMigration& migration : folder.migrations) names.push_back(migration.name);
    core::read_ledger(folder.ledger_text, folder.dir + "/" + core::ledger_file_name, names);
}

}  // namespace

LocalFolder read_local_folder(const std::string& dir, FolderContents contents) {
    std::error_code error;
    fs::path absolute = fs::absolute(dir, error).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "migrations/"
    if (error || !fs::is_directory(absolute, error)) throw bad_input("no migrations folder", dir);
    LocalFolder folder;
    folder.dir = absolute.string();
    std::vector<std::string> names = regular_file_names(folder.dir);
    folder.migrations.reserve(names.size());  // 100,000 entries: no regrowth
    for (std::string& name : names) add_file(folder, std::move(name), contents);
    check_ledger(folder);
    return folder;
}

}  // namespace migmerge::run
