#pragma once
// Real repositories for tests, built with the real `git` binary in a
// temporary directory that disappears with the test.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::test {

// Runs git in `cwd` with a clean, deterministic environment (no user or
// system configuration, fixed dates). Does not fail the test by itself.
ProcessResult run_git(const std::vector<std::string>& args, const std::string& cwd,
                      int clock_tick = 0);

// Like run_git, but fails the calling test unless git exits 0; returns stdout.
std::string git_in(const std::string& cwd, const std::vector<std::string>& args);

bool git_available();

// Base for tests that need git: skips without it, but fails under CI=true.
class GitTest : public ::testing::Test {
  protected:
    void SetUp() override;
};

class GitRepo {
  public:
    // `git init -b main` with a local identity and unsigned commits.
    explicit GitRepo(const std::string& prefix = "migmerge-git");

    const std::string& path() const { return dir_.path(); }
    std::string operator/(const std::string& relative) const { return dir_ / relative; }

    std::string git(const std::vector<std::string>& args);  // must succeed; stdout
    ProcessResult try_git(const std::vector<std::string>& args);

    void write(const std::string& relative, const std::string& content);
    void remove(const std::string& relative);
    // Writes migrations/<name> with a minimal Sequelize body; returns its relative path.
    std::string add_migration(const std::string& name, const std::string& body = {});

    std::string commit(const std::string& message);  // stages everything; new HEAD id
    std::string rev(const std::string& spec);        // full id of any revision
    void branch(const std::string& name, const std::string& start = "HEAD");
    void checkout(const std::string& name);
    // Returns true when the merge finished cleanly; a conflict fails the test
    // unless `allow_conflicts`. With `commit` false it stops before committing.
    bool merge(const std::string& ref, bool allow_conflicts = false, bool commit = true);

  private:
    TempDir dir_;
    int clock_tick_ = 0;  // each commit one second later: distinct, reproducible ids
};

std::string default_migration_body(const std::string& name);

// `git clone --bare` of `repo` into `into`/bare.git; returns that path.
std::string bare_clone(GitRepo& repo, const TempDir& into);

}  // namespace migmerge::test
