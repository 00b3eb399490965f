#pragma once
// What every run-layer command shares: where it works (the connection, the
// folder, the node process, the lock's patience, the dry run) and how it
// tells of each migration as it goes.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "migmerge/db/connection.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::run {

struct RunContext {
    db::ConnectionTarget target;
    std::string project_dir;        // where `sequelize` is resolved from and migrations run
    std::string migrations_dir;     // absolute
    std::string migrations_folder;  // as messages name it: relative to the work tree
    // The command's one node process: it may already have evaluated the
    // project's .sequelizerc and config, and it runs the migrations.
    std::shared_ptr<NodeSession> node;
    std::chrono::seconds lock_timeout{300};
    bool dry_run = false;
    std::string version;  // migmerge's, for the audit table

    // The ledger's and the accepted changes' paths, in messages.
    std::string ledger_name() const;
    std::string accepted_name() const;
};

struct MigrationEvent {
    enum class Kind { started, finished, failed };
    Kind kind;
    std::string name;
    double seconds = 0;
    std::string error;  // for failed
};
using ProgressSink = std::function<void(const MigrationEvent&)>;

}  // namespace migmerge::run
