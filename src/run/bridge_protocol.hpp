#pragma once
// The bridge's wire format (see bridge.js): JSON lines built and read here,
// so that Bridge itself speaks in migmerge terms.
#include <string>

#include "migmerge/db/connection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/bridge.hpp"

namespace migmerge::run::protocol {

// `application_name`: what the bridge's connections show in pg_stat_activity.
std::string init_command(const db::ConnectionTarget& target, const std::string& application_name);
std::string step_command(const std::string& direction, const LocalMigration& migration);
// `up` inside a transaction that also executes `record` (unless the file
// opts out with `transaction: false`).
std::string transactional_step_command(const LocalMigration& migration,
                                       const db::RecordStatement& record);

// `up`, and every statement the driver sends meanwhile returned in the reply.
std::string capturing_step_command(const LocalMigration& migration);

struct Reply {
    bool ok = false;
    std::string kind;  // for errors: sequelize-missing, connect-failed, migration-failed, ...
    std::string name;
    std::int64_t ms = 0;
    std::string message;
    bool recorded = false;                  // the bridge wrote the SequelizeMeta row itself
    std::vector<SentStatement> statements;  // a capturing step's
};

// Error(resource) when the line is not a reply the bridge could have sent.
Reply parse_reply(const std::string& line);

}  // namespace migmerge::run::protocol
