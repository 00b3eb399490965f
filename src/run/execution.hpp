#pragma once
// Runs a list of migrations one way through the bridge, keeping
// SequelizeMeta in step after each (sequelize-cli's order: insert after `up`
// succeeded, delete after `down`), reporting progress, stopping at the first
// failure.
#include <vector>

#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/bridge.hpp"
#include "migmerge/run/runner.hpp"

namespace migmerge::run {

enum class Direction { up, down };

void execute(Direction direction, const std::vector<LocalMigration>& migrations, Bridge& bridge,
             db::MetaStore& store, const ProgressSink& progress, RunReport& report);

}  // namespace migmerge::run
