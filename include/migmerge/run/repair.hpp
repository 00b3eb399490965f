#pragma once
// repair: SequelizeMeta rewritten per the ledger in one transaction under
// the lock, audited; with context.dry_run, only planned.
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/run_context.hpp"

namespace migmerge::run {

db::RepairReport repair(const RunContext& context, bool prune_orphans);

}  // namespace migmerge::run
