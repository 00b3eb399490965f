#pragma once
// The one `node` process of a run, spoken to over a command socket (its
// stdin) and a reply pipe (its fd 3); its stdout and stderr go to our
// stderr. It dies with us (sys::ChildProcess), and it exits by itself when
// its command socket closes.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::run {

class NodeProcess {
  public:
    // `arguments` follow the node executable. Error(resource) when `node`
    // cannot be executed (missing, not executable), with a hint.
    NodeProcess(const std::string& node, const std::vector<std::string>& arguments,
                const std::string& cwd, const std::optional<sys::Environment>& environment);
    ~NodeProcess();  // closes the command socket, waits briefly, then SIGKILLs
    NodeProcess(const NodeProcess&) = delete;
    NodeProcess& operator=(const NodeProcess&) = delete;

    pid_t pid() const { return child_->pid(); }
    // False when the process no longer reads (it died).
    bool send_line(const std::string& line);
    // nullopt when the process closed its reply pipe (it died), when
    // `deadline` passed first (then timed_out() says so), or, with
    // `wake_on_signal`, when SIGTERM or SIGINT arrived (signalled()); the
    // reply can still be read later.
    std::optional<std::string> read_line(
        std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt,
        bool wake_on_signal = false);
    bool timed_out() const { return timed_out_; }
    bool signalled() const { return signalled_; }
    void kill();
    // How it ended ("exit code 1", "killed by signal 9"); reaps it.
    std::string wait_for_exit() { return child_->wait(); }

  private:
    sys::UniqueFd commands_;
    sys::UniqueFd replies_;
    std::optional<sys::ChildProcess> child_;
    std::string buffered_;
    bool timed_out_ = false;
    bool signalled_ = false;
};

}  // namespace migmerge::run
