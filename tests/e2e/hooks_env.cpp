#include "hooks_env.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace migmerge::test {
namespace {

std::string inherited_path() {
    const char* path = std::getenv("PATH");
    return path ? path : "/usr/bin:/bin";
}

bool holds_migmerge(const std::string& dir) {
    return access((dir + "/migmerge").c_str(), X_OK) == 0;
}

}  // namespace

std::string path_with_migmerge() {
    return std::filesystem::path(MIGMERGE_BIN).parent_path().string() + ":" + inherited_path();
}

std::string path_without_migmerge() {
    std::istringstream dirs(inherited_path());
    std::string kept;
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty() || holds_migmerge(dir)) continue;
        kept += (kept.empty() ? "" : ":") + dir;
    }
    return kept;
}

ProcessResult git_on_path(const std::string& cwd, const std::vector<std::string>& args,
                          const std::string& path, const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_on_path(cwd, argv, path, env);
}

ProcessResult run_on_path(const std::string& cwd, const std::vector<std::string>& argv,
                          const std::string& path, const std::map<std::string, std::string>& env) {
    ProcessOptions options;
    options.cwd = cwd;
    options.unset_env = {"GIT_DIR",           "GIT_WORK_TREE", "GIT_INDEX_FILE",
                         "GIT_REFLOG_ACTION", "DATABASE_URL",  "NODE_ENV"};
    options.set_env = {{"PATH", path},
                       {"GIT_CONFIG_GLOBAL", "/dev/null"},
                       {"GIT_CONFIG_NOSYSTEM", "1"},
                       {"GIT_AUTHOR_NAME", "Test Author"},
                       {"GIT_AUTHOR_EMAIL", "author@example.com"},
                       {"GIT_COMMITTER_NAME", "Test Author"},
                       {"GIT_COMMITTER_EMAIL", "author@example.com"},
                       {"GIT_EDITOR", "true"},
                       {"NO_COLOR", "1"},
                       {"LC_ALL", "C"}};
    for (const auto& [name, value] : env) options.set_env[name] = value;
    return run_process(argv, options);
}

std::string hook_command(const std::string& cwd, const std::vector<std::string>& args) {
    std::vector<std::string> full{"hook"};
    full.insert(full.end(), args.begin(), args.end());
    ProcessResult result = run_migmerge(full, cwd);
    if (result.exit_code != 0) ADD_FAILURE() << "migmerge hook failed\n" << result;
    return result.out;
}

void write_hook(const std::string& path, const std::string& body) {
    write_file(path, "#!/bin/sh\n" + body + "\n");
    chmod(path.c_str(), 0755);
}

bool is_executable(const std::string& path) {
    return access(path.c_str(), X_OK) == 0;
}

std::string printed(const ProcessResult& result) {
    return result.out + result.err;
}

}  // namespace migmerge::test
