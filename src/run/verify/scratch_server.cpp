#include "scratch_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/local_port.hpp"
#include "migmerge/sys/random_hex.hpp"
#include "migmerge/sys/temporary_directory.hpp"
#include "migmerge/sys/termination.hpp"
#include "migmerge/sys/text_file.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::run {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* install_hint =
    "install the PostgreSQL server (Debian: apt-get install postgresql) or pass --scratch-url URL";
constexpr const char* cannot_start = "cannot start an embedded PostgreSQL";
constexpr int port_attempts = 5;
constexpr auto initdb_limit = 120s;
constexpr auto shutdown_grace = 10s;  // immediate shutdown takes milliseconds

// Durability traded for speed: the cluster lives for one verify run.
constexpr const char* server_config = R"(
# migmerge verify: a throwaway server, durability traded for speed
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 32MB
logging_collector = off
)";
// The socket's folder is ours alone (0700); over TCP a password is needed.
constexpr const char* hba_config = "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n";

std::string missing_binaries(const std::string& bindir) {
    std::string missing;
    for (const char* name : {"initdb", "postgres"}) {
        if (access((bindir + "/" + name).c_str(), X_OK) == 0) continue;
        missing += missing.empty() ? std::string(name) : std::string(" and ") + name;
    }
    return missing;
}

std::string server_bindir(const ScratchServerOptions& options, const sys::Environment& env) {
    if (!options.bindir) {
        if (auto found = find_server_bindir(env)) return *found;
        throw resource_failure(cannot_start,
                               "no PostgreSQL server (initdb and postgres) in pg_config --bindir, "
                               "/usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, "
                               "/usr/pgsql-*/bin or PATH",
                               install_hint);
    }
    std::string missing = missing_binaries(*options.bindir);
    if (!missing.empty())
        throw resource_failure(cannot_start, "no " + missing + " in " + *options.bindir,
                               install_hint);
    return *options.bindir;
}

// PG* variables (PGDATA, PGPORT...) would steer initdb and the server.
sys::Environment without_pg_variables(sys::Environment environment) {
    for (auto it = environment.begin(); it != environment.end();) {
        it = it->first.rfind("PG", 0) == 0 ? environment.erase(it) : std::next(it);
    }
    return environment;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        if (end > start) lines.push_back(text.substr(start, end - start));
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

// The lines that say what went wrong (FATAL, ERROR, PANIC), else the last three.
std::string telling_lines(const std::string& output) {
    std::vector<std::string> lines = lines_of(output), telling;
    for (const std::string& line : lines) {
        bool bad = line.find("FATAL") != std::string::npos ||
                   line.find("ERROR") != std::string::npos ||
                   line.find("PANIC") != std::string::npos;
        if (bad) telling.push_back(line);
    }
    if (telling.empty())
        telling.assign(lines.size() > 3 ? lines.end() - 3 : lines.begin(), lines.end());
    std::string joined;
    for (const std::string& line : telling) joined += (joined.empty() ? "" : " | ") + line;
    return joined.empty() ? "no output" : joined;
}

bool port_was_taken(const std::string& log) {
    return log.find("Address already in use") != std::string::npos ||
           log.find("could not create any TCP/IP sockets") != std::string::npos;
}

void stop_if_terminated(const std::string& step) {
    if (int signal = sys::termination_signal())
        throw stopped_by_signal(signal, "stopped while " + step, sys::signal_name(signal));
}

std::string seconds(std::chrono::milliseconds duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", duration.count() / 1000.0);
    return text;
}

}  // namespace

std::unique_ptr<ScratchServer> ScratchServer::start(const ScratchServerOptions& options) {
    sys::Environment environment = options.environment.value_or(sys::read_environment());
    std::string bindir = server_bindir(options, environment);
    stop_if_terminated("starting an embedded PostgreSQL");
    // From here on its destructor removes whatever a failing step leaves.
    std::unique_ptr<ScratchServer> server(
        new ScratchServer(std::move(bindir), without_pg_variables(std::move(environment))));
    server->initialize();
    server->launch(options.ready_within);
    return server;
}

// Makes the temp dir and nothing else: a throwing constructor runs no destructor.
ScratchServer::ScratchServer(std::string bindir, sys::Environment environment)
    : bindir_(std::move(bindir)),
      environment_(std::move(environment)),
      directory_("migmerge-verify", environment_),
      run_as_(sys::unprivileged_user()) {}

