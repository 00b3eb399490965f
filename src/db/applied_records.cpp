// MetaStore's checksum side table, migmerge_applied: what each migration's
// file looked like when it ran, so `status` can report modified-after-apply.
#include <pqxx/pqxx>

#include "meta_store_impl.hpp"
#include "pg_errors.hpp"
#include "sql_names.hpp"

namespace migmerge::db {

std::ostream& operator<<(std::ostream& out, const AppliedRecord& record) {
    return out << "{checksum " << record.checksum << ", applied_at " << record.applied_at << ", "
               << record.duration_ms << " ms, host " << record.host << "}";
}

namespace detail {

std::map<std::string, AppliedRecord> read_applied_records(pqxx::transaction_base& tx,
                                                          const ConnectionTarget& target) {
    std::map<std::string, AppliedRecord> records;
    // A role that may not read it (status as a read-only role) does without.
    if (!tx.exec_params1("SELECT to_regclass($1) IS NOT NULL AND "
                         "has_table_privilege(to_regclass($1), 'SELECT')",
                         side_table(target, applied_table))[0]
             .as<bool>()) {
        return records;
    }
    pqxx::result rows = tx.exec_params(
        "SELECT name, checksum, "
        "to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "duration_ms, host FROM " +
            side_table(target, applied_table) + " WHERE meta_table = $1",
        target.table);
    for (const auto& row : rows) {
        records.emplace_hint(records.end(), row[0].as<std::string>(),
                             AppliedRecord{row[1].as<std::string>(), row[2].as<std::string>(),
                                           row[3].as<std::int64_t>(), row[4].as<std::string>()});
    }
    return records;
}

}  // namespace detail

std::map<std::string, AppliedRecord> MetaStore::applied_records() {
    return detail::translating_errors(impl_->target, impl_->what("read checksums beside"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        return detail::read_applied_records(tx, impl_->target);
    });
}

namespace {

// The upsert of one checksum record; $1 name, $2 checksum, $3 applied_at (empty
// means "now", in the server's clock like the audit's), $4 duration, $5 host,
// $6 the SequelizeMeta table it belongs to.
std::string upsert_record_sql(const ConnectionTarget& target) {
    return "INSERT INTO " + detail::side_table(target, detail::applied_table) +
           " (meta_table, name, checksum, applied_at, duration_ms, host) "
           "VALUES ($6, $1, $2, coalesce(nullif($3, '')::timestamptz, now()), $4, $5) "
           "ON CONFLICT (meta_table, name) DO UPDATE SET checksum = excluded.checksum, "
           "applied_at = excluded.applied_at, duration_ms = excluded.duration_ms, "
           "host = excluded.host";
}

}  // namespace

namespace {

struct SideTableAccess {
    bool applied = false;  // exists and writable
    bool audit = false;
    bool missing = false;  // one of them does not exist
};

// One round trip: whether each exists, and whether this role may write it.
SideTableAccess side_table_access(pqxx::transaction_base& tx, const ConnectionTarget& target) {
    const std::string applied = detail::side_table(target, detail::applied_table);
    const std::string audit = detail::side_table(target, detail::audit_table);
    pqxx::row row = tx.exec_params1(
        "SELECT to_regclass($1) IS NOT NULL AND "
        "has_table_privilege(to_regclass($1), 'SELECT,INSERT,UPDATE,DELETE'), "
        "to_regclass($2) IS NOT NULL AND has_table_privilege(to_regclass($2), 'INSERT') AND "
        "has_sequence_privilege(pg_get_serial_sequence($2, 'id'), 'USAGE'), "
        "to_regclass($1) IS NULL OR to_regclass($2) IS NULL",
        applied, audit);
    return {row[0].as<bool>(), row[1].as<bool>(), row[2].as<bool>()};
}

// Creating needs CREATE on the schema; without it the role does without.
std::optional<std::string> try_create(pqxx::connection& connection,
                                      const ConnectionTarget& target) {
    try {
        pqxx::work tx(connection);
        detail::create_side_tables(tx, target);
        tx.commit();
        return std::nullopt;
    } catch (const pqxx::insufficient_privilege& error) {
        return detail::clean_message(error.what(), target);
    }
}

// One line, whichever of the two is missing.
std::vector<std::string> doing_without(const SideTables& tables, const std::string& why) {
    if (tables.checksums && tables.audit) return {};
    std::string tables_named = !tables.checksums && !tables.audit
                                   ? "migmerge_applied or migmerge_audit"
                               : !tables.checksums ? "migmerge_applied"
                                                   : "migmerge_audit";
    std::string consequence = !tables.checksums && !tables.audit
                                  ? "no checksums are recorded and repairs are not audited"
                              : !tables.checksums ? "no checksums are recorded"
                                                  : "repairs are not audited";
    return {"cannot use " + tables_named + " (" + why + "): " + consequence +
            "; a DBA can create them (README, \"Restricted roles\")"};
}

}  // namespace

const SideTables& MetaStore::Impl::ensure_side_tables() {
    if (side_tables) return *side_tables;
    detail::translating_errors(target, what("prepare tables beside"), [&] {
        SideTableAccess access = [&] {
            pqxx::read_transaction tx(*connection);
            return side_table_access(tx, target);
        }();
        std::string why = "this role may not write it";
        if (access.missing) {
            std::optional<std::string> refused = try_create(*connection, target);
            if (refused) why = *refused;
            pqxx::read_transaction tx(*connection);
            access = side_table_access(tx, target);
        }
        SideTables tables{access.applied, access.audit, {}};
        tables.warnings = doing_without(tables, why);
        side_tables = tables;
    });
    return *side_tables;
}

void MetaStore::record_applied(const std::string& name, const AppliedRecord& record) {
    const ConnectionTarget& target = impl_->target;
    if (!impl_->ensure_side_tables().checksums) return;
    detail::translating_errors(target, impl_->what("record checksums beside"), [&] {
        pqxx::nontransaction tx(*impl_->connection);
        tx.exec_params0(upsert_record_sql(target), name, record.checksum, record.applied_at,
                        record.duration_ms, record.host, target.table);
    });
}

// A data-modifying CTE makes the two inserts one statement: atomic without a
// transaction block, and one round trip instead of eight per migration.
RecordStatement MetaStore::record_run_statement(const std::string& name,
                                                const AppliedRecord& record) {
    const ConnectionTarget& target = impl_->target;
    ensure_table();
    const bool checksums = impl_->ensure_side_tables().checksums;
    // A nontransaction sends nothing while the table's shape is known.
    const std::string meta_insert = detail::translating_errors(target, impl_->what("inspect"), [&] {
        pqxx::nontransaction tx(*impl_->connection);
        return detail::insert_row_sql(target, *impl_->table_shape(tx));
    });
    if (!checksums) return {meta_insert, {name}, std::nullopt};
    // $4, the duration, is what a caller running `up` first fills in after.
    return {"WITH meta AS (" + meta_insert + ") " + upsert_record_sql(target),
            {name, record.checksum, record.applied_at, std::to_string(record.duration_ms),
             record.host, target.table},
            3};
}

void MetaStore::record_run(const std::string& name, const AppliedRecord& record) {
    const RecordStatement statement = record_run_statement(name, record);
    detail::translating_errors(impl_->target, impl_->what("write"), [&] {
        pqxx::nontransaction tx(*impl_->connection);
        tx.exec_params0(statement.sql, pqxx::prepare::make_dynamic_params(statement.parameters));
    });
}

}  // namespace migmerge::db
