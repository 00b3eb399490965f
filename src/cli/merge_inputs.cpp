#include "merge_inputs.hpp"

#include <CLI/CLI.hpp>

namespace migmerge::cli {

void add_ref_options(CLI::App& command, RefOptions& options) {
    command.add_option("--base", options.base, "The deployed side (default: see docs/DESIGN.md)")
        ->type_name("REF");
    command.add_option("--head", options.head, "The side being merged in (default: HEAD)")
        ->type_name("REF");
    command.add_option("--rename-side", options.rename_side, "Which side's new files move")
        ->transform(CLI::CheckedTransformer(std::map<std::string, core::RenameSide>{
            {"head", core::RenameSide::head}, {"base", core::RenameSide::base}}))
        ->type_name("head|base");
}

core::MergeRequest merge_request(const Project& project, const RefOptions& options) {
    core::MergeRequest request;
    request.base = options.base;
    request.head = options.head;
    request.configured_base = project.settings.base;
    // GitHub Actions sets it for pull_request events: the branch the PR merges into.
    auto pull_request = project.environment.find("GITHUB_BASE_REF");
    if (pull_request != project.environment.end() && !pull_request->second.empty()) {
        request.pull_request_base = pull_request->second;
    }
    request.rename_side = options.rename_side;
    request.folder = project.migrations_folder;
    return request;
}

}  // namespace migmerge::cli
