#include "project.hpp"

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "migmerge/core/error.hpp"
#include "migmerge/git/work_tree.hpp"
#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/json_text.hpp"
#include "migmerge/sys/text_file.hpp"

namespace fs = std::filesystem;

namespace migmerge::cli {
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
std::string migrations_dir_of(const GlobalOptions& global, Project& project) {
    std::optional<std::string> chosen = global.migrations_path;
    if (!chosen) chosen = project.settings.migrations_path;
    if (!chosen && fs::exists(fs::path(project.dir) / ".sequelizerc")) {
        project.rc = db::read_sequelizerc(project.dir, project.node->evaluator());
        if (project.rc && project.rc->migrations_path) chosen = project.rc->migrations_path;
    }
    fs::path path = chosen.value_or("migrations");
    if (path.is_relative()) path = fs::path(project.dir) / path;
    return path.lexically_normal().string();
}

// The folder as git names it: relative to the work tree root when there is one.
void locate_migrations(const GlobalOptions& global, const std::optional<std::string>& root,
                       Project& project) {
    project.migrations_dir = migrations_dir_of(global, project);
    project.migrations_folder =
        fs::path(project.migrations_dir).lexically_relative(root.value_or(project.dir)).string();
}

}  // namespace

ProjectSettings read_settings(const std::string& project_dir) {
    fs::path path = fs::path(project_dir) / "migmerge.json";
    ProjectSettings settings;
    if (!fs::exists(path)) return settings;
    try {
        nlohmann::json json = sys::parse_json(sys::read_file(path.string()), ExitCode::bad_input,
                                              "malformed " + path.string());
        if (json.contains("base")) settings.base = json.at("base").get<std::string>();
        if (json.contains("migrationsPath"))
            settings.migrations_path = json.at("migrationsPath").get<std::string>();
        if (json.contains("idempotent")) settings.idempotent = json.at("idempotent").get<bool>();
        if (json.contains("verify")) {
            settings.verify_on_push = json.at("verify").value("onPush", false);
        }
    } catch (const nlohmann::json::exception& error) {
        throw bad_input("malformed " + path.string(), error.what());
    }
    return settings;
}

namespace {

// The project is -C DIR when given, else the work tree root, else where we stand.
Project open_in(const GlobalOptions& global, const std::string& start,
                const std::optional<std::string>& root, const std::string& node = "node") {
    Project project;
    project.dir = global.directory.empty() && root ? *root : start;
    project.node = std::make_shared<run::NodeSession>(node, project.dir);
    project.settings = read_settings(project.dir);
    project.environment = sys::read_environment();
    locate_migrations(global, root, project);
    return project;
}

}  // namespace

Project open_project(const GlobalOptions& global, const std::string& node) {
    std::string start = absolute_dir(global.directory);
    return open_in(global, start, git::find_work_tree_root(start), node);
}

Project open_repository_project(const GlobalOptions& global) {
    // Here a missing repository is the error, with the git layer's message.
    return open_repository_project(global,
                                   git::Repository::discover(absolute_dir(global.directory)));
}

Project open_repository_project(const GlobalOptions& global, git::Repository repository) {
    Project project =
        open_in(global, absolute_dir(global.directory), git::work_tree_root(repository));
    project.repository = std::move(repository);
    return project;
}

}  // namespace migmerge::cli
