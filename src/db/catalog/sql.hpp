#pragma once
// The catalogue statements behind db::CatalogReader, kept apart from the
// C++ that runs them. The object statements take $1: the excluded table
// prefixes, a text array.
#include <string>

namespace migmerge::db::detail {

// Columns kind, name, attribute key (NULL: none), attribute value, owner
// (the relation's oid, 0 for schemas, extensions, types and functions).
std::string catalog_objects_sql();

// The same columns for the relations listed in $2 (an oid array) only.
std::string relation_objects_sql();

// One text value: a statement returning (table name, row count, content hash)
// per ordinary table, or NULL when there is no table.
std::string rows_statement_sql();

// Columns relation oid, relkind, fingerprint; and one row with oid 0 (kind
// 'g'), the fingerprint of everything that belongs to no relation.
std::string fingerprints_sql();

// The relations in $1 (an oid array) and those whose objects depend on them.
std::string dependents_sql();

}  // namespace migmerge::db::detail
