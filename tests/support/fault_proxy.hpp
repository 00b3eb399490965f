#pragma once
// A TCP proxy the tests own, in front of the test cluster, that reads the
// PostgreSQL protocol from its clients (migmerge's libpq connections and its
// node bridge's) just enough to count statements: each simple Query ('Q')
// and each extended-protocol Execute ('E') is one, in the order they arrive
// over all connections. Armed with a fault at statement k, it holds the k-th
// back and injects the fault instead of forwarding it: the statement never
// reaches the server, so the fault falls on the boundary before it.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace migmerge::test {

enum class Fault {
    none,       // count only
    cut,        // the TCP connection cut, both ways
    terminate,  // the server ends the backend (pg_terminate_backend)
    kill,       // the client process is killed (SIGKILL); on_kill does it
};

class FaultProxy {
  public:
    // Forwards 127.0.0.1:port() to host:port. `terminate_backend(pid)` runs
    // pg_terminate_backend on the server for Fault::terminate.
    FaultProxy(const std::string& host, const std::string& port,
               std::function<void(int backend_pid)> terminate_backend);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    // Counts from zero again; `at` is 1-based (0 with Fault::none).
    void arm(Fault fault, int at, std::function<void()> on_kill = {});
    // No fault any more (the client is gone); the counts stay.
    void disarm();
    int statements() const { return statements_.load(); }
    bool injected() const { return injected_.load(); }

    struct State;  // the proxy thread's connections and the armed fault

  private:
    void serve();
    void accept_client();

    int listen_fd_ = -1;
    int port_ = 0;
    int stop_pipe_[2] = {-1, -1};
    std::atomic<int> statements_{0};
    std::atomic<bool> injected_{false};
    std::unique_ptr<State> state_;
    std::thread thread_;
};

}  // namespace migmerge::test
