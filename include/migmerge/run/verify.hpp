#pragma once
// `migmerge verify`: the project's migrations run with its own Sequelize on
// scratch databases (an embedded throwaway PostgreSQL, or a server where
// only databases named migmerge_verify_* are made and dropped), proving
// that they replay, reverse, tolerate the merge's deployed orders and, when
// the project promises it, run again harmlessly. Schemas are compared as
// catalogue snapshots, object by object.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/verify.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::run {

// A database deployed from one side of the merge.
struct DeployedHistory {
    std::string side;         // "base" | "head"
    std::string description;  // "deployed from base (origin/main)"
    std::string folder;       // that side's migrations, as deployed
};

struct VerifyRequest {
    // The project's own connection, for its config (dialect options,
    // SequelizeMeta's table and schema); its server is never contacted.
    db::ConnectionTarget project;
    // --scratch-url's server; nullopt: an embedded one is started.
    std::optional<db::ConnectionTarget> scratch_server;
    std::string folder;  // the migrations verified: absolute
    // With refs: the merge base's migrations and each side's history.
    std::optional<std::string> merge_base_folder;
    std::vector<DeployedHistory> histories;
    std::vector<core::VerifyCheck> checks;
    // The command's node process, and more for work that runs in parallel.
    std::shared_ptr<NodeSession> node;
    std::function<std::shared_ptr<NodeSession>()> new_node;
    // How many segments the per-migration walk is split into, each on a
    // database and node process of its own; 0: one per core, as long as each
    // walks enough migrations to be worth its catch-up (tests ask for more).
    std::size_t walk_segments = 0;
    std::string version;  // migmerge's, for the audit table of migrate's runs
    // Every snapshot also read in full and compared (MIGMERGE_CROSS_CHECK_SNAPSHOTS=1):
    // the self-check the tests run verify under.
    bool cross_check_snapshots = false;
};

struct VerifyEvent {
    enum class Kind { started, finished, failed };
    Kind kind;
    std::string check;      // "replay", "reversible", "order: deployed from base", ...
    std::string migration;  // empty for a whole check
    double seconds = 0;
    std::string error;
};
using VerifySink = std::function<void(const VerifyEvent&)>;

struct CheckResult {
    core::VerifyCheck check;
    std::vector<core::Finding> findings;
    std::string proven;  // what passing showed, in one sentence ("" when it failed)
    double seconds = 0;
    bool skipped = false;  // an earlier failure left nothing to run it on
    std::string skipped_because;
};

struct VerifyReport {
    std::string server;  // "embedded PostgreSQL 15 (/usr/lib/postgresql/15/bin)" or the URL's host
    std::string databases;  // the scratch databases' common prefix, "migmerge_verify_<run id>_"
    std::size_t migrations = 0;
    std::vector<CheckResult> checks;
    double seconds = 0;
};

// Error(resource) when no scratch server can be had (naming what is
// missing), Error(bad_input) for an unreadable folder; a migration's failure
// is a finding. SIGINT/SIGTERM stop it after the running step, with every
// scratch database and the embedded server removed.
VerifyReport verify(const VerifyRequest& request, const VerifySink& progress);

}  // namespace migmerge::run
