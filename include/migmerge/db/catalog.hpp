#pragma once
// A database's schema (and, by default, its data) as a canonical
// core::SchemaSnapshot, read from the system catalogues. `verify` snapshots
// scratch databases after every migration, so one reader keeps its
// connection open, a snapshot costs a handful of round trips, and it prints
// again only what the migration changed. Its databases are throwaway ones
// (ScratchDatabases), on a server where migmerge may make them (the embedded
// scratch server, or --scratch-url's). The name prefix is the safety line:
// migmerge creates and drops only migmerge_verify_* databases, so a mistaken
// --scratch-url cannot cost anyone a real database.
#include <memory>
#include <optional>
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

inline constexpr const char* scratch_database_prefix = "migmerge_verify_";

// Every name it creates is scratch_database_prefix + an 8-hex run id + "_" +
// label; the run id is random and unused on the server, so two runs sharing a
// server never meet.
class ScratchDatabases {
  public:
    // `admin`: a connection to the server's maintenance database (its dbname,
    // default "postgres"). Error(resource) when it cannot connect, or when the
    // role may not create databases ("role X may not create databases (CREATEDB)").
    explicit ScratchDatabases(ConnectionTarget admin);
    // Drops every database it created that still exists (WITH (FORCE)); never throws.
    ~ScratchDatabases();
    ScratchDatabases(const ScratchDatabases&) = delete;
    ScratchDatabases& operator=(const ScratchDatabases&) = delete;

    // A new empty database (TEMPLATE template0), or a copy of `from`, a
    // database on the same server that nobody may be connected to while it is
    // copied (PostgreSQL's rule; the Error says so). Returns `admin` with
    // dbname replaced. `label`: [a-z0-9_], 1 to 38 characters (names stay
    // within PostgreSQL's 63 bytes); Error(bad_input) otherwise.
    ConnectionTarget create(const std::string& label,
                            const std::optional<ConnectionTarget>& from = std::nullopt);
    // Drops it, ending its connections; Error(bad_input) for a name without
    // the prefix or a database on another server, whoever created it.
    void drop(const ConnectionTarget& database);

    const std::string& run_id() const;
    // How the catalogue of this run's databases is read (verify's self-check
    // turns cross_check on).
    SnapshotOptions snapshot_options;
    const std::vector<std::string>& created() const;  // not yet dropped, oldest first

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace migmerge::db
