#include "ref_options.hpp"

#include <CLI/CLI.hpp>

#include "choices.hpp"

namespace migmerge::cli {

void add_ref_options(CLI::App& command, app::RefRequest& refs) {
    command
        .add_option("--base", refs.base,
                    "The deployed side (default: the merge in progress or at HEAD, else "
                    "GITHUB_BASE_REF or \"base\" in migmerge.json; see man migmerge)")
        ->type_name("REF");
    command.add_option("--head", refs.head, "The side being merged in (default: HEAD)")
        ->type_name("REF");
    add_choice_option(command, "--rename-side", refs.rename_side, "Which side's new files move",
                      {{"head", core::RenameSide::head}, {"base", core::RenameSide::base}});
}

}  // namespace migmerge::cli
