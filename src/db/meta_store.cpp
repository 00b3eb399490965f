#include "migmerge/db/meta_store.hpp"

#include <pqxx/pqxx>

#include "meta_store_impl.hpp"
#include "pg_errors.hpp"
#include "session.hpp"

namespace migmerge::db {
namespace {

std::vector<std::string> column_strings(const pqxx::result& result) {
    std::vector<std::string> values;
    values.reserve(result.size());
    for (const auto& row : result) values.push_back(row[0].as<std::string>());
    return values;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const MetaSnapshot& snapshot) {
    out << "MetaSnapshot{" << (snapshot.table_exists ? "table" : "no table") << ", names:";
    for (const std::string& name : snapshot.names) out << " " << name;
    out << ", records:";
    for (const auto& [name, record] : snapshot.records) out << " " << name << " " << record;
    return out << "}";
}

std::vector<std::string> detail::names_in_byte_order(pqxx::transaction_base& tx,
                                                     const ConnectionTarget& target) {
    return column_strings(
        tx.exec("SELECT name FROM " + target.qualified_table() + " ORDER BY name COLLATE \"C\""));
}

MetaStore::MetaStore(const ConnectionTarget& target) : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->connection = detail::connect(target);
}

MetaStore::~MetaStore() = default;
MetaStore::MetaStore(MetaStore&&) noexcept = default;
MetaStore& MetaStore::operator=(MetaStore&&) noexcept = default;

bool MetaStore::table_exists() {
    return detail::translating_errors(impl_->target, impl_->what("inspect"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        return impl_->table_shape(tx).has_value();
    });
}

void MetaStore::ensure_table() {
    if (impl_->shape) return;  // seen: no round trip per migration
    detail::translating_errors(impl_->target, impl_->what("create"), [&] {
        pqxx::work tx(*impl_->connection);
        if (impl_->table_shape(tx)) return;
        detail::create_table(tx, impl_->target);
        tx.commit();
        impl_->shape.reset();  // re-read on next use: another process may have made it
    });
}

const SideTables& MetaStore::prepare_to_record(bool removing) {
    ensure_table();
    const ConnectionTarget& target = impl_->target;
    const std::string privilege = removing ? "DELETE" : "INSERT";
    const bool allowed = detail::translating_errors(target, impl_->what("inspect"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        return tx
            .exec_params1("SELECT has_table_privilege($1, $2)", target.qualified_table(),
                          privilege)[0]
            .as<bool>();
    });
    if (!allowed) {
        throw resource_failure(impl_->what("record migrations in"),
                               "this role lacks " + privilege + " on it; nothing was run",
                               "GRANT SELECT, INSERT, DELETE ON " + target.qualified_table() +
                                   " TO the role migmerge connects as");
    }
    return impl_->ensure_side_tables();
}

MetaSnapshot MetaStore::snapshot() {
    return detail::translating_errors(impl_->target, impl_->what("read"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        MetaSnapshot snapshot;
        snapshot.table_exists = impl_->table_shape(tx).has_value();
        if (snapshot.table_exists) {
            snapshot.names = detail::names_in_byte_order(tx, impl_->target);
        }
        snapshot.records = detail::read_applied_records(tx, impl_->target);
        return snapshot;
    });
}

std::vector<std::string> MetaStore::names() {
    return detail::translating_errors(impl_->target, impl_->what("read"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        if (!impl_->table_shape(tx)) return std::vector<std::string>{};
        return detail::names_in_byte_order(tx, impl_->target);
    });
}

std::vector<std::string> MetaStore::names_by_collation() {
    return detail::translating_errors(impl_->target, impl_->what("read"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        if (!impl_->table_shape(tx)) return std::vector<std::string>{};
        return column_strings(
            tx.exec("SELECT name FROM " + impl_->target.qualified_table() + " ORDER BY name"));
    });
}

void MetaStore::insert(const std::string& name) {
    ensure_table();
    detail::translating_errors(impl_->target, impl_->what("write"), [&] {
        pqxx::work tx(*impl_->connection);
        tx.exec_params0(detail::insert_row_sql(impl_->target, *impl_->table_shape(tx)), name);
        tx.commit();
    });
}

// A `down` may have dropped every table (queryInterface.dropAllTables(), a
// common initial-schema down): like sequelize-cli's storage, the table is
// created again, empty, as the row is removed, so the undo still succeeds.
void MetaStore::remove(const std::string& name) {
    impl_->shape.reset();
    impl_->side_tables.reset();
    ensure_table();
    detail::translating_errors(impl_->target, impl_->what("write"), [&] {
        pqxx::work tx(*impl_->connection);
        tx.exec_params0("DELETE FROM " + impl_->target.qualified_table() + " WHERE name = $1",
                        name);
        tx.commit();
    });
}

}  // namespace migmerge::db
