#include "accept_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace migmerge::cli {

void print_accepted(const Output& output, const app::AcceptResult& result) {
    const core::AcceptedChange& written = result.written;
    const std::string version =
        written.version.empty() ? "" : " (version " + written.version.substr(0, 12) + ")";
    fmt::print(output.out, "Accepted {} {}{}; staged {}/{} with it: commit them.\n",
               core::to_string(written.code), written.file, version, result.migrations_folder,
               core::accepted_file_name);
}

}  // namespace migmerge::cli
