#pragma once
// status: the folder (or, from git, `files_at_ref`: run never reads git)
// against SequelizeMeta, with the folder's own findings.
#include <optional>

#include "migmerge/core/db_status.hpp"
#include "migmerge/core/migration_set.hpp"
#include "migmerge/run/run_context.hpp"

namespace migmerge::run {

core::StatusReport status(const RunContext& context,
                          const std::optional<core::MigrationSet>& files_at_ref);

}  // namespace migmerge::run
