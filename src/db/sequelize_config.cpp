#include "sequelize_config.hpp"

#include <algorithm>
#include <filesystem>

#include "config_section.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/json_text.hpp"
#include "migmerge/sys/text_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace migmerge::db::detail {
namespace {

fs::path absolute_in(const std::string& project_dir, const std::string& file) {
    fs::path path(file);
    return path.is_absolute() ? path : fs::path(project_dir) / path;
}

// --config, else .sequelizerc's config, else config/config.js, else config/config.json.
std::optional<fs::path> locate_config(const ConnectionOptions& options,
                                      const std::optional<SequelizeRc>& rc) {
    if (options.config_file) {
        fs::path path = absolute_in(options.project_dir, *options.config_file);
        if (!fs::exists(path)) throw bad_input("config file not found", path.string());
        return path;
    }
    if (rc && rc->config) {
        if (!fs::exists(*rc->config)) {
            throw bad_input("config file named by .sequelizerc not found", *rc->config);
        }
        return fs::path(*rc->config);
    }
    for (const char* candidate : {"config/config.js", "config/config.json"}) {
        fs::path path = fs::path(options.project_dir) / candidate;
        if (fs::exists(path)) return path;
    }
    return std::nullopt;
}

EvaluatedModule evaluate(const fs::path& path, const ConnectionOptions& options,
                         const Environment& environment) {
    if (path.extension() == ".json") return {sys::read_file(path.string()), environment};
    if (!options.evaluate_js) throw resource_failure("cannot evaluate " + path.string(), "no node");
    return options.evaluate_js(JsModuleKind::config, path.string());
}

// A flat config is one connection (sequelize-cli uses such a file whole); any
// other object is environment sections, and one must be chosen.
bool is_flat(const json& config) {
    static const char* const sequelize_options[] = {"database",
                                                    "username",
                                                    "password",
                                                    "host",
                                                    "port",
                                                    "dialect",
                                                    "url",
                                                    "use_env_variable",
                                                    "dialectOptions",
                                                    "define",
                                                    "pool",
                                                    "logging",
                                                    "timezone",
                                                    "ssl",
                                                    "protocol",
                                                    "replication",
                                                    "migrationStorage",
                                                    "migrationStorageTableName",
                                                    "migrationStorageTableSchema",
                                                    "migrationTimestamps",
                                                    "seederStorage"};
    for (const char* key : sequelize_options) {
        if (config.contains(key)) return true;
    }
    return std::none_of(config.begin(), config.end(), [](const json& v) { return v.is_object(); });
}

// "development, production and test" (JSON objects keep their keys sorted).
std::string environments_of(const json& config) {
    std::vector<std::string> names;
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (it->is_object()) names.push_back(it.key());
    }
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    return text;
}

std::string shown_path(const fs::path& path, const std::string& project_dir) {
    fs::path relative = path.lexically_relative(project_dir);
    bool inside = !relative.empty() && *relative.begin() != "..";
    return inside ? relative.string() : path.string();
}

}  // namespace

std::optional<SequelizeConfig> read_sequelize_config(const ConnectionOptions& options) {
    std::optional<SequelizeRc> rc = options.rc;
    if (!rc && options.evaluate_js) rc = read_sequelizerc(options.project_dir, options.evaluate_js);
    auto path = locate_config(options, rc);
    if (!path) return std::nullopt;
    EvaluatedModule module = evaluate(*path, options, rc ? rc->environment : options.environment);
    json value =
        sys::parse_json(module.json, ExitCode::bad_input, "malformed config " + path->string());
    return SequelizeConfig{shown_path(*path, options.project_dir), std::move(value),
                           std::move(module.environment)};
}

ChosenEnvironment environment_name(const ConnectionOptions& options,
                                   const Environment& environment) {
    if (options.env) return {*options.env, "--env"};
    auto node_env = environment.find("NODE_ENV");
    if (node_env != environment.end() && !node_env->second.empty())
        return {node_env->second, "NODE_ENV"};
    return {"development", "the default"};
}

ConnectionTarget target_from_config(const SequelizeConfig& config, const ChosenEnvironment& env) {
    const json& value = config.value;
    const bool has_section = value.is_object() && value.contains(env.name);
    if (!has_section && value.is_object() && !is_flat(value)) {
        throw bad_input(
            "no environment '" + env.name + "' (" + env.chosen_by + ") in " + config.path,
            "its environments are " + environments_of(value));
    }
    std::string source = config.path + " (" + env.name + ")";
    ConnectionTarget target =
        target_from_section(has_section ? value[env.name] : value, source, config.environment);
    target.config_json = sys::json_text(value);
    target.config_env = env.name;
    return target;
}

}  // namespace migmerge::db::detail
