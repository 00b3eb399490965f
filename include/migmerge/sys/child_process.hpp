#pragma once
// The one way migmerge starts a program: fork/exec with the child's file
// descriptors wired explicitly, in a chosen directory and environment. A
// child dies with us: PR_SET_PDEATHSIG kills it even when we are SIGKILLed,
// so no node process outlives a killed migmerge.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "migmerge/sys/environment.hpp"
#include "migmerge/sys/identity.hpp"

namespace migmerge::sys {

struct Command {
    std::vector<std::string> argv;           // argv[0] is looked up on PATH
    std::string cwd;                         // empty: ours
    std::optional<Environment> environment;  // nullopt: ours
    // Child fd <- our fd, applied with dup2 in this order. A child fd 0 that
    // is not named reads /dev/null; other unnamed fds are inherited as they are.
    std::vector<std::pair<int, int>> fds;
    // The user the child becomes before exec (only root may name another);
    // nullopt: ours. Its supplementary groups are just `gid`.
    std::optional<RunAs> run_as = std::nullopt;
};

class ChildProcess {
  public:
    // Error(resource) naming argv[0] when it cannot be executed, with `hint`
    // ("cannot run X as USER" when it cannot become command.run_as).
    ChildProcess(const Command& command, const std::string& hint);
    ~ChildProcess();  // SIGKILLs and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    void signal(int number) const;
    // Reaps the child and says how it ended ("exit code 1", "killed by signal 9").
    std::string wait();
    // Reaps the child if it has ended, without waiting; true then.
    bool try_wait();
    // Waits up to `grace` for it to end by itself, then SIGKILLs it; reaps it.
    void stop(std::chrono::milliseconds grace);
    // The exit code once it ended by itself; -1 after a signal or while running.
    int exit_code() const { return exit_code_; }

  private:
    void reaped(int status);

    pid_t pid_ = -1;
    int exit_code_ = -1;
};

struct CapturedRun {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
    bool timed_out = false;
};

// Runs `command` to its end with stdout and stderr captured (any `fds` given
// are added); SIGKILLs it when it runs longer than `time_limit`.
CapturedRun run_captured(Command command, std::chrono::milliseconds time_limit,
                         const std::string& hint);

}  // namespace migmerge::sys
