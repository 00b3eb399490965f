// A migration set written out as a folder, for verify to run: each file's
// blob, the ledger and the accepted changes, nothing else.
#include <filesystem>

#include "migmerge/core/accepted.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/git/repository.hpp"
#include "migmerge/sys/text_file.hpp"

namespace migmerge::git {

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
