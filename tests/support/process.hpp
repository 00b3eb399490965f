#pragma once
// Runs a real program (git, node, the migmerge binary) and captures what it
// printed and how it ended.
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace migmerge::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

std::ostream& operator<<(std::ostream& out, const ProcessResult& result);  // for failed asserts

struct ProcessOptions {
    std::string cwd;                             // empty: inherit
    std::map<std::string, std::string> set_env;  // added or replaced
    std::vector<std::string> unset_env;
    std::string input;                     // written to stdin, then closed
    std::function<void(int pid)> started;  // told the pid once it runs (to signal it)
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The built migmerge binary (MIGMERGE_BIN), run in `cwd`, without
// DATABASE_URL, NODE_ENV, PG* or GIT_DIR-like variables unless `env` sets them.
ProcessResult run_migmerge(const std::vector<std::string>& args, const std::string& cwd,
                           const std::map<std::string, std::string>& env = {},
                           std::function<void(int pid)> started = {});

// Fails the calling test (ADD_FAILURE) unless it exits 0; returns stdout.
std::string must_run(const std::vector<std::string>& argv, const std::string& cwd = {});

// Under CI=true a missing tool is a failure, never a skip.
bool ci_mode();

}  // namespace migmerge::test
