#pragma once
// One environment's section of a Sequelize config, turned into a target.
#include <string>

#include <nlohmann/json.hpp>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

// `source` names the file and environment in messages and in the target.
// Error(bad_input) for a non-object section, a non-postgres dialect, an
// unparsable url or an unset use_env_variable.
ConnectionTarget target_from_section(const nlohmann::json& section, const std::string& source,
                                     const Environment& environment);

}  // namespace migmerge::db::detail
