#pragma once
// SequelizeMeta and migmerge's side tables (checksums, audit) on one
// connection. Every statement is parameterized: a migration name is data.
#include <chrono>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "migmerge/core/ledger.hpp"
#include "migmerge/core/repair_plan.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::db {

struct AppliedRecord {
    std::string checksum;  // sha256 hex of the file when it was applied
    std::string applied_at;
    std::int64_t duration_ms = 0;
    std::string host;

    friend bool operator==(const AppliedRecord& a, const AppliedRecord& b) {
        return a.checksum == b.checksum && a.applied_at == b.applied_at &&
               a.duration_ms == b.duration_ms && a.host == b.host;
    }
};
std::ostream& operator<<(std::ostream& out, const AppliedRecord& record);

// What `status` and `migrate` read, from one snapshot (one read transaction).
struct MetaSnapshot {
    bool table_exists = false;
    std::vector<std::string> names;                // byte order
    std::map<std::string, AppliedRecord> records;  // empty when no side table

    friend bool operator==(const MetaSnapshot& a, const MetaSnapshot& b) {
        return a.table_exists == b.table_exists && a.names == b.names && a.records == b.records;
    }
};
std::ostream& operator<<(std::ostream& out, const MetaSnapshot& snapshot);

struct RepairReport {
    core::RepairPlan plan;
    bool table_existed = false;
    bool applied = false;  // false under --dry-run or when there was nothing to do

    friend bool operator==(const RepairReport& a, const RepairReport& b) {
        return a.plan == b.plan && a.table_existed == b.table_existed && a.applied == b.applied;
    }
};

class MetaStore {
  public:
    explicit MetaStore(const ConnectionTarget& target);  // connects; Error(resource)
    ~MetaStore();
    MetaStore(MetaStore&&) noexcept;
    MetaStore& operator=(MetaStore&&) noexcept;

    bool table_exists();
    void ensure_table();  // sequelize-cli's exact DDL; nothing once the table was seen
    MetaSnapshot snapshot();
    std::vector<std::string> names();                        // byte order
    std::vector<std::string> names_by_collation();           // the database's order: umzug's "last"
    void insert(const std::string& name);                    // after `up` succeeded
    void remove(const std::string& name);                    // after `down` succeeded
    std::map<std::string, AppliedRecord> applied_records();  // empty when no side table
    void record_applied(const std::string& name, const AppliedRecord& record);
    // After `up` succeeded: the SequelizeMeta row and its checksum record in
    // one statement (one round trip, both or neither). The table must exist.
    void record_run(const std::string& name, const AppliedRecord& record);

    // Plans with core::plan_repair and applies in one transaction, set-based,
    // audited. The caller holds the lock.
    // `files`: the names sequelize-cli would run (taken, not copied: 100,000
    // names are worth moving).
    RepairReport repair(const core::Ledger& ledger, std::vector<std::string> files,
                        bool prune_orphans, bool dry_run, const std::string& version);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A session-level pg_advisory_lock on a connection of its own, keyed to the
// SequelizeMeta table. Released by the destructor, and by the server when the
// process dies. timeout 0: give up at once. Error(resource) on timeout, naming
// the holder's pid and application_name when the server tells.
//
// The key, for operators and other tools that want to take part:
//   pg_advisory_lock(1835494759, hashtext('"schema"."table"'))
// 1835494759 is 0x6D676D67 ("mgmg"); the text is ConnectionTarget::qualified_table().
class AdvisoryLock {
  public:
    AdvisoryLock(const ConnectionTarget& target, std::chrono::seconds timeout);
    // Connects only, so the connection can be made while other work runs;
    // acquire() takes the lock.
    explicit AdvisoryLock(const ConnectionTarget& target);
    void acquire(std::chrono::seconds timeout);
    ~AdvisoryLock();
    AdvisoryLock(AdvisoryLock&&) noexcept;
    AdvisoryLock& operator=(AdvisoryLock&&) = delete;
    AdvisoryLock(const AdvisoryLock&) = delete;
    AdvisoryLock& operator=(const AdvisoryLock&) = delete;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace migmerge::db
