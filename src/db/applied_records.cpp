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

std::map<std::string, AppliedRecord> MetaStore::applied_records() {
    const ConnectionTarget& target = impl_->target;
    return detail::translating_errors(target, impl_->what("read checksums beside"), [&] {
        pqxx::read_transaction tx(*impl_->connection);
        std::map<std::string, AppliedRecord> records;
        if (!detail::side_table_exists(tx, target, detail::kAppliedTable)) return records;
        pqxx::result rows = tx.exec_params(
            "SELECT name, checksum, "
            "to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
            "duration_ms, host FROM " +
                detail::side_table(target, detail::kAppliedTable) + " WHERE meta_table = $1",
            target.table);
        for (const auto& row : rows) {
            records[row[0].as<std::string>()] =
                AppliedRecord{row[1].as<std::string>(), row[2].as<std::string>(),
                              row[3].as<std::int64_t>(), row[4].as<std::string>()};
        }
        return records;
    });
}

// An empty applied_at means "now", in the server's clock like the audit's.
void MetaStore::record_applied(const std::string& name, const AppliedRecord& record) {
    const ConnectionTarget& target = impl_->target;
    detail::translating_errors(target, impl_->what("record checksums beside"), [&] {
        pqxx::work tx(*impl_->connection);
        detail::create_side_tables(tx, target);
        tx.exec_params0(
            "INSERT INTO " + detail::side_table(target, detail::kAppliedTable) +
                " (meta_table, name, checksum, applied_at, duration_ms, host) "
                "VALUES ($1, $2, $3, coalesce(nullif($4, '')::timestamptz, now()), $5, $6) "
                "ON CONFLICT (meta_table, name) DO UPDATE SET checksum = excluded.checksum, "
                "applied_at = excluded.applied_at, duration_ms = excluded.duration_ms, "
                "host = excluded.host",
            target.table, name, record.checksum, record.applied_at, record.duration_ms,
            record.host);
        tx.commit();
    });
}

}  // namespace migmerge::db
