#pragma once
// The one `node` process of a run: started with fork/exec, spoken to over a
// command pipe (its stdin) and a reply pipe (its fd 3); its stdout and stderr
// go to our stderr. It dies with us: PR_SET_PDEATHSIG kills it even when we
// are SIGKILLed, and it exits by itself when its command pipe closes.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "unique_fd.hpp"

namespace migmerge::run {

class NodeProcess {
  public:
    // `arguments` follow the node executable. Error(resource) when `node`
    // cannot be executed (missing, not executable), with a hint.
    NodeProcess(const std::string& node, const std::vector<std::string>& arguments);
    ~NodeProcess();  // closes the command pipe, waits briefly, then SIGKILLs and reaps
    NodeProcess(const NodeProcess&) = delete;
    NodeProcess& operator=(const NodeProcess&) = delete;

    pid_t pid() const { return pid_; }
    // False when the process no longer reads (it died).
    bool send_line(const std::string& line);
    // nullopt when the process closed its reply pipe (it died).
    std::optional<std::string> read_line();
    // How it ended ("exit code 1", "killed by signal 9"); reaps it.
    std::string wait_for_exit();

  private:
    void stop();

    pid_t pid_ = -1;
    UniqueFd commands_;
    UniqueFd replies_;
    std::string buffered_;
};

}  // namespace migmerge::run
