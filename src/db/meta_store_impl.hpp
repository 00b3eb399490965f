#pragma once
// MetaStore's state, shared by the files that implement its methods.
#include <memory>
#include <optional>
#include <pqxx/pqxx>

#include "meta_schema.hpp"
#include "migmerge/db/meta_store.hpp"

namespace migmerge::db {

struct MetaStore::Impl {
    ConnectionTarget target;
    std::unique_ptr<pqxx::connection> connection;
    std::optional<detail::TableShape> shape;  // known once the table was seen

    // The table's shape, checked once; nullopt while it does not exist.
    std::optional<detail::TableShape> table_shape(pqxx::transaction_base& tx) {
        if (!shape) shape = detail::inspect_table(tx, target);
        return shape;
    }
    std::string what(const std::string& action) const {
        return "cannot " + action + " " + target.qualified_table() + " on " + target.display();
    }
};

}  // namespace migmerge::db
