// The server-side work of migration runs, found by the application_name
// their bridge connects with ("migmerge-run:<table>:<id>", <table> the first
// 8 hex digits of the SequelizeMeta table's sha256, so that runs migrating
// another table in the same database are never touched). A statement
// outlives the process that sent it: killing node (or migmerge) does not
// stop the server from finishing a migration's statement and committing it,
// unrecorded. So a run that is stopped cancels its own statements and waits for them to end,
// and a run that takes the lock first stops what a killed run left behind.
#include <pqxx/pqxx>
#include <thread>

#include "meta_store_impl.hpp"
#include "migmerge/core/sha256.hpp"
#include "pg_errors.hpp"

namespace migmerge::db {
namespace {

using Clock = std::chrono::steady_clock;

// The application_name every run on `target`'s table starts with.
std::string runs_prefix(const ConnectionTarget& target) {
    return "migmerge-run:" + core::sha256_hex(target.qualified_table()).substr(0, 8) + ":";
}

// Backends, other than ours, that are doing something (a pooled server
// connection idle since holds nothing); the caller adds which runs.
constexpr const char* busy_runs =
    "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND state <> 'idle' AND ";

// Cancels (or, once patience ran out, terminates) the busy backends; how
// many there were.
int signal_busy(pqxx::connection& connection, const std::string& name, const std::string& prefix,
                bool exact, bool terminate) {
    pqxx::nontransaction tx(connection);
    const std::string function = terminate ? "pg_terminate_backend" : "pg_cancel_backend";
    const std::string query = "SELECT count(" + function + "(pid)) " + busy_runs;
    pqxx::result busy =
        exact
            ? tx.exec_params(query + "application_name = $1", name)
            : tx.exec_params(query + "starts_with(application_name, $2) AND application_name <> $1",
                             name, prefix);
    return busy[0][0].as<int>();
}

}  // namespace

int MetaStore::stop_busy(const std::string& name, bool exact, std::chrono::milliseconds patience) {
    Impl& store = *impl_;
    return detail::translating_errors(store.target, store.what("stop runs using"), [&] {
        const auto give_up_cancelling = Clock::now() + patience;
        const auto give_up = give_up_cancelling + std::chrono::seconds(10);
        int stopped = 0;
        for (;;) {
            const bool terminate = Clock::now() >= give_up_cancelling;
            const int busy =
                signal_busy(*store.connection, name, runs_prefix(store.target), exact, terminate);
            if (busy == 0) return stopped;
            stopped = std::max(stopped, busy);
            if (Clock::now() >= give_up) {
                throw resource_failure(store.what("stop runs using"),
                                       std::to_string(busy) + " backend(s) of " + name +
                                           " still active after they were terminated");
            }
            // Not cut short by a signal: leaving now would leave the
            // statement running, which is what the wait is for.
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

std::string run_application_name(const ConnectionTarget& target, const std::string& run_id) {
    return runs_prefix(target) + run_id;
}

int MetaStore::stop_run(const std::string& application_name, std::chrono::milliseconds patience) {
    return stop_busy(application_name, /*exact=*/true, patience);
}

int MetaStore::stop_earlier_runs(const std::string& own_application_name,
                                 std::chrono::milliseconds patience) {
    return stop_busy(own_application_name, /*exact=*/false, patience);
}

}  // namespace migmerge::db
