#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <gtest/gtest.h>

namespace migmerge::test {
namespace {

struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() {
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    void close_read() { close_fd(fds[0]); }
    void close_write() { close_fd(fds[1]); }
    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

[[noreturn]] void exec_child(const std::vector<std::string>& argv, const ProcessOptions& options,
                             Pipe& in, Pipe& out, Pipe& err) {
    dup2(in.fds[0], 0);
    dup2(out.fds[1], 1);
    dup2(err.fds[1], 2);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
    for (const auto& name : options.unset_env) unsetenv(name.c_str());
    for (const auto& [name, value] : options.set_env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
}

// Feeds stdin and drains stdout/stderr together so neither pipe can fill up.
void pump(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessResult& result) {
    std::size_t written = 0;
    if (input.empty()) in.close_write();
    while (out.fds[0] >= 0 || err.fds[0] >= 0) {
        pollfd fds[3] = {{out.fds[0], POLLIN, 0}, {err.fds[0], POLLIN, 0}, {in.fds[1], POLLOUT, 0}};
        if (poll(fds, 3, -1) < 0 && errno != EINTR) break;
        if (in.fds[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write(in.fds[1], input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if (n < 0 || written == input.size()) in.close_write();
        }
        char buffer[65536];
        Pipe* sources[2] = {&out, &err};
        std::string* sinks[2] = {&result.out, &result.err};
        for (int i = 0; i < 2; ++i) {
            if (sources[i]->fds[0] < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(sources[i]->fds[0], buffer, sizeof buffer);
            if (n > 0)
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR)
                sources[i]->close_read();
        }
    }
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const ProcessResult& result) {
    return out << "exit " << result.exit_code << (result.signal ? " signal " : "")
               << (result.signal ? std::to_string(result.signal) : "") << "\n--- stdout\n"
               << result.out << "--- stderr\n"
               << result.err;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    Pipe in, out, err;
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) exec_child(argv, options, in, out, err);
    in.close_read();
    out.close_write();
    err.close_write();
    if (options.started) options.started(pid);
    ProcessResult result;
    pump(in, out, err, options.input, result);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

ProcessResult run_migmerge(const std::vector<std::string>& args, const std::string& cwd,
                           const std::map<std::string, std::string>& env,
                           std::function<void(int pid)> started) {
    std::vector<std::string> argv{MIGMERGE_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.cwd = cwd;
    options.set_env = env;
    options.started = std::move(started);
    options.unset_env = {"DATABASE_URL",  "NODE_ENV",      "PGHOST",     "PGPORT",
                         "PGUSER",        "PGPASSWORD",    "PGDATABASE", "GIT_DIR",
                         "GIT_WORK_TREE", "GIT_INDEX_FILE", "GITHUB_BASE_REF"};
    return run_process(argv, options);
}

std::string must_run(const std::vector<std::string>& argv, const std::string& cwd) {
    ProcessOptions options;
    options.cwd = cwd;
    ProcessResult result = run_process(argv, options);
    if (result.exit_code != 0) {
        std::string command;
        for (const auto& arg : argv) command += arg + " ";
        ADD_FAILURE() << "command failed: " << command << "\n" << result;
    }
    return result.out;
}

bool ci_mode() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

}  // namespace migmerge::test
