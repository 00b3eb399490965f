#include "migmerge/app/workspace.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "migmerge/core/error.hpp"
#include "migmerge/git/work_tree.hpp"
#include "migmerge/sys/text_file.hpp"

namespace fs = std::filesystem;

namespace migmerge::app {
namespace {

std::string absolute_dir(const std::string& directory) {
    std::error_code error;
    fs::path path = fs::weakly_canonical(directory.empty() ? "." : directory, error);
    if (error || !fs::is_directory(path)) {
        throw bad_input("no such directory", directory, "check the path given to -C");
    }
    return path.string();
}

// --migrations-path, else migmerge.json, else .sequelizerc (when node can
// read it), else "migrations"; relative paths are relative to the project.
std::string migrations_dir_of(const WorkspaceRequest& request, Workspace& workspace) {
    std::optional<std::string> chosen = request.migrations_path;
    if (!chosen) chosen = workspace.settings.migrations_path;
    if (!chosen && fs::exists(fs::path(workspace.dir) / ".sequelizerc")) {
        workspace.rc = db::read_sequelizerc(workspace.dir, workspace.node->evaluator());
        if (workspace.rc && workspace.rc->migrations_path) chosen = workspace.rc->migrations_path;
    }
    fs::path path = chosen.value_or("migrations");
    if (path.is_relative()) path = fs::path(workspace.dir) / path;
    return path.lexically_normal().string();
}

// The folder as git names it: relative to the work tree root when there is one.
void locate_migrations(const WorkspaceRequest& request, const std::optional<std::string>& root,
                       Workspace& workspace) {
    workspace.migrations_dir = migrations_dir_of(request, workspace);
    workspace.migrations_folder = fs::path(workspace.migrations_dir)
                                      .lexically_relative(root.value_or(workspace.dir))
                                      .string();
}

void read_settings_json(const nlohmann::json& json, ProjectSettings& settings) {
    if (json.contains("base")) settings.base = json.at("base").get<std::string>();
    if (json.contains("migrationsPath"))
        settings.migrations_path = json.at("migrationsPath").get<std::string>();
    if (json.contains("idempotent")) settings.idempotent = json.at("idempotent").get<bool>();
    if (json.contains("verify")) settings.verify_on_push = json.at("verify").value("onPush", false);
}

// The project is -C DIR when given, else the work tree root, else where we stand.
Workspace open_in(const WorkspaceRequest& request, const std::string& start,
                  const std::optional<std::string>& root) {
    Workspace workspace;
    workspace.dir = request.directory.empty() && root ? *root : start;
    workspace.environment = request.environment;
    workspace.node_binary = request.node;
    workspace.node = std::make_shared<run::NodeSession>(request.node, workspace.dir);
    workspace.settings = read_settings(workspace.dir);
    locate_migrations(request, root, workspace);
    return workspace;
}

}  // namespace

std::optional<std::string> Workspace::variable(const std::string& name) const {
    auto found = environment.find(name);
    if (found == environment.end() || found->second.empty()) return std::nullopt;
    return found->second;
}

const sys::Environment& Workspace::project_environment() const {
    return rc ? rc->environment : environment;
}

ProjectSettings read_settings(const std::string& project_dir) {
    fs::path path = fs::path(project_dir) / "migmerge.json";
    ProjectSettings settings;
    if (!fs::exists(path)) return settings;
    try {
        read_settings_json(nlohmann::json::parse(sys::read_file(path.string())), settings);
    } catch (const nlohmann::json::exception& error) {
        throw bad_input("malformed " + path.string(), error.what());
    }
    return settings;
}

Workspace open_workspace(const WorkspaceRequest& request) {
    std::string start = absolute_dir(request.directory);
    return open_in(request, start, git::find_work_tree_root(start));
}

Workspace open_repository_workspace(const WorkspaceRequest& request) {
    // Here a missing repository is the error, with the git layer's message.
    return open_repository_workspace(request,
                                     git::Repository::discover(absolute_dir(request.directory)));
}

Workspace open_repository_workspace(const WorkspaceRequest& request, git::Repository repository) {
    Workspace workspace =
        open_in(request, absolute_dir(request.directory), git::work_tree_root(repository));
    workspace.repository = std::move(repository);
    return workspace;
}

}  // namespace migmerge::app
