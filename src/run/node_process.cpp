#include "node_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "migmerge/sys/termination.hpp"

namespace migmerge::run {
namespace {

constexpr int reply_fd_in_child = 3;
// A bridge stuck in a migration's busy loop is killed after this.
constexpr std::chrono::seconds exit_grace{2};

}  // namespace

NodeProcess::NodeProcess(const std::string& node, const std::vector<std::string>& arguments,
                         const std::string& cwd,
                         const std::optional<sys::Environment>& environment) {
    sys::PipeEnds commands = sys::make_socket_pair();
    sys::PipeEnds replies = sys::make_pipe();
    sys::Command command;
    command.argv = {node};
    command.argv.insert(command.argv.end(), arguments.begin(), arguments.end());
    command.cwd = cwd;
    command.environment = environment;
    command.fds = {{STDIN_FILENO, commands.read.get()},
                   {STDOUT_FILENO, STDERR_FILENO},
                   {reply_fd_in_child, replies.write.get()}};
    child_.emplace(command, "install Node.js, or put `node` on PATH");
    commands_ = std::move(commands.write);
    replies_ = std::move(replies.read);
}

// Closing the command socket asks the bridge to exit.
NodeProcess::~NodeProcess() {
    commands_.reset();
    child_->stop(exit_grace);
}

bool NodeProcess::send_line(const std::string& line) {
    const std::string data = line + "\n";
    std::size_t sent = 0;
    while (sent < data.size()) {
        ssize_t n = send(commands_.get(), data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

namespace {

enum class Wait { readable, timed_out, signalled };

// Until `fd` has something to read, `deadline` passes, or (with
// `wake_on_signal`) SIGTERM or SIGINT arrives.
Wait wait_readable(int fd, std::optional<std::chrono::steady_clock::time_point> deadline,
                   bool wake_on_signal) {
    const int wake = wake_on_signal ? sys::termination_fd() : -1;
    if (!deadline && wake < 0) return Wait::readable;
    for (;;) {
        if (wake >= 0 && sys::termination_signal() != 0) return Wait::signalled;
        int timeout = -1;
        if (deadline) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                *deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return Wait::timed_out;
            timeout = static_cast<int>(left.count());
        }
        pollfd ready[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
        int n = poll(ready, wake >= 0 ? 2 : 1, timeout);
        if (n > 0 && ready[0].revents != 0) return Wait::readable;
        if (n < 0 && errno != EINTR) return Wait::readable;  // let read() report it
    }
}

}  // namespace

void NodeProcess::kill() {
    child_->signal(SIGKILL);
}

std::optional<std::string> NodeProcess::read_line(
    std::optional<std::chrono::steady_clock::time_point> deadline, bool wake_on_signal) {
    timed_out_ = signalled_ = false;
    for (;;) {
        if (auto end = buffered_.find('\n'); end != std::string::npos) {
            std::string line = buffered_.substr(0, end);
            buffered_.erase(0, end + 1);
            return line;
        }
        const Wait waited = wait_readable(replies_.get(), deadline, wake_on_signal);
        if (waited != Wait::readable) {
            (waited == Wait::timed_out ? timed_out_ : signalled_) = true;
            return std::nullopt;
        }
        char chunk[4096];
        ssize_t n = read(replies_.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        buffered_.append(chunk, static_cast<std::size_t>(n));
    }
}

}  // namespace migmerge::run
