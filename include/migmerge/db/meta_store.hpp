#pragma once
// SequelizeMeta and migmerge's side tables (checksums, audit) on one
// connection. Every statement is parameterized: a migration name is data.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
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
    bool applied = false;               // false under --dry-run or when there was nothing to do
    std::vector<std::string> warnings;  // side tables done without (SideTables)

    friend bool operator==(const RepairReport& a, const RepairReport& b) {
        return a.plan == b.plan && a.table_existed == b.table_existed && a.applied == b.applied;
    }
};

// Which of migmerge's side tables this role can use. A role without CREATE
// on the schema works as it does with sequelize-cli: what it cannot have is
// done without, and each warning says what is missing.
struct SideTables {
    bool checksums = false;  // migmerge_applied: modified-after-apply detection
    bool audit = false;      // migmerge_audit: who repaired what
    std::vector<std::string> warnings;
};

// The statement that records a run migration, for another connection to
// execute inside the migration's own transaction (`migrate --transaction
// each`): SQL with $1.. placeholders, their values, and which one (0-based)
// takes the duration in milliseconds once it is known.
struct RecordStatement {
    std::string sql;
    std::vector<std::string> parameters;
    std::optional<std::size_t> duration_parameter;
};

class MetaStore {
  public:
    explicit MetaStore(const ConnectionTarget& target);  // connects; Error(resource)
    ~MetaStore();
    MetaStore(MetaStore&&) noexcept;
    MetaStore& operator=(MetaStore&&) noexcept;

    bool table_exists();
    void ensure_table();  // sequelize-cli's exact DDL; nothing once the table was seen
    // Before the first migration runs, everything recording it needs: the
    // table, the side tables this role can use, and INSERT (`up`) or DELETE
    // (`down`) on SequelizeMeta, else Error(resource) naming the privilege,
    // so that no body ever runs without its row.
    const SideTables& prepare_to_record(bool removing);
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
    // The same, as a statement (after prepare_to_record).
    RecordStatement record_run_statement(const std::string& name, const AppliedRecord& record);

    // Plans with core::plan_repair and applies in one transaction, set-based,
    // audited. The caller holds the lock.
    // `files`: the names sequelize-cli would run (taken, not copied: 100,000
    // names are worth moving).
    RepairReport repair(const core::Ledger& ledger, std::vector<std::string> files,
                        bool prune_orphans, bool dry_run, const std::string& version);

    // The server-side work of runs, found by the application_name their
    // bridge connects with (run_application_name). Cancels the running
    // statements of that run, then waits until none of its backends is busy;
    // after `patience`, terminates them. How many were busy.
    int stop_run(const std::string& application_name, std::chrono::milliseconds patience);
    // The same for every run on this table but ours: what a killed run left
    // behind.
    int stop_earlier_runs(const std::string& own_application_name,
                          std::chrono::milliseconds patience);

  private:
    int stop_busy(const std::string& application_name, bool exact,
                  std::chrono::milliseconds patience);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "migmerge-run:<table>:<run_id>": the application_name of a run's bridge
// connections (<table>: 8 hex digits naming the SequelizeMeta table, so runs
// on other tables of the same database are left alone).
std::string run_application_name(const ConnectionTarget& target, const std::string& run_id);

// The migration lock, keyed to the SequelizeMeta table: a transaction-scoped
// advisory lock held by a transaction that stays open on a connection of its
// own until the destructor commits it (the server releases it too when the
// process dies). It works directly and through PgBouncer in transaction or
// session mode: waiters poll with a try-lock in short transactions, with
// back-off and jitter, timed here, and hold no server connection between
// attempts. timeout 0: one attempt. Error(resource) on timeout, naming the
// holder's pid and application_name when the server tells; exit 128+N when
// signal N (SIGTERM, SIGINT) arrives while waiting.
//
// The key, for operators and other tools that want to take part:
//   pg_advisory_xact_lock(1835494759, hashtext('"schema"."table"'))
// 1835494759 is 0x6D676D67 ("mgmg"); the text is ConnectionTarget::qualified_table().
class AdvisoryLock {
  public:
    AdvisoryLock(const ConnectionTarget& target, std::chrono::seconds timeout);
    // Connects only, so the connection can be made while other work runs;
    // acquire() takes the lock.
    explicit AdvisoryLock(const ConnectionTarget& target);
    bool try_acquire();  // one attempt; when refused, the connection is closed
    void acquire(std::chrono::seconds timeout);
    // As acquire, asking `still_wanted` after each refused attempt, with
    // SequelizeMeta's names (byte order) read in that attempt's transaction;
    // false, without the lock, once it says no.
    using RowsPredicate = std::function<bool(const std::vector<std::string>& rows)>;
    bool acquire_while_wanted(std::chrono::seconds timeout, const RowsPredicate& still_wanted);
    bool held() const;
    // Error(resource) when the lock's connection was lost since: checked
    // before each migration, so a run that lost the lock runs nothing more.
    void confirm_held();
    ~AdvisoryLock();
    AdvisoryLock(AdvisoryLock&&) noexcept;
    AdvisoryLock& operator=(AdvisoryLock&&) = delete;
    AdvisoryLock(const AdvisoryLock&) = delete;
    AdvisoryLock& operator=(const AdvisoryLock&) = delete;

  private:
    enum class Attempt { granted, refused, unwanted };
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace migmerge::db
