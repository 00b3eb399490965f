#pragma once
// The Node bridge: the command's `node` process executes migrations
// through the project's own sequelize (sequelize-cli's calling convention:
// up/down(queryInterface, Sequelize), which must return a promise). The
// connection, password included, travels over a pipe, never argv or env.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/db/connection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/local_folder.hpp"

namespace migmerge::run {

// A statement as the pg driver sent it: the text and its bind values
// (nullopt for NULL), as `migmerge sql` shows them.
struct SentStatement {
    std::string sql;
    std::vector<std::optional<std::string>> bind;

    friend bool operator==(const SentStatement& a, const SentStatement& b) {
        return a.sql == b.sql && a.bind == b.bind;
    }
};

// The result of one `up` or `down`. A migration's own failure (it throws, has
// no such function, returns no promise, kills node) is an outcome, not an Error.
struct StepOutcome {
    std::string name;
    bool ok = false;
    std::int64_t ms = 0;
    std::string error;
    // SIGTERM or SIGINT arrived while it ran: no outcome yet (Bridge::finish).
    bool interrupted = false;
    bool recorded = false;                  // its SequelizeMeta row was written in its transaction
    std::vector<SentStatement> statements;  // up_capturing's: sent, in order, the failed one last

    friend bool operator==(const StepOutcome& a, const StepOutcome& b) {
        return a.name == b.name && a.ok == b.ok && a.ms == b.ms && a.error == b.error &&
               a.interrupted == b.interrupted;
    }
};

std::ostream& operator<<(std::ostream& out, const StepOutcome& outcome);

class NodeSession;

class Bridge {
  public:
    // Builds the project's Sequelize in `session` (the command's one node
    // process, which may already have evaluated .sequelizerc and the config)
    // and connects. Error(resource) when node cannot be started, when
    // `sequelize` (or `pg`) is not installed in the project, or when the
    // database cannot be reached. Its connections carry `application_name`
    // (db::run_application_name), so the run's statements can be found on
    // the server.
    Bridge(NodeSession& session, const db::ConnectionTarget& target,
           const std::string& application_name);
    ~Bridge();
    Bridge(const Bridge&) = delete;
    Bridge& operator=(const Bridge&) = delete;

    StepOutcome up(const LocalMigration& migration);
    // `up` and `record` in one transaction, commit or nothing (unless the
    // file exports `transaction: false`: then as up(), and not recorded).
    StepOutcome up_in_transaction(const LocalMigration& migration,
                                  const db::RecordStatement& record);
    StepOutcome down(const LocalMigration& migration);
    // As up(), keeping every statement the driver sent meanwhile.
    StepOutcome up_capturing(const LocalMigration& migration);
    // After an interrupted step: the migration's own outcome, waiting up to
    // `grace`; past it node is killed and the step failed.
    StepOutcome finish(const LocalMigration& migration, std::chrono::milliseconds grace);
    int process_id() const;  // of the node process, for tests that watch it die
    // Closes the project's Sequelize and its pool, so that no connection to
    // the database is left (a template database must have none). Steps after
    // it fail. Error(resource) when node does not answer.
    void close();

  private:
    StepOutcome step(const std::string& command, const LocalMigration& migration);
    StepOutcome outcome_of(const std::optional<std::string>& line, const LocalMigration& migration);

    NodeSession& session_;
    const db::ConnectionTarget& target_;
    bool alive_ = true;
};

}  // namespace migmerge::run
