#include "row_changes.hpp"

#include "migmerge/sys/identity.hpp"
#include "pg_array.hpp"
#include "sql_names.hpp"

namespace migmerge::db::detail {
namespace {

std::string old_names(const std::vector<core::RowChange>& changes) {
    std::vector<std::string> names;
    for (const auto& change : changes) names.push_back(change.old_name);
    return text_array_literal(names);
}

std::string new_names(const std::vector<core::RowChange>& changes) {
    std::vector<std::string> names;
    for (const auto& change : changes) names.push_back(change.new_name);
    return text_array_literal(names);
}

std::vector<std::string> column(const pqxx::result& result, int index) {
    std::vector<std::string> values;
    values.reserve(result.size());
    for (const auto& row : result) values.push_back(row[index].as<std::string>());
    return values;
}

}  // namespace

void write_audit(pqxx::transaction_base& tx, const ConnectionTarget& target,
                 const std::vector<core::RowChange>& changes, const std::string& version) {
    tx.exec_params0(
        "INSERT INTO " + side_table(target, audit_table) +
            " (os_user, host, action, meta_table, old_name, new_name, version) "
            "SELECT $3, $4, CASE WHEN m.new_name = '' THEN 'prune' ELSE 'rename' END, $5, "
            "m.old_name, nullif(m.new_name, ''), $6 "
            "FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS m(old_name, new_name, "
            "position) "
            "ORDER BY m.position",
        old_names(changes), new_names(changes), sys::os_user(), sys::host_name(), target.table,
        version);
}

void apply_renames(pqxx::transaction_base& tx, const ConnectionTarget& target, TableShape shape,
                   const std::vector<core::RowChange>& renames) {
    if (renames.empty()) return;
    const std::string table = target.qualified_table();
    // The delete hands back each row's new name (and creation time), which the
    // insert then writes: two statements, so the deleted keys are free again.
    pqxx::result moved =
        tx.exec_params("DELETE FROM " + table +
                           " AS t USING unnest($1::text[], $2::text[]) AS m(old_name, new_name) "
                           "WHERE t.name = m.old_name RETURNING m.new_name" +
                           (shape.timestamps ? ", t.\"createdAt\"::text" : ""),
                       old_names(renames), new_names(renames));
    if (!shape.timestamps) {
        tx.exec_params0("INSERT INTO " + table + " (name) SELECT unnest($1::text[])",
                        text_array_literal(column(moved, 0)));
        return;
    }
    tx.exec_params0("INSERT INTO " + table +
                        " (name, \"createdAt\", \"updatedAt\") SELECT m.name, "
                        "m.created::timestamptz, now() FROM unnest($1::text[], $2::text[]) "
                        "AS m(name, created)",
                    text_array_literal(column(moved, 0)), text_array_literal(column(moved, 1)));
}

void rename_applied_records(pqxx::transaction_base& tx, const ConnectionTarget& target,
                            const std::vector<core::RowChange>& renames) {
    if (renames.empty()) return;
    const std::string table = side_table(target, applied_table);
    pqxx::result moved = tx.exec_params(
        "DELETE FROM " + table +
            " AS a USING unnest($1::text[], $2::text[]) AS m(old_name, new_name) "
            "WHERE a.meta_table = $3 AND a.name = m.old_name "
            "RETURNING m.new_name, a.checksum, a.applied_at::text, a.duration_ms::text, a.host",
        old_names(renames), new_names(renames), target.table);
    tx.exec_params0("INSERT INTO " + table +
                        " (meta_table, name, checksum, applied_at, duration_ms, host) "
                        "SELECT $1, m.* FROM unnest($2::text[], $3::text[], $4::timestamptz[], "
                        "$5::bigint[], $6::text[]) AS m ON CONFLICT DO NOTHING",
                    target.table, text_array_literal(column(moved, 0)),
                    text_array_literal(column(moved, 1)), text_array_literal(column(moved, 2)),
                    text_array_literal(column(moved, 3)), text_array_literal(column(moved, 4)));
}

void apply_deletes(pqxx::transaction_base& tx, const ConnectionTarget& target,
                   const std::vector<core::RowChange>& deletes) {
    if (deletes.empty()) return;
    tx.exec_params0("DELETE FROM " + target.qualified_table() + " WHERE name = ANY($1::text[])",
                    old_names(deletes));
}

}  // namespace migmerge::db::detail
