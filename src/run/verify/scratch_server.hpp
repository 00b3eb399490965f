#pragma once
// An embedded throwaway PostgreSQL for `migmerge verify`: initdb in a fresh
// temp dir ($TMPDIR or /tmp, migmerge-verify-XXXXXX), started as our direct
// child (`postgres -D`, not pg_ctl, so PR_SET_PDEATHSIG makes it die with us),
// as sys::unprivileged_user() when we are root (PostgreSQL refuses root).
// It listens on 127.0.0.1 on a free port and on a unix socket in the temp dir,
// runs without fsync (its data is thrown away), and has the superuser
// "postgres" with a random password (scram-sha-256).
//
// PR_SET_PDEATHSIG follows the thread that forked: call start() on a thread
// that outlives the server (not inside sys::in_parallel's background step).
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "migmerge/db/connection.hpp"
#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/identity.hpp"
#include "migmerge/sys/temporary_directory.hpp"

namespace migmerge::sys {
class ChildProcess;
}

namespace migmerge::run {

struct ScratchServerOptions {
    std::optional<std::string> bindir;            // nullopt: find_server_bindir()
    std::optional<sys::Environment> environment;  // TMPDIR, PATH, the server's; nullopt: ours
    std::chrono::milliseconds ready_within = std::chrono::seconds(60);
};

class ScratchServer {
  public:
    // Error(resource) naming what is missing when no server binaries are found
    // (with the hint to install them or pass --scratch-url), or with the last
    // lines of initdb's output or the server's log when they fail; 128 + N
    // (stopped_by_signal) when SIGTERM/SIGINT arrived meanwhile. Whatever it
    // had made is gone when it throws.
    static std::unique_ptr<ScratchServer> start(const ScratchServerOptions& options = {});
    // Stops the server (SIGQUIT, SIGKILL after a grace) and removes the temp dir.
    ~ScratchServer();
    ScratchServer(const ScratchServer&) = delete;
    ScratchServer& operator=(const ScratchServer&) = delete;

    // Superuser, database "postgres", 127.0.0.1:port, password set.
    db::ConnectionTarget admin_target() const;
    const std::string& directory() const { return directory_.path(); }
    int server_pid() const;
    int port() const { return port_; }
    const std::string& bindir() const { return bindir_; }

  private:
    ScratchServer(std::string bindir, sys::Environment environment);
    void initialize();
    void write_config() const;
    void launch(std::chrono::milliseconds ready_within);
    bool start_on_port(std::chrono::steady_clock::time_point deadline);
    bool await_ready(const std::string& log_path, std::chrono::steady_clock::time_point deadline);
    bool ready() const;
    void stop() noexcept;

    std::string bindir_;
    sys::Environment environment_;
    sys::TemporaryDirectory directory_;
    std::optional<sys::RunAs> run_as_;
    std::string password_;
    int port_ = 0;
    std::chrono::milliseconds ready_within_{0};
    std::unique_ptr<sys::ChildProcess> server_;
};

// The server binaries' folder (initdb and postgres), as start() finds it:
// `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin,
// /usr/local/pgsql/bin, the newest /usr/pgsql-*/bin, else PATH. nullopt when none.
std::optional<std::string> find_server_bindir(
    const std::optional<sys::Environment>& environment = std::nullopt);

}  // namespace migmerge::run
