#include "support/fault_proxy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <list>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace migmerge::test {
namespace {

constexpr std::uint32_t kSslRequest = 80877103, kGssEncRequest = 80877104;

std::uint32_t be32(const std::string& bytes, std::size_t at) {
    std::uint32_t value;
    std::memcpy(&value, bytes.data() + at, 4);
    return ntohl(value);
}

int connect_to(const std::string& host, const std::string& port) {
    addrinfo hints{}, *found = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0) return -1;
    int fd = socket(found->ai_family, SOCK_STREAM, 0);
    if (connect(fd, found->ai_addr, found->ai_addrlen) != 0) close(fd), fd = -1;
    freeaddrinfo(found);
    return fd;
}

// One client's connection and what is known of its protocol stream.
struct Pair {
    int client = -1, server = -1;
    std::string from_client, from_server;  // bytes not yet forwarded
    bool startup = true;                   // untyped messages until the startup packet
    int single_byte_replies = 0;           // 'S'/'N' answers to SSL/GSS requests
    int backend_pid = 0;                   // from BackendKeyData
    bool closed = false;
    void close_both() {
        if (client >= 0) close(client);
        if (server >= 0) close(server);
        client = server = -1;
        closed = true;
    }
};

bool send_all(int fd, const std::string& bytes) {
    for (std::size_t sent = 0; sent < bytes.size();) {
        ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

struct FaultProxy::State {
    std::string host, port;
    std::function<void(int)> terminate_backend;
    std::mutex mutex;  // guards the armed fault
    Fault fault = Fault::none;
    int at = 0;
    std::function<void()> on_kill;
    std::list<Pair> pairs;
};

FaultProxy::FaultProxy(const std::string& host, const std::string& port,
                       std::function<void(int)> terminate_backend)
    : state_(std::make_unique<State>()) {
    state_->host = host, state_->port = port;
    state_->terminate_backend = std::move(terminate_backend);
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        listen(listen_fd_, 64) != 0 || pipe(stop_pipe_) != 0 ||
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        throw std::runtime_error("fault proxy: cannot listen");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

FaultProxy::~FaultProxy() {
    (void)!write(stop_pipe_[1], "x", 1);
    thread_.join();
    for (Pair& pair : state_->pairs) pair.close_both();
    close(listen_fd_), close(stop_pipe_[0]), close(stop_pipe_[1]);
}

void FaultProxy::disarm() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->fault = Fault::none, state_->on_kill = nullptr;
}

void FaultProxy::arm(Fault fault, int at, std::function<void()> on_kill) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->fault = fault, state_->at = at, state_->on_kill = std::move(on_kill);
    statements_ = 0, injected_ = false;
}

namespace {

// The next whole client message at the front of `pair.from_client`, or 0.
std::size_t client_message_size(const Pair& pair) {
    const std::string& bytes = pair.from_client;
    const std::size_t header = pair.startup ? 4 : 5;
    if (bytes.size() < header) return 0;
    std::size_t size = be32(bytes, pair.startup ? 0 : 1) + (pair.startup ? 0 : 1);
    return bytes.size() >= size ? size : 0;
}

std::size_t server_message_size(const Pair& pair) {
    const std::string& bytes = pair.from_server;
    if (pair.single_byte_replies > 0) return bytes.empty() ? 0 : 1;
    if (bytes.size() < 5) return 0;
    std::size_t size = be32(bytes, 1) + 1;
    return bytes.size() >= size ? size : 0;
}

}  // namespace

// Forwards whole messages, counting statements; false once a fault was
// injected on this pair instead of statement k.
static bool relay_client(Pair& pair, std::atomic<int>& statements, std::atomic<bool>& injected,
                         FaultProxy::State& state) {
    for (std::size_t size; (size = client_message_size(pair)) > 0;) {
        std::string message = pair.from_client.substr(0, size);
        pair.from_client.erase(0, size);
        if (pair.startup) {
            std::uint32_t code = be32(message, 4);
            if (code == kSslRequest || code == kGssEncRequest)
                ++pair.single_byte_replies;
            else
                pair.startup = false;
        } else if (message[0] == 'Q' || message[0] == 'E') {
            std::lock_guard<std::mutex> lock(state.mutex);
            if (++statements == state.at && state.fault != Fault::none) {
                injected = true;
                if (state.fault == Fault::kill && state.on_kill) state.on_kill();
                if (state.fault == Fault::terminate) {
                    state.terminate_backend(pair.backend_pid);
                    return true;  // the server's FATAL and end reach the client
                }
                pair.close_both();
                return false;
            }
        }
        if (!send_all(pair.server, message)) return false;
    }
    return true;
}

static bool relay_server(Pair& pair) {
    for (std::size_t size; (size = server_message_size(pair)) > 0;) {
        std::string message = pair.from_server.substr(0, size);
        pair.from_server.erase(0, size);
        if (pair.single_byte_replies > 0) {
            --pair.single_byte_replies;
        } else if (message[0] == 'K' && size >= 9) {
            pair.backend_pid = static_cast<int>(be32(message, 5));
        }
        if (!send_all(pair.client, message)) return false;
    }
    return true;
}

namespace {

// Reads what `fd` has into `into`; false at its end or on an error.
bool read_into(int fd, std::string& into) {
    char buffer[65536];
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    into.append(buffer, static_cast<std::size_t>(n));
    return true;
}

}  // namespace

void FaultProxy::accept_client() {
    int client = accept(listen_fd_, nullptr, nullptr);
    if (client < 0) return;
    Pair pair;
    pair.client = client;
    pair.server = connect_to(state_->host, state_->port);
    if (pair.server < 0) return (void)close(client);
    state_->pairs.push_back(std::move(pair));
}

void FaultProxy::serve() {
    while (true) {
        state_->pairs.remove_if([](const Pair& pair) { return pair.closed; });
        std::vector<pollfd> fds = {{stop_pipe_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
        std::vector<Pair*> owners = {nullptr, nullptr};
        for (Pair& pair : state_->pairs) {
            fds.push_back({pair.client, POLLIN, 0}), owners.push_back(&pair);
            fds.push_back({pair.server, POLLIN, 0}), owners.push_back(&pair);
        }
        if (poll(fds.data(), fds.size(), -1) < 0) continue;
        if (fds[0].revents) return;
        if (fds[1].revents) accept_client();
        for (std::size_t i = 2; i < fds.size(); ++i) {
            Pair& pair = *owners[i];
            if (!fds[i].revents || pair.closed) continue;
            const bool from_client = i % 2 == 0;
            bool open = read_into(fds[i].fd, from_client ? pair.from_client : pair.from_server);
            bool relayed = from_client ? relay_client(pair, statements_, injected_, *state_)
                                       : relay_server(pair);
            if ((!open || !relayed) && !pair.closed) pair.close_both();
        }
    }
}

}  // namespace migmerge::test
