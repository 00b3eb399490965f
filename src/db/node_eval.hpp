#pragma once
// Runs node for the few things only JavaScript can answer (a config.js, a
// .sequelizerc) and captures what it printed.
#include <string>
#include <vector>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

struct NodeRun {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

// Runs `node args...` in `cwd` with exactly `environment`. Error(resource)
// when node cannot be started at all; a script's failure is the caller's to judge.
NodeRun run_node(const std::string& node, const std::vector<std::string>& args,
                 const std::string& cwd, const Environment& environment);

// Requires `file` (CommonJS, or ESM through import()), awaits it when it is a
// promise or an async function, and returns its JSON. Error(bad_input) naming
// `file` when it throws or is not JSON-serialisable.
std::string evaluate_js_module(const std::string& node, const std::string& file,
                               const std::string& cwd, const Environment& environment);

}  // namespace migmerge::db::detail
