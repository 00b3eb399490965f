#include "merge_folders.hpp"

#include <filesystem>

namespace migmerge::app {
namespace {

std::string beside_migrations(const Workspace& workspace) {
    std::filesystem::path migrations = std::filesystem::path(workspace.migrations_dir);
    if (!migrations.has_filename()) migrations = migrations.parent_path();  // a trailing '/'
    return (migrations.parent_path() / "").string();
}

}  // namespace

MergeFolders::MergeFolders(const Workspace& workspace) : next_to_(beside_migrations(workspace)) {}

std::string MergeFolders::write(const git::Repository& repository, const core::MigrationSet& set) {
    dirs_.push_back(std::make_unique<sys::TemporaryDirectory>(next_to_ + ".migmerge-verify-"));
    repository.export_folder(set, dirs_.back()->path());
    return dirs_.back()->path();
}

}  // namespace migmerge::app
