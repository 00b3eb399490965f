// `migmerge check`: compares two refs and their merge base; prints findings.
#include "judge.hpp"

namespace migmerge::cli {

void add_check_command(CLI::App& app, Invocation& invocation) {
    add_report_command(app, invocation, MergeCommand::check,
                       "Compare the migrations of two refs and their merge base; print findings");
}

}  // namespace migmerge::cli
