#pragma once
// A database's schema (and, by default, its data) as a canonical
// core::SchemaSnapshot, read from the system catalogues. `verify` snapshots
// scratch databases after every migration, so one reader keeps its
// connection open, a snapshot costs a handful of round trips, and it prints
// again only what the migration changed.
#include <memory>
#include <string>
#include <vector>

#include "migmerge/core/schema_snapshot.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::db {

struct SnapshotOptions {
    bool with_data = true;  // "rows" objects: row count and a content hash per table
    std::vector<std::string> excluded_table_prefixes = {"migmerge_"};  // migmerge's own side tables
    // After the first read, print again only the relations whose catalogue
    // rows changed (and those that name them); everything when a schema,
    // type, function or extension changed. Off: every read prints all.
    bool incremental = true;
    // Every read also prints all and fails (Error, exit 1) when the two
    // differ: the self-check that proves the incremental read in tests.
    bool cross_check = false;
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
