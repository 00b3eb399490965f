#pragma once
// What the hook tests share: git run the way a user runs it, with the hooks
// finding (or, on purpose, not finding) the built migmerge on PATH.
#include <map>
#include <string>
#include <vector>

#include "merge_scenario.hpp"

namespace migmerge::test {

// The directory of the built binary, first on PATH; or PATH without any
// directory that holds a `migmerge`.
std::string path_with_migmerge();
std::string path_without_migmerge();

// git in `cwd` with run_git's clean environment, the given PATH, and a
// non-interactive editor; hooks inherit all of it. `env` adds to or replaces
// that environment.
ProcessResult git_on_path(const std::string& cwd, const std::vector<std::string>& args,
                          const std::string& path = path_with_migmerge(),
                          const std::map<std::string, std::string>& env = {});

// Any program (`argv`) in `cwd` with git_on_path's environment.
ProcessResult run_on_path(const std::string& cwd, const std::vector<std::string>& argv,
                          const std::string& path = path_with_migmerge(),
                          const std::map<std::string, std::string>& env = {});

// `migmerge hook install` (or any hook subcommand) in `cwd`; must succeed.
std::string hook_command(const std::string& cwd, const std::vector<std::string>& args);

// A POSIX sh hook at `path`, executable, running `body`.
void write_hook(const std::string& path, const std::string& body);
bool is_executable(const std::string& path);

// What the hooks print goes to git's stderr (git redirects hook stdout).
std::string printed(const ProcessResult& result);

class HookTest : public GitTest {};

}  // namespace migmerge::test
