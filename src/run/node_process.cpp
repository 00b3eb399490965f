#include "node_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "migmerge/core/error.hpp"

namespace migmerge::run {
namespace {

constexpr int reply_fd_in_child = 3;
constexpr auto exit_grace = std::chrono::seconds(2);

// A socket, not a pipe, carries commands: send(MSG_NOSIGNAL) to a dead child
// then fails with EPIPE instead of killing us with SIGPIPE.
PipeEnds make_command_channel() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        throw resource_failure("cannot create a socket pair", std::strerror(errno));
    }
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

struct ChildFds {
    int commands;
    int replies;
    int exec_status;  // the child writes errno here when exec fails
};

[[noreturn]] void fail_in_child(int exec_status) {
    int error = errno;
    (void)!write(exec_status, &error, sizeof error);
    _exit(127);
}

// Runs between fork and exec: async-signal-safe calls only.
[[noreturn]] void exec_in_child(pid_t parent, char* const* argv, ChildFds fds) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died before prctl: then nobody would kill us.
    if (getppid() != parent) _exit(1);
    // Lifted above 3 first, so that no dup2 below overwrites a source.
    int commands = fcntl(fds.commands, F_DUPFD_CLOEXEC, 10);
    int replies = fcntl(fds.replies, F_DUPFD_CLOEXEC, 10);
    if (commands < 0 || replies < 0 || dup2(commands, STDIN_FILENO) < 0 ||
        dup2(STDERR_FILENO, STDOUT_FILENO) < 0 || dup2(replies, reply_fd_in_child) < 0) {
        fail_in_child(fds.exec_status);
    }
    execvp(argv[0], argv);
    fail_in_child(fds.exec_status);
}

std::vector<char*> c_argv(std::vector<std::string>& strings) {
    std::vector<char*> argv;
    for (std::string& s : strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    return argv;
}

// Zero when exec succeeded (the close-on-exec pipe closed without a word).
int read_exec_errno(const UniqueFd& status) {
    int error = 0;
    ssize_t n;
    do {
        n = read(status.get(), &error, sizeof error);
    } while (n < 0 && errno == EINTR);
    return n == sizeof error ? error : 0;
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    return "status " + std::to_string(status);
}

}  // namespace

NodeProcess::NodeProcess(const std::string& node, const std::vector<std::string>& arguments) {
    PipeEnds commands = make_command_channel();
    PipeEnds replies = make_pipe();
    PipeEnds exec_status = make_pipe();
    std::vector<std::string> strings{node};
    strings.insert(strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv = c_argv(strings);  // built before fork: no allocation after it
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw resource_failure("cannot start node", std::strerror(errno));
    if (pid_ == 0) {
        exec_in_child(parent, argv.data(),
                      {commands.read.get(), replies.write.get(), exec_status.write.get()});
    }
    exec_status.write.reset();
    if (int error = read_exec_errno(exec_status.read)) {
        wait_for_exit();
        throw resource_failure("cannot start node", "'" + node + "': " + std::strerror(error),
                               "install Node.js, or put `node` on PATH");
    }
    commands_ = std::move(commands.write);
    replies_ = std::move(replies.read);
}

NodeProcess::~NodeProcess() {
    stop();
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

std::optional<std::string> NodeProcess::read_line() {
    for (;;) {
        if (auto end = buffered_.find('\n'); end != std::string::npos) {
            std::string line = buffered_.substr(0, end);
            buffered_.erase(0, end + 1);
            return line;
        }
        char chunk[4096];
        ssize_t n = read(replies_.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        buffered_.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string NodeProcess::wait_for_exit() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return describe(status);
}

// Closing the command pipe asks the bridge to exit; a bridge stuck in a
// migration's busy loop is killed after a short grace period.
void NodeProcess::stop() {
    if (pid_ <= 0) return;
    commands_.reset();
    const auto deadline = std::chrono::steady_clock::now() + exit_grace;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid_, SIGKILL);
    wait_for_exit();
}

}  // namespace migmerge::run
