#include "scratch_database.hpp"

#include "execution.hpp"

namespace migmerge::run {

db::ConnectionTarget on_scratch(const db::ConnectionTarget& project,
                                const db::ConnectionTarget& scratch) {
    db::ConnectionTarget target = project;
    target.params = scratch.params;
    target.password = scratch.password;
    target.source = "scratch database " + scratch.params.at("dbname");
    return target;
}

ScratchDatabase::ScratchDatabase(db::ScratchDatabases& server, const std::string& label,
                                 const db::ConnectionTarget& project,
                                 std::shared_ptr<NodeSession> node, ScratchDatabase* from)
    : node_(std::move(node)), snapshot_options_(server.snapshot_options) {
    std::optional<db::ConnectionTarget> template_target;
    if (from) {
        from->close();
        template_target = from->target();
    }
    target_ = on_scratch(project, server.create(label, template_target));
}

// The pool is closed before the server drops the database: node-postgres
// takes a connection terminated under it badly.
ScratchDatabase::~ScratchDatabase() {
    try {
        close();
    } catch (const std::exception&) {
        // The database is dropped with FORCE next; nothing is left to save.
    }
}

Bridge& ScratchDatabase::bridge() {
    if (!bridge_) {
        bridge_ = std::make_unique<Bridge>(*node_, target_, new_run_application_name(target_));
    }
    return *bridge_;
}

db::MetaStore& ScratchDatabase::store() {
    if (!store_) {
        store_.emplace(target_);
        store_->ensure_table();
    }
    return *store_;
}

StepOutcome ScratchDatabase::up(const LocalMigration& migration) {
    store();  // SequelizeMeta exists before the first migration, as sequelize-cli makes it
    StepOutcome outcome = bridge().up(migration);
    if (outcome.ok) insert_row(migration.name);
    return outcome;
}

StepOutcome ScratchDatabase::down(const LocalMigration& migration) {
    StepOutcome outcome = bridge().down(migration);
    if (outcome.ok) remove_row(migration.name);
    return outcome;
}

void ScratchDatabase::insert_row(const std::string& name) {
    store().insert(name);
}

void ScratchDatabase::remove_row(const std::string& name) {
    store().remove(name);
}

core::SchemaSnapshot ScratchDatabase::snapshot() {
    store();  // SequelizeMeta is part of every snapshot, from the first
    if (!catalog_) catalog_.emplace(target_, snapshot_options_);
    return catalog_->read();
}

void ScratchDatabase::close() {
    if (bridge_) bridge_->close();
    bridge_.reset();
    store_.reset();
    catalog_.reset();
}

}  // namespace migmerge::run
