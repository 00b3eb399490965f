// `migmerge accept CODE FILE --reason TEXT`: records a change the project
// lives with (a reformat, a deletion, a legacy name) in .migmerge-accepted,
// so check stops reporting it; staged, to be committed with the change.
#include <CLI/CLI.hpp>

#include "accept_output.hpp"
#include "invocation.hpp"

namespace migmerge::cli {

void add_accept_command(CLI::App& app, Invocation& invocation) {
    auto request = std::make_shared<app::AcceptRequest>();
    CLI::App* command = app.add_subcommand(
        "accept", "Record a deliberate change (an edit, a deletion, a legacy name) as accepted");
    command->add_option("code", request->code, "modified, deleted, invalid-name, ...")->required();
    command->add_option("file", request->file, "The migration's file name")->required();
    command->add_option("--reason", request->reason, "Why it is fine (kept in the file)")
        ->required();
    command
        ->add_option("--version", request->version,
                     "modified: the accepted version's blob id (default: the work tree's)")
        ->type_name("BLOB");
    on_chosen(*command, invocation, [request](const GlobalOptions& global, const Output& output) {
        print_accepted(output, app::accept(workspace_request(global), *request));
        return 0;
    });
}

}  // namespace migmerge::cli
