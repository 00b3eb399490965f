#include "sequelize_config.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "config_section.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/text_file.hpp"
#include "node_eval.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace migmerge::db::detail {
namespace {

fs::path absolute_in(const std::string& project_dir, const std::string& file) {
    fs::path path(file);
    return path.is_absolute() ? path : fs::path(project_dir) / path;
}

// --config, else .sequelizerc's config, else config/config.js, else config/config.json.
std::optional<fs::path> locate_config(const ConnectionOptions& options) {
    if (options.config_file) {
        fs::path path = absolute_in(options.project_dir, *options.config_file);
        if (!fs::exists(path)) throw bad_input("config file not found", path.string());
        return path;
    }
    auto rc = read_sequelizerc(options.project_dir, options.node, options.environment);
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

std::string config_text(const fs::path& path, const ConnectionOptions& options) {
    if (path.extension() == ".json") return sys::read_file(path.string());
    return evaluate_js_module(options.node, path.string(), options.project_dir,
                              options.environment);
}

json parse_config(const fs::path& path, const ConnectionOptions& options) {
    try {
        return json::parse(config_text(path, options));
    } catch (const json::exception& error) {
        throw bad_input("malformed config " + path.string(), error.what());
    }
}

std::string environment_name(const ConnectionOptions& options) {
    if (options.env) return *options.env;
    auto node_env = options.environment.find("NODE_ENV");
    if (node_env != options.environment.end() && !node_env->second.empty()) {
        return node_env->second;
    }
    return "development";
}

std::string shown_path(const fs::path& path, const std::string& project_dir) {
    fs::path relative = path.lexically_relative(project_dir);
    bool inside = !relative.empty() && *relative.begin() != "..";
    return inside ? relative.string() : path.string();
}

}  // namespace

std::optional<ConnectionTarget> target_from_sequelize_config(const ConnectionOptions& options) {
    auto path = locate_config(options);
    if (!path) return std::nullopt;
    json config = parse_config(*path, options);
    std::string env = environment_name(options);
    // Like sequelize-cli: a config without a section for `env` is used whole.
    bool has_section = config.is_object() && config.contains(env) && config[env].is_object();
    std::string source = shown_path(*path, options.project_dir) + " (" + env + ")";
    return target_from_section(has_section ? config[env] : config, source, options.environment);
}

}  // namespace migmerge::db::detail
