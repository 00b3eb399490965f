#pragma once
// The connection a project's Sequelize config describes, found and read the
// way sequelize-cli does (see docs/DESIGN.md, "Database connection").
#include <optional>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

// nullopt when the project has no config file. Error(bad_input) for a
// malformed config, a non-postgres dialect or an unset use_env_variable;
// Error(resource) when a JS config needs node and node is missing.
std::optional<ConnectionTarget> target_from_sequelize_config(const ConnectionOptions& options);

}  // namespace migmerge::db::detail
