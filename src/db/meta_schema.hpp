#pragma once
// SequelizeMeta's DDL and shape, and migmerge's side tables beside it.
#include <optional>
#include <pqxx/pqxx>

#include "migmerge/db/connection.hpp"

namespace migmerge::db::detail {

struct TableShape {
    bool timestamps = false;  // has "createdAt" and "updatedAt"
};

// nullopt when the table does not exist; Error(bad_input) "SequelizeMeta has
// an unexpected shape: ..." when it has no varchar "name" column.
std::optional<TableShape> inspect_table(pqxx::transaction_base& tx, const ConnectionTarget& target);

// sequelize-cli's DDL, byte for byte except that the table is always
// schema-qualified: sequelize-cli leaves "public" to the search_path, but every
// statement here names the schema, so the DDL must too. CREATE SCHEMA first
// for a non-public schema.
std::string create_table_sql(const ConnectionTarget& target);
void create_table(pqxx::transaction_base& tx, const ConnectionTarget& target);

// The INSERT of one SequelizeMeta row named $1, with both timestamps set to
// now() when the table has them (as sequelize-cli writes it).
std::string insert_row_sql(const ConnectionTarget& target, TableShape shape);

// migmerge_applied and migmerge_audit, in SequelizeMeta's schema.
void create_side_tables(pqxx::transaction_base& tx, const ConnectionTarget& target);

}  // namespace migmerge::db::detail
