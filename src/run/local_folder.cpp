#include "migmerge/run/local_folder.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "migmerge/core/accepted.hpp"
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

enum class EntryKind { regular_file, dangling_link, directory, other };

// d_type spares a stat per file; links and file systems without it need one.
// A link whose target cannot be reached is dangling.
EntryKind kind_of(const std::string& dir, const dirent& entry) {
    if (entry.d_type == DT_REG) return EntryKind::regular_file;
    if (entry.d_type == DT_DIR) return EntryKind::directory;
    if (entry.d_type != DT_LNK && entry.d_type != DT_UNKNOWN) return EntryKind::other;
    const std::string path = dir + "/" + entry.d_name;
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) return EntryKind::directory;
        return S_ISREG(info.st_mode) ? EntryKind::regular_file : EntryKind::other;
    }
    bool link = ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
    return link ? EntryKind::dangling_link : EntryKind::other;
}

struct Listing {
    std::vector<std::string> files;           // by basename in byte order
    std::vector<std::string> dangling_links;  // likewise
    std::vector<std::string> directories;     // likewise, without "." and ".."
};

// Regular files (a symlink to one counts, as it does for sequelize-cli's
// readdir + require) and dangling links, which sequelize-cli lists and then
// fails to require. Plain readdir: building a std::filesystem::path per
// entry dominated listing 100,000 files.
Listing list_folder(const std::string& dir) {
    DirHandle handle(::opendir(dir.c_str()));
    if (!handle) {
        throw resource_failure("cannot read the migrations folder " + dir, std::strerror(errno));
    }
    Listing listing;
    errno = 0;
    while (const dirent* entry = ::readdir(handle.get())) {
        EntryKind kind = kind_of(dir, *entry);
        if (kind == EntryKind::regular_file) listing.files.emplace_back(entry->d_name);
        if (kind == EntryKind::dangling_link) listing.dangling_links.emplace_back(entry->d_name);
        if (kind == EntryKind::directory && entry->d_name[0] != '.') {
            listing.directories.emplace_back(entry->d_name);
        }
        errno = 0;
    }
    if (errno != 0) {
        throw resource_failure("cannot read the migrations folder " + dir, std::strerror(errno));
    }
    std::sort(listing.files.begin(), listing.files.end());
    std::sort(listing.dangling_links.begin(), listing.dangling_links.end());
    std::sort(listing.directories.begin(), listing.directories.end());
    return listing;
}

std::string link_target(const std::string& path) {
    std::error_code error;
    std::string target = fs::read_symlink(path, error).string();
    return error ? "?" : target;
}

void add_file(LocalFolder& folder, std::string name, FolderContents contents) {
    std::string path = folder.dir + "/" + name;
    const bool hashed = contents == FolderContents::with_checksums;
    if (name == core::ledger_file_name) {
        folder.ledger_text = sys::read_file(path);
    } else if (name == core::accepted_file_name) {
        folder.accepted_text = sys::read_file(path);
    } else if (core::sequelize_would_run(name)) {
        std::string checksum = hashed ? core::sha256_hex(sys::read_file(path)) : "";
        folder.migrations.push_back({std::move(name), std::move(path), std::move(checksum)});
    } else {
        folder.other_files.push_back(name);
        folder.other_checksums[name] = hashed ? core::sha256_hex(sys::read_file(path)) : "";
    }
}

// A Sequelize 7 SQL migration: a folder with up.sql and down.sql, listed as
// one other file "NAME/" whose checksum covers both (core::sql_folder_suffix).
void add_sql_folder(LocalFolder& folder, const std::string& name, FolderContents contents) {
    const std::string path = folder.dir + "/" + name;
    std::error_code error;
    if (!fs::is_regular_file(path + "/up.sql", error) ||
        !fs::is_regular_file(path + "/down.sql", error)) {
        return;
    }
    const std::string listed = name + std::string(core::sql_folder_suffix);
    folder.other_files.push_back(listed);
    folder.other_checksums[listed] =
        contents == FolderContents::with_checksums
            ? core::sha256_hex(sys::read_file(path + "/up.sql") + '\0' +
                               sys::read_file(path + "/down.sql"))
            : "";
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
    Listing listing = list_folder(folder.dir);
    folder.migrations.reserve(listing.files.size());  // 100,000 entries: no regrowth
    for (std::string& name : listing.files) add_file(folder, std::move(name), contents);
    for (const std::string& name : listing.directories) add_sql_folder(folder, name, contents);
    for (const std::string& name : listing.dangling_links) {
        folder.dangling_links[name] = link_target(folder.dir + "/" + name);
    }
    check_ledger(folder);
    return folder;
}

}  // namespace migmerge::run
