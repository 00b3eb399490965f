#include "migmerge/app/accept.hpp"

#include "migmerge/core/error.hpp"

namespace migmerge::app {
namespace {

core::FindingCode code_of(const std::string& text) {
    if (auto code = core::acceptable_code(text)) return *code;
    throw bad_input("cannot accept '" + text + "'",
                    "codes that can be accepted: " + core::acceptable_codes_text());
}

}  // namespace

AcceptResult accept(const WorkspaceRequest& where, const AcceptRequest& request) {
    Workspace workspace = open_repository_workspace(where);
    core::AcceptedChange written = workspace.repository->accept_change(
        workspace.migrations_folder,
        {code_of(request.code), request.file, request.reason, request.version});
    return {std::move(written), workspace.migrations_folder};
}

}  // namespace migmerge::app
