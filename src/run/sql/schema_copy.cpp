#include "schema_copy.hpp"

#include <algorithm>
#include <cctype>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/secret_scrub.hpp"
#include "migmerge/sys/temporary_directory.hpp"
#include "migmerge/sys/text_file.hpp"

namespace migmerge::run {
namespace {

constexpr std::chrono::minutes tool_time_limit{10};

// libpq keywords as the PG* variables pg_dump and psql read: the password
// stays out of argv, where `ps` would show it.
sys::Environment libpq_environment(const db::ConnectionTarget& target) {
    sys::Environment environment{{"PGCONNECT_TIMEOUT", "10"}, {"PGAPPNAME", "migmerge-sql"}};
    for (const auto& [keyword, value] : target.params) {
        std::string name = keyword == "dbname" ? "DATABASE" : keyword;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        environment["PG" + name] = value;
    }
    if (target.password) environment["PGPASSWORD"] = *target.password;
    return environment;
}

std::string tool(const std::string& bindir, const std::string& name) {
    return bindir.empty() ? name : bindir + "/" + name;
}

void run_tool(std::vector<std::string> argv, const db::ConnectionTarget& target,
              const std::string& what) {
    sys::Command command{std::move(argv), "", libpq_environment(target), {}};
    const sys::CapturedRun run = sys::run_captured(command, tool_time_limit, "");
    if (run.exit_code == 0 && !run.timed_out) return;
    const std::string cause = run.timed_out ? "timed out" : sys::first_line(run.err);
    throw resource_failure(what, sys::scrub_secret(cause, target.password));
}

}  // namespace

void copy_schema(const db::ConnectionTarget& from, const db::ConnectionTarget& to,
                 const std::string& bindir) {
    sys::TemporaryDirectory dir("/tmp/migmerge-sql-");
    const std::string dump = dir.path() + "/schema.sql";
    run_tool({tool(bindir, "pg_dump"), "--schema-only", "--no-owner", "--no-privileges",
              "--no-comments", "--no-publications", "--no-subscriptions", "--no-tablespaces",
              "--no-security-labels", "--file", dump},
             from, "cannot dump the schema of " + from.display());
    run_tool({tool(bindir, "psql"), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1",
              "--single-transaction", "--file", dump},
             to, "cannot restore the schema of " + from.display() + " on the scratch database");
}

}  // namespace migmerge::run
