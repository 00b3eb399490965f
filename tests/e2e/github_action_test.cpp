// action.yml's shell steps, run as GitHub Actions runs them on a pull
// request: a full clone (fetch-depth 0) checked out at the merge of the pull
// request into its base, GITHUB_BASE_REF naming the base branch.
#include <gmock/gmock.h>

#include <fstream>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string source_dir = MIGMERGE_SOURCE_DIR;

// The `run:` lines of action.yml, in order.
std::vector<std::string> action_steps() {
    std::ifstream file(source_dir + "/action.yml");
    std::vector<std::string> steps;
    for (std::string line; std::getline(file, line);) {
        std::size_t run = line.find("run: ");
        if (run != std::string::npos && line.find_first_not_of(' ') == run) {
            steps.push_back(line.substr(run + 5));
        }
    }
    return steps;
}

class GithubAction : public GitTest {
  protected:
    // origin: main deployed a migration while the pull request's branch wrote `pr_migration`.
    void open_pull_request(const std::string& pr_migration) {
        origin_.add_migration("20240101000000-create-users.js");
        origin_.commit("initial");
        origin_.branch("feature");
        origin_.add_migration("20240401000000-add-comments.js");
        origin_.commit("main: comments");
        origin_.checkout("feature");
        origin_.add_migration(pr_migration);
        origin_.commit("feature");
        origin_.checkout("main");
    }
    // actions/checkout with fetch-depth 0 on pull_request: refs/pull/N/merge.
    std::string check_out_merge(const std::vector<std::string>& clone_options = {}) {
        std::string clone = runner_ / "work";
        std::vector<std::string> args{"clone", "-q"};
        args.insert(args.end(), clone_options.begin(), clone_options.end());
        args.insert(args.end(), {"file://" + origin_.path(), clone});
        git_in(runner_.path(), args);
        git_in(clone, {"fetch", "-q", "origin", "feature"});
        git_in(clone, {"checkout", "-q", "--detach", "origin/main"});
        git_in(clone, {"merge", "-q", "--no-ff", "--no-edit", "FETCH_HEAD"});
        return clone;
    }
    // Each step of action.yml, as the runner runs it; the first that fails ends the job.
    ProcessResult run_action(const std::string& workspace) {
        ProcessResult last;
        for (const std::string& step : action_steps()) {
            ProcessOptions options;
            options.cwd = workspace;
            options.set_env = {{"GITHUB_ACTION_PATH", source_dir},
                               {"GITHUB_BASE_REF", "main"},
                               {"GITHUB_STEP_SUMMARY", summary_},
                               {"MIGMERGE", MIGMERGE_BIN},
                               {"INPUT_WORKING_DIRECTORY", "."},
                               {"INPUT_MIGRATIONS_PATH", ""},
                               {"INPUT_BASE", ""}};
            last = run_process({"bash", "-c", step}, options);
            if (last.exit_code != 0) break;
        }
        return last;
    }
    GitRepo origin_;
    TempDir runner_;
    std::string summary_ = runner_ / "summary.md";
};

TEST_F(GithubAction, HasABuildStepAndACheckStep) {
    EXPECT_EQ(action_steps(),
              (std::vector<std::string>{"bash \"$GITHUB_ACTION_PATH/scripts/action\" build",
                                        "bash \"$GITHUB_ACTION_PATH/scripts/action\" check"}));
}

TEST_F(GithubAction, APullRequestThatSplitsHistoryGetsAnnotatedAndFails) {
    open_pull_request("20240301000000-add-tags.js");
    ProcessResult job = run_action(check_out_merge());
    EXPECT_EQ(job.exit_code, 1) << job;
    EXPECT_THAT(job.out, HasSubstr("::error file=migrations/20240301000000-add-tags.js,title="
                                   "migmerge out-of-order::"));
    std::string summary = read_file(summary_);
    EXPECT_THAT(summary, HasSubstr("Deployed side: base HEAD^1 (HEAD^1 contains origin/main "
                                   "(GITHUB_BASE_REF), HEAD^2 does not)."));
    EXPECT_THAT(summary, HasSubstr("1 error, 0 warnings."));
}

TEST_F(GithubAction, APullRequestInOrderPasses) {
    open_pull_request("20240501000000-add-tags.js");
    ProcessResult job = run_action(check_out_merge());
    EXPECT_EQ(job.exit_code, 0) << job;
    EXPECT_THAT(job.out, Not(HasSubstr("::error")));
    EXPECT_THAT(read_file(summary_), HasSubstr("No problems found."));
}

TEST_F(GithubAction, AShallowCheckoutSaysToFetchTheHistory) {
    open_pull_request("20240301000000-add-tags.js");
    std::string clone = runner_ / "shallow";
    git_in(runner_.path(), {"clone", "-q", "--depth", "1", "file://" + origin_.path(), clone});
    ProcessResult job = run_action(clone);
    EXPECT_EQ(job.exit_code, 2) << job;
    EXPECT_THAT(job.out, HasSubstr("::error::migmerge action: the checkout is shallow; use "
                                   "actions/checkout with 'fetch-depth: 0'"));
}

}  // namespace
}  // namespace migmerge::test
