#include "support/pgbouncer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>

#include "support/process.hpp"

namespace migmerge::test {
namespace {

constexpr const char* pgbouncer_path = "/usr/sbin/pgbouncer";

bool accepts_connections(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return connected;
}

std::vector<std::string> as_postgres(std::vector<std::string> argv) {
    if (geteuid() != 0) return argv;
    argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    return argv;
}

std::string config(const TestDatabase& database, const std::string& dir, PoolMode mode,
                   int pool_size, int port) {
    const PgServer& server = database.server();
    return "[databases]\n" + database.name() + " = host=127.0.0.1 port=" + server.port +
           " dbname=" + database.name() +
           "\n[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = " + std::to_string(port) +
           "\nunix_socket_dir =\nauth_type = scram-sha-256\nauth_file = " + dir +
           "/userlist.txt\npool_mode = " + (mode == PoolMode::session ? "session" : "transaction") +
           "\ndefault_pool_size = " + std::to_string(pool_size) +
           "\nmax_client_conn = 500\nlogfile = " + dir + "/pgbouncer.log\npidfile = " + dir +
           "/pgbouncer.pid\nignore_startup_parameters = extra_float_digits\n";
}

}  // namespace

std::string pgbouncer_missing() {
    if (access(pgbouncer_path, X_OK) != 0)
        return "pgbouncer is not installed (apt-get install pgbouncer)";
    return "";
}

Pgbouncer::Pgbouncer(const TestDatabase& database, PoolMode mode, int pool_size)
    : database_(database) {
    write_file(dir_ / "userlist.txt",
               "\"" + database.server().user + "\" \"" + database.server().password + "\"\n");
    std::random_device random;
    for (int attempt = 0; attempt < 20 && port_ == 0; ++attempt) {
        const int port = 20000 + static_cast<int>(random() % 40000);
        if (accepts_connections(port)) continue;  // taken
        write_file(dir_ / "pgbouncer.ini", config(database, dir_.path(), mode, pool_size, port));
        start(port);
    }
    if (port_ == 0) throw std::runtime_error("pgbouncer did not start: " + log());
}

void Pgbouncer::start(int port) {
    if (geteuid() == 0) must_run({"chown", "-R", "postgres:", dir_.path()});
    ProcessResult daemon = run_process(as_postgres({pgbouncer_path, "-d", dir_ / "pgbouncer.ini"}));
    if (daemon.exit_code != 0) return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (accepts_connections(port)) {  // listening: its pidfile is written
            port_ = port;
            register_with_cluster();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
}

// The cluster's stop (the ctest fixture's cleanup) stops what a killed test
// left running: see scripts/pg-cluster.
std::string Pgbouncer::registration() const {
    if (!file_exists(dir_ / "pgbouncer.pid")) return "";
    return std::string(MIGMERGE_PG_STATE) + "/pgbouncers/" +
           std::to_string(std::stoi(read_file(dir_ / "pgbouncer.pid")));
}

void Pgbouncer::register_with_cluster() const {
    const std::string entry = registration();
    if (!entry.empty()) write_file(entry, dir_.path());
}

void Pgbouncer::stop() {
    if (!file_exists(dir_ / "pgbouncer.pid")) return;
    const std::string entry = registration();
    const pid_t pid = std::stoi(read_file(dir_ / "pgbouncer.pid"));
    kill(pid, SIGINT);  // pgbouncer's "shut down now"
    for (int i = 0; i < 500 && kill(pid, 0) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (kill(pid, 0) == 0) kill(pid, SIGKILL);
    std::remove(entry.c_str());
}

Pgbouncer::~Pgbouncer() {
    stop();
}

std::string Pgbouncer::url() const {
    const PgServer& server = database_.server();
    return "postgres://" + server.user + ":" + server.password +
           "@127.0.0.1:" + std::to_string(port_) + "/" + database_.name();
}

std::string Pgbouncer::log() const {
    return file_exists(dir_ / "pgbouncer.log") ? read_file(dir_ / "pgbouncer.log") : "(no log)";
}

}  // namespace migmerge::test
