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

struct ChosenEnvironment {
    std::string name;
    std::string chosen_by;  // "--env", "NODE_ENV" or "the default", for messages
};

// --env, else NODE_ENV, else development.
ChosenEnvironment environment_name(const ConnectionOptions& options,
                                   const Environment& environment);

// The target of the config's section for `env`; a flat config (top-level
// connection keys such as database, host, username, url, use_env_variable,
// or no sections at all) is used whole. Error(bad_input) when a config of
// environment sections has none for `env` (sequelize-cli would use the whole
// file, so libpq's defaults and the default table), for a non-postgres
// dialect or an unset use_env_variable.
ConnectionTarget target_from_config(const SequelizeConfig& config, const ChosenEnvironment& env);

}  // namespace migmerge::db::detail
