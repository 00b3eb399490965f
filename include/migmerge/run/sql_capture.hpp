#pragma once
// `migmerge sql`: the statements the pending migrations would send, caught
// in the node bridge while they run on a scratch database (the schema of the
// real database copied there, or the earlier migrations replayed). The real
// database is only read: pg_dump --schema-only and its SequelizeMeta rows.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/db/connection.hpp"
#include "migmerge/run/bridge.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::run {

struct SqlCaptureRequest {
    // The project's connection: its config shapes Sequelize on the copy and,
    // with `from_database`, it is the database whose schema is copied.
    db::ConnectionTarget project;
    bool from_database = true;
    // Without a database: these migrations run first, all of them, and the
    // ones of `folder` they lack are shown. nullopt: `folder`'s, all shown.
    std::optional<std::string> replay_folder;
    std::string folder;                                  // the migrations, absolute
    std::optional<db::ConnectionTarget> scratch_server;  // else an embedded throwaway server
    std::shared_ptr<NodeSession> node;                   // runs the migrations
};

struct MigrationSql {
    std::string name;
    std::vector<SentStatement> statements;  // as the driver sent them, in order
    std::string meta_insert;                // the SequelizeMeta row migmerge writes after it
    bool ok = true;
    std::string error;  // when it failed on the copy: its last statement is the one that failed
};

struct SqlReport {
    std::string copied_from;  // "the schema of host:port/db" or "a replay of N migrations"
    std::vector<MigrationSql> migrations;  // the pending ones, in the order they run
    bool failed() const { return !migrations.empty() && !migrations.back().ok; }
};

// Error(resource) when the scratch server, pg_dump or psql fail or the
// database cannot be read; a migration failing on the copy is in the report.
SqlReport capture_sql(const SqlCaptureRequest& request);

}  // namespace migmerge::run
