// AdvisoryLock: the lock sequelize-cli lacks, in a form that survives
// connection poolers. Key: pg_try_advisory_xact_lock(lock_class,
// hashtext('"schema"."table"')), so every process that migrates the same
// SequelizeMeta table contends for one lock, and other tables (or other
// applications' advisory locks) do not.
//
// Why a transaction-scoped lock in a transaction left open for the whole run:
// through PgBouncer in transaction mode a session lock stays on whichever
// server connection ran it (excluding nobody, or everybody forever), while an
// open transaction keeps its one server connection for as long as it lasts.
// Why polling with try-lock on fresh connections: a waiter that blocks in
// pg_advisory_lock, or merely stays connected, holds a server slot; with more
// runners than a session-mode pool has slots, the waiters would starve the
// holder's own bridge. Nothing session-level is ever set.
#include <pqxx/pqxx>
#include <random>

#include "meta_store_impl.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/sys/termination.hpp"
#include "pg_errors.hpp"
#include "session.hpp"

namespace migmerge::db {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int lock_class = 0x6D676D67;  // "mgmg": migmerge's namespace of advisory keys

// Who holds our key, as "pid P (application A)".
std::string describe_holder(pqxx::transaction_base& tx, const std::string& key) {
    pqxx::result holders = tx.exec_params(
        "SELECT l.pid, coalesce(a.application_name, '') FROM pg_locks l "
        "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid = ($1::bigint & 4294967295)::oid "
        "AND l.objid = (hashtext($2::text)::bigint & 4294967295)::oid",
        lock_class, key);
    if (holders.empty()) return "held by another session";
    std::string application = holders[0][1].as<std::string>();
    return "held by pid " + holders[0][0].as<std::string>() + " (application " +
           (application.empty() ? "unknown" : application) + ")";
}

// 25 ms doubling to 500 ms, each scaled by a random 50-100%: waiters that
// started together do not poll together, and a freed lock is seen within
// half a second.
class Backoff {
  public:
    milliseconds next() {
        const milliseconds base = current_;
        current_ = std::min(current_ * 2, milliseconds(500));
        std::uniform_real_distribution<double> scale(0.5, 1.0);
        return milliseconds(static_cast<std::int64_t>(base.count() * scale(random_)));
    }

  private:
    milliseconds current_{25};
    std::mt19937 random_{std::random_device{}()};
};

}  // namespace

struct AdvisoryLock::Impl {
    ConnectionTarget target;
    std::string key;
    std::unique_ptr<pqxx::connection> connection;
    std::unique_ptr<pqxx::work> holding;  // open from acquisition to release

    std::string what() const { return "cannot lock " + key + " on " + target.display(); }
    void connect() {
        if (!connection) connection = detail::connect(target);
    }
    Attempt attempt(const RowsPredicate& still_wanted);
    std::vector<std::string> rows(pqxx::transaction_base& tx) const;
    [[noreturn]] void time_out(std::chrono::seconds timeout);
};

void AdvisoryLock::Impl::time_out(std::chrono::seconds timeout) {
    connect();
    pqxx::read_transaction tx(*connection);
    throw resource_failure("lock timeout after " + std::to_string(timeout.count()) + "s",
                           describe_holder(tx, key),
                           "another migmerge is migrating this database; retry later "
                           "or raise --lock-timeout");
}

AdvisoryLock::AdvisoryLock(const ConnectionTarget& target, std::chrono::seconds timeout)
    : AdvisoryLock(target) {
    acquire(timeout);
}

AdvisoryLock::AdvisoryLock(const ConnectionTarget& target) : impl_(std::make_unique<Impl>()) {
    impl_->target = target;
    impl_->key = target.qualified_table();
    impl_->connect();
}

AdvisoryLock::AdvisoryLock(AdvisoryLock&&) noexcept = default;

bool AdvisoryLock::try_acquire() {
    return detail::translating_errors(impl_->target, impl_->what(),
                                      [&] { return impl_->attempt(nullptr); }) == Attempt::granted;
}

// One attempt; when refused, `still_wanted` (if any) judges SequelizeMeta's
// rows read in the same short transaction, and the connection is closed, so
// a waiter pins no server connection between attempts.
AdvisoryLock::Attempt AdvisoryLock::Impl::attempt(const RowsPredicate& still_wanted) {
    connect();
    auto tx = std::make_unique<pqxx::work>(*connection);
    const bool granted = tx->exec_params1(
                               "SELECT pg_try_advisory_xact_lock($1::integer, "
                               "hashtext($2::text))",
                               lock_class, key)[0]
                             .as<bool>();
    if (granted) {
        // A long migration leaves this transaction idle for as long as it
        // runs; the server's idle_in_transaction_session_timeout must not end it.
        tx->exec("SET LOCAL idle_in_transaction_session_timeout = 0");
        holding = std::move(tx);
        return Attempt::granted;
    }
    const bool wanted = !still_wanted || still_wanted(rows(*tx));
    tx.reset();
    connection.reset();
    return wanted ? Attempt::refused : Attempt::unwanted;
}

std::vector<std::string> AdvisoryLock::Impl::rows(pqxx::transaction_base& tx) const {
    const bool exists =
        tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", target.qualified_table())[0]
            .as<bool>();
    return exists ? detail::names_in_byte_order(tx, target) : std::vector<std::string>{};
}

void AdvisoryLock::acquire(std::chrono::seconds timeout) {
    acquire_while_wanted(timeout, nullptr);
}

bool AdvisoryLock::acquire_while_wanted(std::chrono::seconds timeout,
                                        const RowsPredicate& still_wanted) {
    const auto deadline = Clock::now() + timeout;
    Backoff backoff;
    for (;;) {
        const Attempt attempt = detail::translating_errors(
            impl_->target, impl_->what(), [&] { return impl_->attempt(still_wanted); });
        if (attempt == Attempt::granted) return true;
        if (attempt == Attempt::unwanted) return false;
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            detail::translating_errors(impl_->target, impl_->what(),
                                       [&] { impl_->time_out(timeout); });
        }
        if (!sys::sleep_unless_terminated(std::min(backoff.next(), left))) {
            const int signal_number = sys::termination_signal();
            throw stopped_by_signal(signal_number, impl_->what(),
                                    std::string("stopped by ") + sys::signal_name(signal_number) +
                                        " while waiting; nothing was run");
        }
    }
}

bool AdvisoryLock::held() const {
    return impl_ && impl_->holding;
}

// A statement on the holding transaction: it fails when the server, the
// pooler or an administrator ended the connection, and the lock with it.
void AdvisoryLock::confirm_held() {
    try {
        impl_->holding->exec("SELECT 1");
    } catch (const std::exception& error) {
        impl_->holding.reset();
        throw resource_failure("lost the migration lock on " + impl_->target.display(),
                               detail::clean_message(error.what(), impl_->target),
                               "its connection was closed (a pooler restart, a timeout, an "
                               "administrator); nothing more was run; run migrate again");
    }
}

// Ending the transaction releases the lock; the server does it too when the
// connection closes, should the commit not get through.
AdvisoryLock::~AdvisoryLock() {
    if (!impl_ || !impl_->holding) return;
    try {
        impl_->holding->commit();
    } catch (...) {
    }
}

}  // namespace migmerge::db
