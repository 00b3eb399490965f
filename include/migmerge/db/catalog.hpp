#pragma once
// A database's schema (and, by default, its data) as a canonical
// core::SchemaSnapshot, read from the system catalogues. `verify` snapshots
// scratch databases after every migration, so one reader keeps its
// connection open and a snapshot costs a handful of round trips.
#include <memory>
#include <string>
#include <vector>

#include "migmerge/core/schema_snapshot.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::db {

struct SnapshotOptions {
    bool with_data = true;  // "rows" objects: row count and a content hash per table
    std::vector<std::string> excluded_table_prefixes = {"migmerge_"};  // migmerge's own side tables
};

// Every schema but pg_catalog, information_schema, pg_toast* and pg_temp*;
// never owners, OIDs, ACLs, comments, tablespaces or extensions' members.
// Names are schema-qualified and every expression is printed with
// search_path = pg_catalog, so two databases compare whatever their settings.
class CatalogReader {
  public:
    // Connects; Error(resource) when it cannot.
    explicit CatalogReader(const ConnectionTarget& target, SnapshotOptions options = {});
    ~CatalogReader();
    CatalogReader(CatalogReader&&) noexcept;
    CatalogReader& operator=(CatalogReader&&) noexcept;

    // One repeatable-read, read-only transaction; Error(resource) on failure.
    core::SchemaSnapshot read();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace migmerge::db
