#include "node_eval.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "migmerge/core/error.hpp"

namespace migmerge::db::detail {
namespace {

class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.release();
        }
        return *this;
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};

struct Pipe {
    Fd read_end;
    Fd write_end;
};

Pipe make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw resource_failure("cannot create a pipe", strerror(errno));
    return {Fd(fds[0]), Fd(fds[1])};
}

std::vector<std::string> environment_strings(const Environment& environment) {
    std::vector<std::string> strings;
    for (const auto& [name, value] : environment) strings.push_back(name + "=" + value);
    return strings;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (auto& text : strings) result.push_back(text.data());
    result.push_back(nullptr);
    return result;
}

// In the child: only async-signal-safe calls. A failed exec reports errno
// through `status` (closed on a successful exec by O_CLOEXEC).
[[noreturn]] void exec_child(std::vector<char*>& argv, std::vector<char*>& envp,
                             const std::string& cwd, Pipe& out, Pipe& err, Pipe& status) {
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out.write_end.get(), 1);
    dup2(err.write_end.get(), 2);
    int failure = 0;
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) failure = errno;
    if (failure == 0) execvpe(argv[0], argv.data(), envp.data());
    if (failure == 0) failure = errno;
    ssize_t ignored = write(status.write_end.get(), &failure, sizeof failure);
    (void)ignored;
    _exit(127);
}

// Drains both pipes together so that neither can fill up and stall node.
void drain(Fd& out, Fd& err, NodeRun& run) {
    while (out.get() >= 0 || err.get() >= 0) {
        pollfd fds[2] = {{out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}};
        if (poll(fds, 2, -1) < 0 && errno != EINTR) return;
        Fd* sources[2] = {&out, &err};
        std::string* sinks[2] = {&run.out, &run.err};
        for (int i = 0; i < 2; ++i) {
            if (sources[i]->get() < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[65536];
            ssize_t n = read(sources[i]->get(), buffer, sizeof buffer);
            if (n > 0) sinks[i]->append(buffer, static_cast<std::size_t>(n));
            if (n == 0 || (n < 0 && errno != EINTR)) sources[i]->reset();
        }
    }
}

int wait_for(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int exec_errno(Fd& status) {
    int failure = 0;
    ssize_t n;
    while ((n = read(status.get(), &failure, sizeof failure)) < 0 && errno == EINTR) {
    }
    return n == static_cast<ssize_t>(sizeof failure) ? failure : 0;
}

}  // namespace

NodeRun run_node(const std::string& node, const std::vector<std::string>& args,
                 const std::string& cwd, const Environment& environment) {
    std::vector<std::string> argv_strings{node};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = environment_strings(environment);
    std::vector<char*> argv = pointers(argv_strings), envp = pointers(env_strings);
    Pipe out = make_pipe(), err = make_pipe(), status = make_pipe();
    pid_t pid = fork();
    if (pid < 0) throw resource_failure("cannot start " + node, strerror(errno));
    if (pid == 0) exec_child(argv, envp, cwd, out, err, status);
    out.write_end.reset();
    err.write_end.reset();
    status.write_end.reset();
    NodeRun run;
    int failure = exec_errno(status.read_end);
    drain(out.read_end, err.read_end, run);
    run.exit_code = wait_for(pid);
    if (failure != 0) {
        throw resource_failure("cannot run " + node, strerror(failure),
                               "install Node.js or put node on PATH");
    }
    return run;
}

}  // namespace migmerge::db::detail
