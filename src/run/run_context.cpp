#include "migmerge/core/ledger.hpp"
#include "migmerge/run/runner.hpp"

namespace migmerge::run {

std::string RunContext::ledger_name() const {
    const std::string& folder = migrations_folder.empty() ? migrations_dir : migrations_folder;
    return folder + "/" + core::ledger_file_name;
}

}  // namespace migmerge::run
