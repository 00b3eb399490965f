#pragma once
// MetaStore's state, shared by the files that implement its methods.
#include <memory>
#include <optional>
#include <pqxx/pqxx>

#include "meta_schema.hpp"
#include "migmerge/db/meta_store.hpp"

namespace migmerge::db {
namespace detail {

// SequelizeMeta's names in byte order (COLLATE "C", as std::string compares).
std::vector<std::string> names_in_byte_order(pqxx::transaction_base& tx,
                                             const ConnectionTarget& target);

// The checksum records of `target`'s table; empty when the side table is absent.
std::map<std::string, AppliedRecord> read_applied_records(pqxx::transaction_base& tx,
                                                          const ConnectionTarget& target);

}  // namespace detail

struct MetaStore::Impl {
    ConnectionTarget target;
    std::unique_ptr<pqxx::connection> connection;
    std::optional<detail::TableShape> shape;  // known once the table was seen
    std::optional<SideTables> side_tables;    // known once prepared

    // The table's shape, checked once; nullopt while it does not exist.
    std::optional<detail::TableShape> table_shape(pqxx::transaction_base& tx) {
        if (!shape) shape = detail::inspect_table(tx, target);
        return shape;
    }
    // migmerge_applied and migmerge_audit: used as they are when this role
    // may write them, created when missing and it may; once per store.
    const SideTables& ensure_side_tables();
    std::string what(const std::string& action) const {
        return "cannot " + action + " " + target.qualified_table() + " on " + target.display();
    }
};

}  // namespace migmerge::db
