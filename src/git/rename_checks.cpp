#include "rename_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "migmerge/core/accepted.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_set.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

bool is_plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name != core::ledger_file_name && name != core::attributes_file_name &&
           name != core::accepted_file_name;
}

bool in_index(git_index* index, const std::string& path, int stage) {
    return git_index_get_bypath(index, path.c_str(), stage) != nullptr;
}

bool in_index_any_stage(git_index* index, const std::string& path) {
    for (int stage = 0; stage <= 3; ++stage) {
        if (in_index(index, path, stage)) return true;
    }
    return false;
}

bool in_workdir(const RenameTarget& target, const std::string& name) {
    std::error_code ignored;
    fs::path path = fs::path(target.workdir) / path_in_folder(target.folder, name);
    return fs::exists(fs::symlink_status(path, ignored));
}

void check_names(const core::Rename& rename) {
    if (!is_plain_name(rename.from) || !is_plain_name(rename.to) || rename.from == rename.to) {
        throw bad_input("cannot rename " + rename.from + " to " + rename.to,
                        "both must be different file names inside the migrations folder");
    }
}

void check_source(const RenameTarget& target, const std::string& from) {
    std::string path = path_in_folder(target.folder, from);
    const auto& changed = target.changed_files;
    if (std::find(changed.begin(), changed.end(), from) != changed.end()) {
        throw bad_input("cannot rename " + path, "it has uncommitted changes",
                        "commit or stash it first");
    }
    if (!in_index(target.index, path, 0) || !in_workdir(target, from)) {
        throw bad_input("cannot rename " + path, "it is not a tracked file in the work tree");
    }
}

void check_destination(const RenameTarget& target, const std::string& to) {
    std::string path = path_in_folder(target.folder, to);
    if (in_index_any_stage(target.index, path) || in_workdir(target, to)) {
        throw bad_input("cannot rename to " + path, "it already exists");
    }
}

}  // namespace

void check_renames(const RenameTarget& target, const std::vector<core::Rename>& renames) {
    std::set<std::string> sources;
    std::set<std::string> destinations;
    for (const auto& rename : renames) {
        check_names(rename);
        if (!rename.move_file) continue;
        check_source(target, rename.from);
        check_destination(target, rename.to);
        if (!sources.insert(rename.from).second) {
            throw bad_input("cannot rename " + rename.from + " twice");
        }
        if (!destinations.insert(rename.to).second) {
            throw bad_input("cannot rename two files to " + rename.to);
        }
    }
}

}  // namespace migmerge::git
