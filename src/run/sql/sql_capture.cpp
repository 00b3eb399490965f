// run::capture_sql: a scratch database brought to where the real one stands
// (its schema, or the earlier migrations replayed), then each pending `up`
// run there with the bridge catching what it sends.
#include "migmerge/run/sql_capture.hpp"

#include "migmerge/core/error.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/core/sql_script.hpp"
#include "migmerge/db/catalog.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/local_folder.hpp"
#include "schema_copy.hpp"
#include "verify/scratch_database.hpp"
#include "verify/scratch_server.hpp"

namespace migmerge::run {
namespace {

// The embedded server when no --scratch-url is given.
struct Server {
    std::unique_ptr<ScratchServer> embedded;
    db::ConnectionTarget admin;
    std::string bindir;  // pg_dump's and psql's; empty: PATH
};

Server start_server(const SqlCaptureRequest& request) {
    Server server;
    if (request.scratch_server) {
        server.admin = *request.scratch_server;
        server.bindir = find_server_bindir().value_or("");
        return server;
    }
    server.embedded = ScratchServer::start();
    server.admin = server.embedded->admin_target();
    server.bindir = server.embedded->bindir();
    return server;
}

std::vector<std::string> names_of(const LocalFolder& folder) {
    std::vector<std::string> names;
    for (const LocalMigration& migration : folder.migrations) names.push_back(migration.name);
    return names;
}

// The scratch database, its Sequelize and its SequelizeMeta.
struct Copy {
    db::ConnectionTarget target;
    Bridge bridge;
    db::MetaStore store;

    Copy(const db::ConnectionTarget& scratch, NodeSession& node)
        : target(scratch), bridge(node, target, "migmerge-sql"), store(target) {
        store.ensure_table();
    }
};

// The earlier migrations, run and recorded as migrate would; their names.
std::vector<std::string> replay(Copy& copy, const std::string& dir) {
    const LocalFolder earlier = read_local_folder(dir);
    for (const LocalMigration& migration : earlier.migrations) {
        const StepOutcome outcome = copy.bridge.up(migration);
        if (!outcome.ok) {
            throw resource_failure("cannot replay " + migration.name + " on the scratch database",
                                   outcome.error);
        }
        copy.store.insert(migration.name);
    }
    return names_of(earlier);
}

MigrationSql capture(Copy& copy, const LocalMigration& migration) {
    StepOutcome outcome = copy.bridge.up_capturing(migration);
    MigrationSql shown{migration.name, std::move(outcome.statements),
                       core::meta_insert(copy.target.schema, copy.target.table, migration.name),
                       outcome.ok, outcome.error};
    if (outcome.ok) copy.store.insert(migration.name);
    return shown;
}

}  // namespace

SqlReport capture_sql(const SqlCaptureRequest& request) {
    const LocalFolder folder = read_local_folder(request.folder);
    Server server = start_server(request);
    db::ScratchDatabases databases(server.admin);
    const db::ConnectionTarget scratch = on_scratch(request.project, databases.create("sql"));
    SqlReport report{"an empty database", {}};
    std::vector<std::string> rows;
    if (request.from_database) {
        rows = db::MetaStore(request.project).snapshot().names;  // read only
        copy_schema(request.project, scratch, server.bindir);
        report.copied_from = "the schema of " + request.project.display();
    }
    Copy copy(scratch, *request.node);  // closed before `databases` drops the database
    if (!request.from_database && request.replay_folder) {
        rows = replay(copy, *request.replay_folder);
        report.copied_from = "a replay of " + std::to_string(rows.size()) + " migrations";
    }
    for (const LocalMigration& migration : core::pending_migrations(folder, rows, std::nullopt)) {
        report.migrations.push_back(capture(copy, migration));
        if (!report.migrations.back().ok) break;
    }
    return report;
}

}  // namespace migmerge::run
