#pragma once
// What an incremental CatalogReader remembers between snapshots: the
// snapshot it last returned, which relation (owner) printed each object, and
// the catalogue fingerprints it was printed at. Pure bookkeeping, no SQL: the
// reader asks it what to print again and hands it the printed objects.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "migmerge/core/schema_snapshot.hpp"

namespace migmerge::db::detail {

using Oid = long long;
inline constexpr Oid global_owner = 0;  // schemas, extensions, types, functions

struct Fingerprints {
    std::map<Oid, std::string> relations;
    std::set<Oid> tables;  // those of relations that are tables: their rows are hashed
    std::string global;    // includes composite types' relations
};

// One printed catalogue row: kind, name, attribute (empty key: none), owner.
struct PrintedRow {
    std::string kind, name, key, value;
    bool has_key = false;
    Oid owner = global_owner;
};

class CatalogCache {
  public:
    struct Changes {
        bool everything = false;     // nothing cached yet, or the global part changed
        std::vector<Oid> relations;  // changed or new since the cached snapshot
        std::vector<Oid> vanished;   // cached, no longer in the catalogue
        bool tables = false;         // a table among them: the rows statement is stale
        bool any() const { return everything || !relations.empty() || !vanished.empty(); }
    };

    Changes changes_to(const Fingerprints& now) const;

    // Forgets every object of `owners` (each, all when `everything`), then
    // adds `rows`; remembers `now`.
    void update(const Changes& changes, const std::set<Oid>& owners,
                const std::vector<PrintedRow>& rows, Fingerprints now);

    const core::SchemaSnapshot& snapshot() const { return snapshot_; }

  private:
    void forget(Oid owner);
    void add(const PrintedRow& row);

    bool filled_ = false;
    Fingerprints fingerprints_;
    core::SchemaSnapshot snapshot_;
    std::map<Oid, std::vector<std::string>> keys_by_owner_;
};

}  // namespace migmerge::db::detail
