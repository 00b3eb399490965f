#include "support/git_fixture.hpp"

#include <filesystem>

namespace migmerge::test {
namespace {

constexpr long base_time = 1700000000;

std::string git_date(int clock_tick) {
    return std::to_string(base_time + clock_tick) + " +0000";
}

std::string describe(const std::vector<std::string>& args) {
    std::string command = "git";
    for (const auto& arg : args) command += " " + arg;
    return command;
}

}  // namespace

ProcessResult run_git(const std::vector<std::string>& args, const std::string& cwd,
                      int clock_tick) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.cwd = cwd;
    options.unset_env = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"};
    options.set_env = {{"GIT_CONFIG_GLOBAL", "/dev/null"},
                       {"GIT_CONFIG_NOSYSTEM", "1"},
                       {"GIT_AUTHOR_DATE", git_date(clock_tick)},
                       {"GIT_COMMITTER_DATE", git_date(clock_tick)},
                       {"GIT_AUTHOR_NAME", "Test Author"},
                       {"GIT_AUTHOR_EMAIL", "author@example.com"},
                       {"GIT_COMMITTER_NAME", "Test Author"},
                       {"GIT_COMMITTER_EMAIL", "author@example.com"},
                       {"GIT_EDITOR", "true"},
                       {"LC_ALL", "C"}};
    return run_process(argv, options);
}

std::string git_in(const std::string& cwd, const std::vector<std::string>& args) {
    ProcessResult result = run_git(args, cwd);
    if (result.exit_code != 0) ADD_FAILURE() << describe(args) << " in " << cwd << "\n" << result;
    return result.out;
}

bool git_available() {
    return run_git({"--version"}, {}).exit_code == 0;
}

void GitTest::SetUp() {
    if (git_available()) return;
    if (ci_mode()) FAIL() << "git is required (CI=true) but not found on PATH";
    GTEST_SKIP() << "git is not installed";
}

GitRepo::GitRepo(const std::string& prefix) : dir_(prefix) {
    git({"init", "-q", "-b", "main"});
    git({"config", "user.name", "Test Author"});
    git({"config", "user.email", "author@example.com"});
    git({"config", "commit.gpgsign", "false"});
}

std::string GitRepo::git(const std::vector<std::string>& args) {
    ProcessResult result = try_git(args);
    if (result.exit_code != 0) ADD_FAILURE() << describe(args) << "\n" << result;
    return result.out;
}

ProcessResult GitRepo::try_git(const std::vector<std::string>& args) {
    return run_git(args, path(), clock_tick_);
}

void GitRepo::write(const std::string& relative, const std::string& content) {
    write_file(dir_ / relative, content);
}

void GitRepo::remove(const std::string& relative) {
    std::filesystem::remove(dir_ / relative);
}

std::string default_migration_body(const std::string& name) {
    return "'use strict';\n// " + name +
           "\nmodule.exports = {\n  async up() {},\n  async down() {},\n};\n";
}

std::string GitRepo::add_migration(const std::string& name, const std::string& body) {
    std::string relative = "migrations/" + name;
    write(relative, body.empty() ? default_migration_body(name) : body);
    return relative;
}

std::string GitRepo::commit(const std::string& message) {
    ++clock_tick_;
    git({"add", "-A"});
    git({"commit", "-q", "--allow-empty", "-m", message});
    return rev("HEAD");
}

std::string GitRepo::rev(const std::string& spec) {
    std::string id = git({"rev-parse", "--verify", spec + "^{commit}"});
    while (!id.empty() && id.back() == '\n') id.pop_back();
    return id;
}

void GitRepo::branch(const std::string& name, const std::string& start) {
    git({"branch", name, start});
}

void GitRepo::checkout(const std::string& name) {
    git({"checkout", "-q", name});
}

bool GitRepo::merge(const std::string& ref, bool allow_conflicts, bool commit) {
    ++clock_tick_;
    std::vector<std::string> args{"merge", "-q", "--no-edit", "--no-ff"};
    if (!commit) args.push_back("--no-commit");
    args.push_back(ref);
    ProcessResult result = try_git(args);
    if (result.exit_code != 0 && !allow_conflicts) {
        ADD_FAILURE() << describe(args) << "\n" << result;
    }
    return result.exit_code == 0;
}

std::string bare_clone(GitRepo& repo, const TempDir& into) {
    std::string bare = into / "bare.git";
    git_in(into.path(), {"clone", "-q", "--bare", repo.path(), bare});
    return bare;
}

}  // namespace migmerge::test
