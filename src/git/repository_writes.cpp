// git::Repository's writes: renames like `git mv` with the ledger, accepted
// changes, and a migration set exported as a folder for verify.
#include "migmerge/git/repository.hpp"

#include <filesystem>

#include "migmerge/core/accepted.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/sys/text_file.hpp"
#include "rename_checks.hpp"
#include "repository_impl.hpp"

namespace fs = std::filesystem;

namespace migmerge::git {
namespace {

// During a merge the incoming files are staged but not committed; only
// unstaged edits and conflicts would be lost or muddled by a rename then.
std::vector<std::string> files_not_to_touch(const Repository& repository, git_repository* repo,
                                            const std::string& folder) {
    ChangeScope scope =
        repository.merge_head() ? ChangeScope::unstaged : ChangeScope::staged_and_unstaged;
    return changed_files(repo, folder, scope);
}

void rename_in_workdir(const RenameTarget& target, const core::Rename& rename) {
    fs::path dir = fs::path(target.workdir) / target.folder;
    std::error_code error;
    fs::rename(dir / rename.from, dir / rename.to, error);
    if (error) throw resource_failure("cannot rename " + rename.from, error.message());
}

// The staged content moves with the name, as with `git mv`.
void rename_in_index(const RenameTarget& target, const core::Rename& rename) {
    std::string from = path_in_folder(target.folder, rename.from);
    std::string to = path_in_folder(target.folder, rename.to);
    git_index_entry moved = *git_index_get_bypath(target.index, from.c_str(), 0);
    moved.path = to.c_str();
    check(git_index_add(target.index, &moved), "cannot stage " + to);
    check(git_index_remove_bypath(target.index, from.c_str()), "cannot unstage " + from);
}

std::vector<core::LedgerEntry> ledger_entries(const std::vector<core::Rename>& renames) {
    std::vector<core::LedgerEntry> entries;
    for (const auto& rename : renames) entries.push_back({rename.from, rename.to});
    return entries;
}

void record_renames(const RenameTarget& target, const std::vector<core::Rename>& renames) {
    fs::path dir = fs::path(target.workdir) / target.folder;
    sys::append_text((dir / core::ledger_file_name).string(),
                     core::Ledger::format(ledger_entries(renames)));
    sys::ensure_line((dir / core::attributes_file_name).string(), core::ledger_attributes_line);
    for (const char* name : {core::ledger_file_name, core::attributes_file_name}) {
        std::string path = path_in_folder(target.folder, name);
        check(git_index_add_bypath(target.index, path.c_str()), "cannot stage " + path);
    }
}

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

// `fix`: renames like `git mv` in the work tree and the index, and records
// every rename in the ledger so deployed databases can be repaired.
void Repository::apply_renames(const std::string& folder,
                               const std::vector<core::Rename>& renames) {
    impl_->require_workdir("fix");
    std::string normalized = normalize_folder(folder);
    IndexHandle index = impl_->fresh_index();
    RenameTarget target{index.get(), workdir(), normalized,
                        files_not_to_touch(*this, impl_->get(), normalized)};
    check_renames(target, renames);
    if (renames.empty()) return;
    for (const auto& rename : renames) {
        if (!rename.move_file) continue;
        rename_in_workdir(target, rename);
        rename_in_index(target, rename);
    }
    record_renames(target, renames);
    check(git_index_write(index.get()), "cannot write the index");
}

// `accept`: records a change the project lives with beside the migrations,
// merged like the ledger (git's union driver), and stages it.
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

// A migration set written out as a folder, for verify to run: each file's
// blob, the ledger and the accepted changes, nothing else.
void Repository::export_folder(const core::MigrationSet& set, const std::string& dir) const {
    const std::filesystem::path folder(dir);
    std::filesystem::create_directories(folder);
    for (const auto& [name, id] : set.files) {
        // SQL-folder migrations (NAME/) are not run, so not exported.
        if (core::MigrationName::parse(name).kind == core::NameKind::sql_folder) continue;
        std::optional<std::string> content = read_blob(id);
        if (!content) {
            throw resource_failure("cannot read " + name + " from git",
                                   "blob " + id + " is not in the object database");
        }
        sys::write_file((folder / name).string(), *content);
    }
    if (!set.ledger_text.empty()) {
        sys::write_file((folder / core::ledger_file_name).string(), set.ledger_text);
    }
    if (!set.accepted_text.empty()) {
        sys::write_file((folder / core::accepted_file_name).string(), set.accepted_text);
    }
}

}  // namespace migmerge::git
