#pragma once
// Runs node for the few things only JavaScript can answer (a config.js, a
// .sequelizerc).
#include <string>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

// Requires `file` (CommonJS, or ESM through import()), awaits it when it is a
// promise or an async function, and returns its JSON. Error(bad_input) naming
// `file` when it throws or is not JSON-serialisable; Error(resource) when node
// cannot be run or the file does not finish within a time limit.
std::string evaluate_js_module(const std::string& node, const std::string& file,
                               const std::string& cwd, const Environment& environment);

}  // namespace migmerge::db::detail
