#pragma once
// The catalogue statements behind db::CatalogReader, kept apart from the
// C++ that runs them. Both take $1: the excluded table prefixes, a text array.
#include <string>

namespace migmerge::db::detail {

// Columns kind, name, attribute key (NULL: none), attribute value.
std::string catalog_objects_sql();

// One text value: a statement returning (table name, row count, content hash)
// per ordinary table, or NULL when there is no table.
std::string rows_statement_sql();

}  // namespace migmerge::db::detail
