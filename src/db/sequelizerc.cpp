// read_sequelizerc: the paths a project's .sequelizerc sets. It is a
// JavaScript module: the caller's evaluator runs it.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "migmerge/core/error.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/sys/json_text.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace migmerge::db {
namespace {

// sequelize-cli resolves relative paths against the working directory, which
// is the project directory.
std::optional<std::string> path_option(const json& rc, const char* key,
                                       const std::string& project_dir) {
    if (!rc.contains(key) || !rc[key].is_string()) return std::nullopt;
    fs::path path(rc[key].get<std::string>());
    if (path.is_relative()) path = fs::path(project_dir) / path;
    return path.lexically_normal().string();
}

}  // namespace

std::optional<SequelizeRc> read_sequelizerc(const std::string& project_dir,
                                            const JsEvaluator& evaluate_js) {
    fs::path file = fs::path(project_dir) / ".sequelizerc";
    if (!fs::exists(file)) return std::nullopt;
    EvaluatedModule module = evaluate_js(JsModuleKind::sequelizerc, file.string());
    json rc = sys::parse_json(module.json, ExitCode::bad_input, "malformed " + file.string());
    if (!rc.is_object()) throw bad_input("malformed " + file.string(), "it exports no object");
    return SequelizeRc{path_option(rc, "migrations-path", project_dir),
                       path_option(rc, "config", project_dir), std::move(module.environment)};
}

}  // namespace migmerge::db
