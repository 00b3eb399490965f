#include "meta_schema.hpp"

#include "migmerge/core/error.hpp"
#include "sql_names.hpp"

namespace migmerge::db::detail {
namespace {

bool relation_exists(pqxx::transaction_base& tx, const std::string& qualified) {
    return tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", qualified)[0].as<bool>();
}

}  // namespace

std::optional<TableShape> inspect_table(pqxx::transaction_base& tx,
                                        const ConnectionTarget& target) {
    if (!relation_exists(tx, target.qualified_table())) return std::nullopt;
    pqxx::result columns = tx.exec_params(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = $1 AND table_name = $2",
        target.schema, target.table);
    std::optional<std::string> name_type;
    int timestamp_columns = 0;
    for (const auto& column : columns) {
        std::string column_name = column[0].as<std::string>();
        if (column_name == "name") name_type = column[1].as<std::string>();
        if (column_name == "createdAt" || column_name == "updatedAt") ++timestamp_columns;
    }
    if (name_type != "character varying") {
        throw bad_input(target.table + " has an unexpected shape: " + target.qualified_table(),
                        name_type ? "column \"name\" is " + *name_type + ", not character varying"
                                  : "no column \"name\"");
    }
    return TableShape{timestamp_columns == 2};
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

void create_table(pqxx::transaction_base& tx, const ConnectionTarget& target) {
    if (target.schema != "public") {
        tx.exec0("CREATE SCHEMA IF NOT EXISTS " + quote_identifier(target.schema) + ";");
    }
    tx.exec0(create_table_sql(target));
}

void create_side_tables(pqxx::transaction_base& tx, const ConnectionTarget& target) {
    tx.exec0("CREATE TABLE IF NOT EXISTS " + side_table(target, kAppliedTable) +
             " (meta_table text NOT NULL, name text NOT NULL, checksum text NOT NULL, "
             "applied_at timestamptz NOT NULL DEFAULT now(), duration_ms bigint NOT NULL "
             "DEFAULT 0, host text NOT NULL DEFAULT '', PRIMARY KEY (meta_table, name))");
    tx.exec0("CREATE TABLE IF NOT EXISTS " + side_table(target, kAuditTable) +
             " (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), "
             "db_user text NOT NULL DEFAULT current_user, os_user text, host text, "
             "action text NOT NULL, meta_table text NOT NULL, old_name text, new_name text, "
             "version text)");
}

bool side_table_exists(pqxx::transaction_base& tx, const ConnectionTarget& target,
                       const std::string& name) {
    return relation_exists(tx, side_table(target, name));
}

}  // namespace migmerge::db::detail
