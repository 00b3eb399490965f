// `accept`: records a change the project lives with beside the migrations,
// merged like the ledger (git's union driver), and stages it.
#include <filesystem>

#include "blobs.hpp"
#include "folder_path.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

// The edit accepted is the one in the work tree now: a later edit is a finding again.
std::string work_tree_version(git_repository* repo, const fs::path& dir, const std::string& folder,
                              const std::string& file) {
    std::error_code error;
    if (!fs::exists(dir / file, error)) {
        throw bad_input("cannot accept an edit of " + file, "it is not in " + dir.string(),
                        "an accepted edit is the file's current version");
    }
    return hash_file_as_blob(repo, (dir / file).string(), path_in_folder(folder, file));
}

void stage(git_index* index, const std::string& folder, const char* name) {
    std::string path = path_in_folder(folder, name);
    check(git_index_add_bypath(index, path.c_str()), "cannot stage " + path);
}

}  // namespace

core::AcceptedChange Repository::accept_change(const std::string& folder,
                                               core::AcceptedChange change) {
    impl_->require_workdir("accept");
    std::string normalized = normalize_folder(folder);
    fs::path dir = fs::path(workdir()) / normalized;
    if (change.code == core::FindingCode::modified && change.version.empty()) {
        change.version = work_tree_version(impl_->get(), dir, normalized, change.file);
    }
    std::string line = core::AcceptedChanges::format(change);  // refuses before any write
    sys::append_text((dir / core::accepted_file_name).string(), line);
    sys::ensure_line((dir / core::attributes_file_name).string(), core::accepted_attributes_line);
    IndexHandle index = impl_->fresh_index();
    stage(index.get(), normalized, core::accepted_file_name);
    stage(index.get(), normalized, core::attributes_file_name);
    check(git_index_write(index.get()), "cannot write the index");
    return change;
}

}  // namespace migmerge::git
