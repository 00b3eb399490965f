// The workspace every command opens: where the project is, its migrations
// folder (as the file system and as git name it), migmerge.json, and the one
// copy of the environment.
#include "migmerge/app/workspace.hpp"

#include <gtest/gtest.h>

#include "migmerge/app/connection.hpp"
#include "support/expect_error.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::app {
namespace {

using test::GitRepo;
using test::TempDir;

class WorkspaceTest : public test::GitTest {};

TEST_F(WorkspaceTest, TheWorkTreeRootIsTheProjectAndGitNamesTheFolderFromIt) {
    GitRepo repo;
    repo.write("server/migmerge.json", R"({"migrationsPath": "db/migrations", "base": "main"})");
    repo.write("server/db/migrations/.keep", "");
    WorkspaceRequest request;
    request.directory = repo / "server";
    const Workspace workspace = open_repository_workspace(request);
    EXPECT_EQ(workspace.dir, repo.path() + "/server");
    EXPECT_EQ(workspace.migrations_dir, repo.path() + "/server/db/migrations");
    EXPECT_EQ(workspace.migrations_folder, "server/db/migrations");
    EXPECT_EQ(workspace.settings.base, "main");
    ASSERT_TRUE(workspace.repository.has_value());
}

TEST_F(WorkspaceTest, WithoutGitTheFolderIsRelativeToTheProject) {
    TempDir dir;
    test::write_file(dir / "migrations/.keep", "");
    WorkspaceRequest request;
    request.directory = dir.path();
    request.migrations_path = "migrations";
    const Workspace workspace = open_workspace(request);
    EXPECT_EQ(workspace.migrations_folder, "migrations");
    EXPECT_FALSE(workspace.repository.has_value());
}

TEST(Workspace, ReadsVariablesOnlyFromTheCopyItWasGiven) {
    TempDir dir;
    WorkspaceRequest request;
    request.directory = dir.path();
    request.environment = {{"GITHUB_BASE_REF", "main"}, {"EMPTY", ""}};
    const Workspace workspace = open_workspace(request);
    EXPECT_EQ(workspace.variable("GITHUB_BASE_REF"), "main");
    EXPECT_EQ(workspace.variable("EMPTY"), std::nullopt);
    EXPECT_EQ(workspace.variable("PATH"), std::nullopt);
}

TEST(Workspace, TheConnectionComesFromTheWorkspaceAndTheOptions) {
    TempDir dir;
    WorkspaceRequest request;
    request.directory = dir.path();
    request.environment = {{"DATABASE_URL", "postgres://app@db.internal:6543/app"}};
    const Workspace workspace = open_workspace(request);
    EXPECT_EQ(connection_target(workspace, {}).source, "DATABASE_URL");
    DbRequest db;
    db.url = "postgres://other@localhost/other";
    db.table = "Migrations";
    const db::ConnectionTarget target = connection_target(workspace, db);
    EXPECT_EQ(target.source, "--url");
    EXPECT_EQ(target.table, "Migrations");
    const run::RunContext context = run_context(workspace, {db, std::chrono::seconds(7), true});
    EXPECT_EQ(context.lock_timeout, std::chrono::seconds(7));
    EXPECT_TRUE(context.dry_run);
    EXPECT_EQ(context.migrations_dir, workspace.migrations_dir);
    EXPECT_EQ(context.version, MIGMERGE_VERSION);
}

TEST(Workspace, AMalformedSettingsFileIsBadInput) {
    TempDir dir;
    test::write_file(dir / "migmerge.json", "{\"base\": 3}");
    test::expect_error([&] { read_settings(dir.path()); }, ExitCode::bad_input,
                       "malformed " + dir.path() + "/migmerge.json");
}

TEST(Workspace, ANonDirectoryIsBadInput) {
    WorkspaceRequest request;
    request.directory = "/nonexistent/migmerge";
    test::expect_error([&] { open_workspace(request); }, ExitCode::bad_input, "no such directory");
}

}  // namespace
}  // namespace migmerge::app
