#pragma once
// The ref options of check, plan and fix, and the request they make of the
// git layer. The rules (ref defaults, what is judged) live in core.
#include <optional>
#include <string>

#include "migmerge/core/merge_request.hpp"
#include "migmerge/git/merge.hpp"
#include "project.hpp"

namespace CLI {
class App;
}

namespace migmerge::cli {

using core::Judged;
using git::MergeContext;

struct RefOptions {
    std::optional<std::string> base;
    std::optional<std::string> head;
    core::RenameSide rename_side = core::RenameSide::head;
};
void add_ref_options(CLI::App& command, RefOptions& options);

core::MergeRequest merge_request(const Project& project, const RefOptions& options);

}  // namespace migmerge::cli
