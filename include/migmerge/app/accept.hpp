#pragma once
// `migmerge accept CODE FILE --reason TEXT`: a change the project lives with
// (a reformat, a deletion, a legacy name) recorded in .migmerge-accepted and
// staged, so check stops reporting it.
#include <string>

#include "migmerge/app/workspace.hpp"
#include "migmerge/core/accepted.hpp"

namespace migmerge::app {

struct AcceptRequest {
    std::string code;  // as typed: Error(bad_input) unless it can be accepted
    std::string file;
    std::string reason;
    std::string version;  // modified: the blob id (default: the work tree's)
};

// The line written, as core formatted and checked it.
struct AcceptResult {
    core::AcceptedChange written;
    std::string migrations_folder;  // where .migmerge-accepted is, relative to the work tree
};
AcceptResult accept(const WorkspaceRequest& where, const AcceptRequest& request);

}  // namespace migmerge::app
