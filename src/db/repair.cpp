// MetaStore::repair: plan with core, apply in one transaction. The caller
// holds the advisory lock; this function only guarantees all-or-nothing.
#include <pqxx/pqxx>

#include "meta_store_impl.hpp"
#include "pg_errors.hpp"
#include "row_changes.hpp"

namespace migmerge::db {
namespace {

core::RepairPlan plan_for(pqxx::transaction_base& tx, const ConnectionTarget& target,
                          const core::Ledger& ledger, std::vector<std::string> files,
                          bool prune_orphans) {
    return core::plan_repair(
        {detail::names_in_byte_order(tx, target), ledger, std::move(files), prune_orphans});
}

// Audit first: a repair that dies half-way leaves neither audit nor changes.
void apply(pqxx::transaction_base& tx, const ConnectionTarget& target, detail::TableShape shape,
           const SideTables& side, const core::RepairPlan& plan, const std::string& version) {
    std::vector<core::RowChange> renames, deletes;
    for (const auto& change : plan.changes) {
        (change.is_delete() ? deletes : renames).push_back(change);
    }
    if (side.audit) detail::write_audit(tx, target, plan.changes, version);
    detail::apply_renames(tx, target, shape, renames);
    if (side.checksums) detail::rename_applied_records(tx, target, renames);
    detail::apply_deletes(tx, target, deletes);
}

}  // namespace

RepairReport MetaStore::repair(const core::Ledger& ledger, std::vector<std::string> files,
                               bool prune_orphans, bool dry_run, const std::string& version) {
    const ConnectionTarget& target = impl_->target;
    // Prepared outside the repair's transaction: a side table this role
    // cannot create must not abort the repair itself.
    const SideTables* side = nullptr;
    if (!dry_run && table_exists()) side = &impl_->ensure_side_tables();
    return detail::translating_errors(target, impl_->what("repair"), [&] {
        RepairReport report;
        // A dry run must not write, not even DDL: the server enforces it.
        std::unique_ptr<pqxx::transaction_base> tx;
        if (dry_run)
            tx = std::make_unique<pqxx::read_transaction>(*impl_->connection);
        else
            tx = std::make_unique<pqxx::work>(*impl_->connection);
        auto shape = impl_->table_shape(*tx);
        report.table_existed = shape.has_value();
        if (!shape) return report;
        report.plan = plan_for(*tx, target, ledger, std::move(files), prune_orphans);
        if (dry_run || report.plan.changes.empty()) return report;
        apply(*tx, target, *shape, *side, report.plan, version);
        tx->commit();
        report.applied = true;
        report.warnings = side->warnings;
        return report;
    });
}

}  // namespace migmerge::db
