#include "meta_schema.hpp"

#include "migmerge/core/error.hpp"
#include "sql_names.hpp"

namespace migmerge::db::detail {
// One round trip to the catalog: information_schema.columns is a view over
// a dozen catalogs and took 16 ms of a 110 ms `status`; pg_attribute is direct.
// format_type names varchar "character varying", as information_schema does.
std::optional<TableShape> inspect_table(pqxx::transaction_base& tx,
                                        const ConnectionTarget& target) {
    pqxx::row shape = tx.exec_params1(
        "SELECT t.oid IS NOT NULL, "
        "(SELECT format_type(a.atttypid, NULL) FROM pg_attribute a WHERE a.attrelid = t.oid "
        "AND a.attname = 'name' AND a.attnum > 0 AND NOT a.attisdropped), "
        "(SELECT count(*) FROM pg_attribute a WHERE a.attrelid = t.oid "
        "AND a.attname IN ('createdAt', 'updatedAt') AND a.attnum > 0 AND NOT a.attisdropped) "
        "FROM (SELECT to_regclass($1)::oid AS oid) t",
        target.qualified_table());
    if (!shape[0].as<bool>()) return std::nullopt;
    std::optional<std::string> name_type;
    if (!shape[1].is_null()) name_type = shape[1].as<std::string>();
    if (name_type != "character varying") {
        throw bad_input(target.table + " has an unexpected shape: " + target.qualified_table(),
                        name_type ? "column \"name\" is " + *name_type + ", not character varying"
                                  : "no column \"name\"");
    }
    return TableShape{shape[2].as<int>() == 2};
}

std::string create_table_sql(const ConnectionTarget& target) {
    std::string columns = "(\"name\" VARCHAR(255) NOT NULL UNIQUE , ";
    if (target.timestamps) {
        columns +=
            "\"createdAt\" TIMESTAMP WITH TIME ZONE NOT NULL, "
            "\"updatedAt\" TIMESTAMP WITH TIME ZONE NOT NULL, ";
    }
    return "CREATE TABLE IF NOT EXISTS " + target.qualified_table() + " " + columns +
           "PRIMARY KEY (\"name\"));";
}

std::string insert_row_sql(const ConnectionTarget& target, TableShape shape) {
    return "INSERT INTO " + target.qualified_table() +
           (shape.timestamps ? " (name, \"createdAt\", \"updatedAt\") VALUES ($1, now(), now())"
                             : " (name) VALUES ($1)");
}

void create_table(pqxx::transaction_base& tx, const ConnectionTarget& target) {
    if (target.schema != "public") {
        tx.exec0("CREATE SCHEMA IF NOT EXISTS " + quote_identifier(target.schema) + ";");
    }
    tx.exec0(create_table_sql(target));
}

void create_side_tables(pqxx::transaction_base& tx, const ConnectionTarget& target) {
    tx.exec0("CREATE TABLE IF NOT EXISTS " + side_table(target, applied_table) +
             " (meta_table text NOT NULL, name text NOT NULL, checksum text NOT NULL, "
             "applied_at timestamptz NOT NULL DEFAULT now(), duration_ms bigint NOT NULL "
             "DEFAULT 0, host text NOT NULL DEFAULT '', PRIMARY KEY (meta_table, name))");
    tx.exec0("CREATE TABLE IF NOT EXISTS " + side_table(target, audit_table) +
             " (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), "
             "db_user text NOT NULL DEFAULT current_user, os_user text, host text, "
             "action text NOT NULL, meta_table text NOT NULL, old_name text, new_name text, "
             "version text)");
}

}  // namespace migmerge::db::detail
