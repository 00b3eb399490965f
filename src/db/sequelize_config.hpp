#pragma once
// A project's Sequelize config, found and read the way sequelize-cli does
// (docs/DESIGN.md, "Database connection").
#include <optional>

#include <nlohmann/json.hpp>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

struct SequelizeConfig {
    std::string path;         // as messages show it: relative to the project when inside
    nlohmann::json value;     // the whole file's value
    Environment environment;  // process.env after a JS config ran; else the caller's
};

// nullopt when the project has no config file. Error(bad_input) for a
// malformed config; Error(resource) when a JS config cannot be evaluated.
std::optional<SequelizeConfig> read_sequelize_config(const ConnectionOptions& options);

// --env, else NODE_ENV, else development.
std::string environment_name(const ConnectionOptions& options, const Environment& environment);

// The target of the config's section for `env`. Error(bad_input) for a
// non-postgres dialect or an unset use_env_variable.
ConnectionTarget target_from_config(const SequelizeConfig& config, const std::string& env);

}  // namespace migmerge::db::detail
