#pragma once
// verify's options, and the run the command and the pre-push hook share.
#include <optional>
#include <string>

#include "db_options.hpp"
#include "invocation.hpp"
#include "merge_inputs.hpp"

namespace migmerge::cli {

struct VerifyOptions {
    RefOptions refs;
    std::optional<std::string> scratch_url;
    std::optional<std::string> checks;
    bool idempotent = false;
    DbOptions db;  // only the config's: --config, --env, --node
};

// Verifies the project's folder, or with refs the merge's result; prints
// the report and returns the exit code. With refs, `project` has a repository.
int verify_project(const Project& project, const VerifyOptions& options, const Output& output);

}  // namespace migmerge::cli
