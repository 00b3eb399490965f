#pragma once
// One database of a verify run: made on the scratch server (empty, or a copy
// of another), with the project's Sequelize connected to it through the node
// bridge and a catalogue reader, both opened on first use and closed before
// the database serves as a template. Rows go to SequelizeMeta as
// sequelize-cli writes them: inserted after `up`, deleted after `down`.
#include <memory>
#include <optional>
#include <string>

#include "migmerge/core/schema_snapshot.hpp"
#include "migmerge/db/catalog.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/bridge.hpp"
#include "migmerge/run/node_session.hpp"

namespace migmerge::run {

// `project` with the scratch database's server, role and name: the project's
// config still shapes Sequelize (dialect options, SequelizeMeta's table and
// schema), but nothing can reach the project's own database.
db::ConnectionTarget on_scratch(const db::ConnectionTarget& project,
                                const db::ConnectionTarget& scratch);

class ScratchDatabase {
  public:
    // An empty database, or a copy of `from` (closed first).
    ScratchDatabase(db::ScratchDatabases& server, const std::string& label,
                    const db::ConnectionTarget& project, std::shared_ptr<NodeSession> node,
                    ScratchDatabase* from = nullptr);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    const db::ConnectionTarget& target() const { return target_; }
    const std::shared_ptr<NodeSession>& node() const { return node_; }
    StepOutcome up(const LocalMigration& migration);  // and its row, when it succeeded
    StepOutcome down(const LocalMigration& migration);
    void insert_row(const std::string& name);
    void remove_row(const std::string& name);
    core::SchemaSnapshot snapshot();
    // Every connection closed; the next step or snapshot opens them again.
    void close();

  private:
    Bridge& bridge();
    db::MetaStore& store();

    db::ConnectionTarget target_;
    std::shared_ptr<NodeSession> node_;
    std::unique_ptr<Bridge> bridge_;
    std::optional<db::MetaStore> store_;
    db::SnapshotOptions snapshot_options_;
    std::optional<db::CatalogReader> catalog_;
};

}  // namespace migmerge::run