ScratchServer::~ScratchServer() {
    stop();  // then directory_ goes, with the server's data
}

void ScratchServer::initialize() {
    if (run_as_) sys::give_to(directory_.path(), *run_as_);
    password_ = sys::random_hex(32);
    const std::string pwfile = directory_.path() + "/pwfile";
    sys::write_file(pwfile, password_ + "\n");
    if (run_as_) sys::give_to(pwfile, *run_as_);
    sys::Command command{{bindir_ + "/initdb", "-D", directory_.path() + "/data", "-U", "postgres",
                          "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C.UTF-8",
                          "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"},
                         directory_.path(),
                         environment_,
                         {},
                         run_as_};
    sys::CapturedRun run = sys::run_captured(command, initdb_limit, install_hint);
    unlink(pwfile.c_str());
    stop_if_terminated("initializing an embedded PostgreSQL");
    if (run.exit_code != 0 || run.timed_out) {
        throw resource_failure(
            "initdb failed in " + directory_.path(),
            run.timed_out ? "it took over 120 s" : telling_lines(run.err + run.out));
    }
    write_config();
}

void ScratchServer::write_config() const {
    sys::append_text(directory_.path() + "/data/postgresql.conf", server_config);
    sys::write_file(directory_.path() + "/data/pg_hba.conf", hba_config);
}

// A port the kernel called free may be taken before the server binds it.
void ScratchServer::launch(std::chrono::milliseconds ready_within) {
    ready_within_ = ready_within;
    const auto deadline = Clock::now() + ready_within;
    for (int attempt = 1; attempt <= port_attempts; ++attempt) {
        port_ = sys::unused_local_port();
        if (start_on_port(deadline)) return;
    }
    std::string log = sys::read_file_if_present(directory_.path() + "/server.log").value_or("");
    throw resource_failure(cannot_start, "no free port after " + std::to_string(port_attempts) +
                                             " tries: " + telling_lines(log));
}

// True once it accepts connections; false when it ended because the port was taken.
bool ScratchServer::start_on_port(Clock::time_point deadline) {
    const std::string log_path = directory_.path() + "/server.log";
    sys::UniqueFd log(open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!log.valid()) throw resource_failure(cannot_start, "cannot write " + log_path);
    sys::Command command{{bindir_ + "/postgres", "-D", directory_.path() + "/data", "-p",
                          std::to_string(port_), "-k", directory_.path(), "-h", "127.0.0.1"},
                         directory_.path(),
                         environment_,
                         {{1, log.get()}, {2, log.get()}},
                         run_as_};
    server_ = std::make_unique<sys::ChildProcess>(command, install_hint);
    return await_ready(log_path, deadline);
}

bool ScratchServer::await_ready(const std::string& log_path, Clock::time_point deadline) {
    const char* failed = "the embedded PostgreSQL did not start";
    while (!ready()) {
        if (server_->try_wait()) {
            std::string log = sys::read_file_if_present(log_path).value_or("");
            if (port_was_taken(log)) return false;
            throw resource_failure(failed, telling_lines(log));
        }
        if (Clock::now() > deadline) {
            throw resource_failure(
                failed, "it did not accept connections within " + seconds(ready_within_));
        }
        if (!sys::sleep_unless_terminated(10ms))
            stop_if_terminated("starting an embedded PostgreSQL");
    }
    return true;
}

// postmaster.pid's 8th line turns "ready" once connections are accepted (pg_ctl -w's test).
bool ScratchServer::ready() const {
    auto pid_file = sys::read_file_if_present(directory_.path() + "/data/postmaster.pid");
    if (!pid_file) return false;
    std::vector<std::string> lines = lines_of(*pid_file);
    return lines.size() >= 8 && lines[7].rfind("ready", 0) == 0;
}

// Immediate shutdown: no checkpoint, the data is thrown away anyway.
void ScratchServer::stop() noexcept {
    if (!server_ || !server_->running()) return;
    server_->signal(SIGQUIT);
    server_->stop(shutdown_grace);
}

db::ConnectionTarget ScratchServer::admin_target() const {
    db::ConnectionTarget target;
    target.params = {{"host", "127.0.0.1"},
                     {"port", std::to_string(port_)},
                     {"user", "postgres"},
                     {"dbname", "postgres"}};
    target.password = password_;
    target.source = "embedded scratch server";
    return target;
}

int ScratchServer::server_pid() const {
    return server_ && server_->running() ? server_->pid() : -1;
}

}  // namespace migmerge::run
