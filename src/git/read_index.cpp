// A migrations folder as the index has it: what the next commit would hold,
// and during a conflicted merge, our side of each conflicted file.
#include "blobs.hpp"
#include "folder_path.hpp"
#include "repository_impl.hpp"
#include "sql_folders.hpp"

namespace migmerge::git {
namespace {

constexpr int ours_stage = 2;

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Where the folder's entries begin; the index is sorted by path.
std::size_t first_position(git_index* index, const std::string& prefix) {
    std::size_t position = 0;
    if (prefix.empty()) return 0;
    if (git_index_find_prefix(&position, index, prefix.c_str()) != 0) {
        return git_index_entrycount(index);
    }
    return position;
}

void add_entry(git_repository* repo, const git_index_entry& entry, const std::string& name,
               core::MigrationSet& set) {
    if (std::string* text = set.text_slot(name)) {
        *text = read_blob(repo, entry.id, entry.path);
    } else {
        set.files[name] = to_hex(entry.id);
    }
}

}  // namespace

core::MigrationSet Repository::read_index(const std::string& folder) const {
    std::string normalized = normalize_folder(folder);
    std::string prefix = normalized.empty() ? "" : normalized + "/";
    IndexHandle index = impl_->fresh_index();
    core::MigrationSet set = core::MigrationSet::absent();
    SqlFolders sql_folders;
    std::size_t count = git_index_entrycount(index.get());
    for (std::size_t i = first_position(index.get(), prefix); i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        std::string path = entry->path;
        if (!starts_with(path, prefix)) break;
        set.folder_exists = true;
        std::string name = path.substr(prefix.size());
        int stage = GIT_INDEX_ENTRY_STAGE(entry);
        bool direct_file =
            name.find('/') == std::string::npos && entry->mode != GIT_FILEMODE_COMMIT;
        if (stage != 0 && stage != ours_stage) continue;
        if (!direct_file) {
            sql_folders.note(name, to_hex(entry->id));
            continue;
        }
        add_entry(impl_->get(), *entry, name, set);
    }
    sql_folders.add_to(set);
    return set;
}

}  // namespace migmerge::git
