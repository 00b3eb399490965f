#include "migmerge/run/run_context.hpp"
#include "migmerge/core/accepted.hpp"
#include "migmerge/core/migration_set.hpp"

namespace migmerge::run {

namespace {

std::string in_folder(const RunContext& context, const char* name) {
    const std::string& folder =
        context.migrations_folder.empty() ? context.migrations_dir : context.migrations_folder;
    return folder + "/" + name;
}

}  // namespace

std::string RunContext::ledger_name() const {
    return in_folder(*this, core::ledger_file_name);
}

std::string RunContext::accepted_name() const {
    return in_folder(*this, core::accepted_file_name);
}

}  // namespace migmerge::run
