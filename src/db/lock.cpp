// AdvisoryLock: the lock sequelize-cli lacks. Key: the two-int form
// pg_advisory_lock(kLockClass, hashtext('"schema"."table"')), so every
// process that migrates the same SequelizeMeta table contends for one lock,
// and other tables (or other applications' advisory locks) do not.
#include <pqxx/pqxx>

#include "migmerge/db/meta_store.hpp"
#include "pg_errors.hpp"
#include "session.hpp"

namespace migmerge::db {
namespace {

constexpr int kLockClass = 0x6D676D67;  // "mgmg": migmerge's namespace of advisory keys

// Who holds our key, as "pid P (application A)".
std::string describe_holder(pqxx::transaction_base& tx, const std::string& key) {
    pqxx::result holders = tx.exec_params(
        "SELECT l.pid, coalesce(a.application_name, '') FROM pg_locks l "
        "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid = ($1::bigint & 4294967295)::oid "
        "AND l.objid = (hashtext($2::text)::bigint & 4294967295)::oid",
        kLockClass, key);
    if (holders.empty()) return "held by another session";
    std::string application = holders[0][1].as<std::string>();
    return "held by pid " + holders[0][0].as<std::string>() + " (application " +
           (application.empty() ? "unknown" : application) + ")";
}

bool try_once(pqxx::transaction_base& tx, const std::string& key) {
    return tx
        .exec_params1("SELECT pg_try_advisory_lock($1::integer, hashtext($2::text))", kLockClass,
                      key)[0]
        .as<bool>();
}

// lock_timeout bounds the wait server-side: no polling, and the server
// releases a waiter whose process died.
bool wait_for(pqxx::transaction_base& tx, const std::string& key, std::chrono::seconds timeout) {
    tx.exec_params("SELECT set_config('lock_timeout', $1, false)",
                   std::to_string(timeout.count() * 1000) + "ms");
    try {
        tx.exec_params("SELECT pg_advisory_lock($1::integer, hashtext($2::text))", kLockClass, key);
        return true;
    } catch (const pqxx::sql_error& error) {
        if (error.sqlstate() == "55P03") return false;  // lock_not_available
        throw;
    }
}

}  // namespace

struct AdvisoryLock::Impl {
    ConnectionTarget target;
    std::unique_ptr<pqxx::connection> connection;
    std::string key;
    bool held = false;
};

AdvisoryLock::AdvisoryLock(const ConnectionTarget& target, std::chrono::seconds timeout)
    : AdvisoryLock(target) {
    acquire(timeout);
}

AdvisoryLock::AdvisoryLock(const ConnectionTarget& target) : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->key = target.qualified_table();
    impl_->connection = detail::connect(target);
}

AdvisoryLock::AdvisoryLock(AdvisoryLock&&) noexcept = default;

void AdvisoryLock::acquire(std::chrono::seconds timeout) {
    const ConnectionTarget& target = impl_->target;
    std::string what = "cannot lock " + impl_->key + " on " + target.display();
    detail::translating_errors(target, what, [&] {
        pqxx::nontransaction tx(*impl_->connection);
        bool locked =
            timeout.count() <= 0 ? try_once(tx, impl_->key) : wait_for(tx, impl_->key, timeout);
        if (!locked) {
            throw resource_failure("lock timeout after " + std::to_string(timeout.count()) + "s",
                                   describe_holder(tx, impl_->key),
                                   "another migmerge is migrating this database; retry later "
                                   "or raise --lock-timeout");
        }
    });
    impl_->held = true;
}

// Closing the connection would release the lock too; unlocking first keeps
// a pooled or slow-closing connection from holding it.
AdvisoryLock::~AdvisoryLock() {
    if (!impl_ || !impl_->connection || !impl_->held) return;
    try {
        pqxx::nontransaction tx(*impl_->connection);
        tx.exec_params("SELECT pg_advisory_unlock($1::integer, hashtext($2::text))", kLockClass,
                       impl_->key);
    } catch (...) {
        // The server releases a session lock when the connection closes, next.
    }
}

}  // namespace migmerge::db
