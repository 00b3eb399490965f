// `migmerge accept CODE FILE --reason TEXT`: records a change the project
// lives with (a reformat, a deletion, a legacy name) in .migmerge-accepted,
// so check stops reporting it; staged, to be committed with the change.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "invocation.hpp"
#include "migmerge/core/error.hpp"
#include "project.hpp"

namespace migmerge::cli {
namespace {

struct AcceptOptions {
    std::string code;
    std::string file;
    std::string reason;
    std::string version;
};

core::FindingCode code_of(const std::string& text) {
    if (auto code = core::acceptable_code(text)) return *code;
    throw bad_input("cannot accept '" + text + "'",
                    "codes that can be accepted: " + core::acceptable_codes_text());
}

int run_accept(const GlobalOptions& global, const AcceptOptions& options, const Output& output) {
    Project project = open_repository_project(global);
    core::AcceptedChange written = project.repository->accept_change(
        project.migrations_folder,
        {code_of(options.code), options.file, options.reason, options.version});
    fmt::print(output.out, "Accepted {} {}{}; staged {}/{} with it: commit them.\n",
               core::to_string(written.code), written.file,
               written.version.empty() ? "" : " (version " + written.version.substr(0, 12) + ")",
               project.migrations_folder, core::accepted_file_name);
    return 0;
}

}  // namespace

void add_accept_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<AcceptOptions>();
    CLI::App* command = app.add_subcommand(
        "accept", "Record a deliberate change (an edit, a deletion, a legacy name) as accepted");
    command->add_option("code", options->code, "modified, deleted, invalid-name, ...")->required();
    command->add_option("file", options->file, "The migration's file name")->required();
    command->add_option("--reason", options->reason, "Why it is fine (kept in the file)")
        ->required();
    command
        ->add_option("--version", options->version,
                     "modified: the accepted version's blob id (default: the work tree's)")
        ->type_name("BLOB");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_accept(global, *options, output);
    });
}

}  // namespace migmerge::cli
