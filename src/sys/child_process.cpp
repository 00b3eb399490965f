#include "migmerge/sys/child_process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::sys {
namespace {

using Clock = std::chrono::steady_clock;

// Everything the child needs, built before fork: no allocation after it.
struct ExecPlan {
    std::vector<std::string> argv_strings, env_strings;
    std::vector<char*> argv, envp;
    std::vector<std::pair<int, int>> fds;  // child fd <- lifted copy of ours
    const char* cwd = nullptr;
    bool has_stdin = false;
    std::optional<RunAs> run_as;
};

// What the child reports over the close-on-exec pipe when it gives up.
enum class Stage : int { exec = 0, credentials = 1 };
struct ChildFailure {
    int error = 0;
    Stage stage = Stage::exec;
};

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (std::string& text : strings) result.push_back(text.data());
    result.push_back(nullptr);
    return result;
}

[[noreturn]] void fail_in_child(int status_fd, Stage stage = Stage::exec) {
    ChildFailure failure{errno, stage};
    (void)!write(status_fd, &failure, sizeof failure);
    _exit(127);
}

// A credential change clears PR_SET_PDEATHSIG, so it is set again after it.
void become(pid_t parent, const RunAs& user, int status_fd) {
    if (setgroups(1, &user.gid) != 0 || setgid(user.gid) != 0 || setuid(user.uid) != 0)
        fail_in_child(status_fd, Stage::credentials);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
}

// Between fork and exec: async-signal-safe calls only. The sources are
// lifted above every target first, so that no dup2 overwrites a source.
[[noreturn]] void exec_in_child(pid_t parent, ExecPlan& plan, int status_fd) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);  // the parent died before prctl
    status_fd = fcntl(status_fd, F_DUPFD_CLOEXEC, 64);
    for (auto& [target, source] : plan.fds) {
        source = fcntl(source, F_DUPFD_CLOEXEC, 64);
        if (source < 0) fail_in_child(status_fd);
    }
    for (const auto& [target, source] : plan.fds) {
        if (dup2(source, target) < 0) fail_in_child(status_fd);
    }
    if (!plan.has_stdin) {
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull < 0 || dup2(devnull, STDIN_FILENO) < 0) fail_in_child(status_fd);
    }
    if (plan.run_as) become(parent, *plan.run_as, status_fd);
    if (plan.cwd && chdir(plan.cwd) != 0) fail_in_child(status_fd);
    if (plan.envp.empty())
        execvp(plan.argv[0], plan.argv.data());
    else
        execvpe(plan.argv[0], plan.argv.data(), plan.envp.data());
    fail_in_child(status_fd);
}

ExecPlan plan_for(const Command& command) {
    ExecPlan plan;
    plan.argv_strings = command.argv;
    plan.argv = pointers(plan.argv_strings);
    if (command.environment) {
        for (const auto& [name, value] : *command.environment)
            plan.env_strings.push_back(name + "=" + value);
        plan.envp = pointers(plan.env_strings);
    }
    plan.fds = command.fds;
    for (const auto& [target, source] : plan.fds) plan.has_stdin |= target == STDIN_FILENO;
    if (!command.cwd.empty()) plan.cwd = command.cwd.c_str();
    plan.run_as = command.run_as;
    return plan;
}

// Error zero when exec succeeded: the close-on-exec pipe closed without a word.
ChildFailure read_child_failure(const UniqueFd& status) {
    ChildFailure failure;
    ssize_t n;
    do {
        n = read(status.get(), &failure, sizeof failure);
    } while (n < 0 && errno == EINTR);
    return n == sizeof failure ? failure : ChildFailure{};
}

std::string failed_step(const Command& command, Stage stage) {
    std::string text = "cannot run " + command.argv[0];
    if (stage == Stage::credentials) text += " as " + command.run_as->name;
    return text;
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    return "status " + std::to_string(status);
}

}  // namespace

ChildProcess::ChildProcess(const Command& command, const std::string& hint) {
    if (command.argv.empty()) throw bad_input("no program to run");
    ExecPlan plan = plan_for(command);
    PipeEnds exec_status = make_pipe();
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw resource_failure("cannot start " + command.argv[0], std::strerror(errno));
    if (pid_ == 0) exec_in_child(parent, plan, exec_status.write.get());
    exec_status.write.reset();
    ChildFailure failure = read_child_failure(exec_status.read);
    if (failure.error != 0) {
        wait();
        throw resource_failure(failed_step(command, failure.stage), std::strerror(failure.error),
                               hint);
    }
}

ChildProcess::~ChildProcess() {
    if (running()) stop(std::chrono::milliseconds(0));
}

void ChildProcess::signal(int number) const {
    if (running()) ::kill(pid_, number);
}

void ChildProcess::reaped(int status) {
    pid_ = -1;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ChildProcess::wait() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped(status);
    return describe(status);
}

bool ChildProcess::try_wait() {
    int status = 0;
    if (!running() || waitpid(pid_, &status, WNOHANG) != pid_) return !running();
    reaped(status);
    return true;
}

void ChildProcess::stop(std::chrono::milliseconds grace) {
    if (!running()) return;
    const auto deadline = Clock::now() + grace;
    int status = 0;
    while (Clock::now() < deadline) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) return reaped(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(pid_, SIGKILL);
    wait();
}

namespace {

// Drains both pipes together so that neither fills up and stalls the child;
// false when the time limit passed first.
bool drain(UniqueFd& out, UniqueFd& err, CapturedRun& run, Clock::time_point deadline) {
    while (out.valid() || err.valid()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        pollfd fds[2] = {{out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}};
        if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) return true;
        UniqueFd* sources[2] = {&out, &err};
        std::string* sinks[2] = {&run.out, &run.err};
        for (int i = 0; i < 2; ++i) {
            if (!sources[i]->valid() || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[65536];
            ssize_t n = read(sources[i]->get(), buffer, sizeof buffer);
            if (n > 0) sinks[i]->append(buffer, static_cast<std::size_t>(n));
            if (n == 0 || (n < 0 && errno != EINTR)) sources[i]->reset();
        }
    }
    return true;
}

}  // namespace

CapturedRun run_captured(Command command, std::chrono::milliseconds time_limit,
                         const std::string& hint) {
    PipeEnds out = make_pipe(), err = make_pipe();
    command.fds.emplace_back(STDOUT_FILENO, out.write.get());
    command.fds.emplace_back(STDERR_FILENO, err.write.get());
    const auto deadline = Clock::now() + time_limit;
    ChildProcess child(command, hint);
    out.write.reset();
    err.write.reset();
    CapturedRun run;
    run.timed_out = !drain(out.read, err.read, run, deadline);
    if (run.timed_out) child.signal(SIGKILL);
    child.wait();
    run.exit_code = child.exit_code();
    return run;
}

}  // namespace migmerge::sys
