// The README's hook-manager recipes, for real: husky 9.1.7 and lefthook 2.2.2
// from this repository's node_modules (package.json pins them), set up in a
// project laid out as a team lays it out (package.json, migmerge.json,
// migrations/, node_modules), installing the hooks through the manager, then
// git merging and pushing with the built migmerge first on PATH.
#include <gmock/gmock.h>

#include <filesystem>

#include "hooks_env.hpp"
#include "support/sequelize_project.hpp"

namespace fs = std::filesystem;

namespace migmerge::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string feature = "20260120000000-add-feature.js";
const std::string renamed_audit = "20260115100002-add-audit-log.js";

// `package`'s version in the repository's node_modules, or "" without it.
std::string installed_version(const std::string& package) {
    const std::string manifest = repository_node_modules() + "/" + package + "/package.json";
    if (!file_exists(manifest)) return "";
    return nlohmann::json::parse(read_file(manifest)).value("version", "");
}

// Why `package` at `version` cannot be run from the repository's node_modules,
// or "" when it can.
std::string manager_missing(const std::string& package, const std::string& version) {
    if (run_process({"node", "--version"}).exit_code != 0) return "node is not installed";
    const std::string found = installed_version(package);
    if (found != version) {
        return package + "@" + version + " is not in " + repository_node_modules() +
               (found.empty() ? "" : " (found " + found + ")") + "; run npm ci in " +
               MIGMERGE_SOURCE_DIR;
    }
    return "";
}

#define MIGMERGE_REQUIRE_MANAGER(package, version)                              \
    do {                                                                        \
        const std::string missing = manager_missing(package, version);          \
        if (!missing.empty()) {                                                 \
            if (::migmerge::test::ci_mode()) FAIL() << missing << " (CI=true)"; \
            GTEST_SKIP() << missing;                                            \
        }                                                                       \
    } while (false)

// A team's project with `manager` as a devDependency, set up before the
// branches: package.json, migmerge.json naming the production branch,
// node_modules (the repository's, linked, and ignored as a team ignores it).
// Each test's HOME is its own, so no user configuration of a manager (husky's
// ~/.config/husky/init.sh) reaches it and nothing lands outside the test's
// directories.
class HookManagerTest : public HookTest {
  protected:
    void lay_out_project(const std::string& manager, const std::string& version) {
        nlohmann::json package = {{"name", "devopser-lite"},
                                  {"private", true},
                                  {"devDependencies", {{manager, version}}}};
        repo.write("package.json", package.dump(2) + "\n");
        repo.write("migmerge.json", "{\"base\": \"origin/production\"}\n");
        repo.write(".gitignore", "node_modules\n");
        fs::create_directory_symlink(repository_node_modules(), repo / "node_modules");
    }

    // node_modules/.bin/NAME, as `npx NAME` finds it, in the project.
    ProcessResult npx(const std::vector<std::string>& args) {
        std::vector<std::string> argv{repo / ("node_modules/.bin/" + args.front())};
        argv.insert(argv.end(), args.begin() + 1, args.end());
        return run_on_path(repo.path(), argv, path_with_migmerge(), home_env());
    }

    ProcessResult git(const std::vector<std::string>& args) {
        return git_on_path(repo.path(), args, path_with_migmerge(), home_env());
    }

    std::map<std::string, std::string> home_env() const {
        return {{"HOME", home.path()}, {"XDG_CONFIG_HOME", home / ".config"}};
    }

    bool merging() { return file_exists(repo / ".git/MERGE_HEAD"); }

    // feature: production plus one migration newer than all of them.
    void make_feature_branch() {
        repo.branch("feature", "production");
        repo.checkout("feature");
        repo.add_migration(feature);
        repo.commit("feature");
        repo.checkout("production");
    }

    // A bare origin holding main and production (pushed past the hooks: until
    // origin/production exists, migmerge cannot judge against it).
    void add_origin() {
        git_in(remote.path(), {"init", "-q", "--bare", "origin.git"});
        repo.git({"remote", "add", "origin", remote / "origin.git"});
        ProcessResult push = git({"push", "-q", "--no-verify", "origin", "main", "production"});
        ASSERT_EQ(push.exit_code, 0) << push;
    }

    bool origin_has(const std::string& branch) {
        return !git_in(remote / "origin.git", {"branch", "--list", branch}).empty();
    }

    // Through the manager's pre-push: staging collides with production and
    // stays home; a clean feature branch goes through.
    void expect_colliding_push_refused_and_clean_push_through() {
        add_origin();
        make_feature_branch();
        ProcessResult refused = git({"push", "origin", "staging"});
        EXPECT_NE(refused.exit_code, 0) << refused;
        EXPECT_THAT(printed(refused), HasSubstr("error: same-timestamp"));
        EXPECT_THAT(printed(refused), HasSubstr("migmerge: not pushing refs/heads/staging."));
        EXPECT_FALSE(origin_has("staging"));

        ProcessResult pushed = git({"push", "origin", "feature"});
        EXPECT_EQ(pushed.exit_code, 0) << pushed;
        EXPECT_TRUE(origin_has("feature"));
    }

    GitRepo repo{"migmerge-hook-manager"};
    TempDir home{"migmerge-hook-manager-home"};
    TempDir remote{"migmerge-hook-manager-origin"};
};

// husky 9: `npx husky init` (core.hooksPath=.husky/_), then one file per hook
// in .husky/ as README.md's recipe writes them (pre-commit, post-merge and
// pre-push likewise; the recipe's pre-commit replaces init's `npm test`).
class HookManagerHusky : public HookManagerTest {
  protected:
    void SetUp() override {
        HookManagerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        MIGMERGE_REQUIRE_MANAGER("husky", "9.1.7");
        lay_out_project("husky", "9.1.7");
        ProcessResult init = npx({"husky", "init"});
        ASSERT_EQ(init.exit_code, 0) << init;
        for (const char* hook : {"pre-merge-commit", "pre-commit", "post-merge", "pre-push"}) {
            const std::string name = hook;
            repo.write(".husky/" + name,
                       "command -v migmerge >/dev/null || exit 0\n"
                       "migmerge hook run " +
                           name + " \"$@\"\n");
        }
        build_diverged_branches(repo, "production");
    }
};

TEST_F(HookManagerHusky, InitPointsGitAtHuskysHooks) {
    EXPECT_EQ(repo.git({"config", "core.hooksPath"}), ".husky/_\n");
    EXPECT_TRUE(is_executable(repo / ".husky/_/pre-merge-commit"));
    EXPECT_THAT(read_file(repo / "package.json"), HasSubstr("\"prepare\": \"husky\""));
    EXPECT_FALSE(file_exists(repo / ".git/hooks/pre-merge-commit"));
}

TEST_F(HookManagerHusky, ACollidingMergeIsStoppedThenFixAndCommitConcludeIt) {
    ProcessResult merge = git({"merge", "--no-edit", "staging"});
    ASSERT_NE(merge.exit_code, 0) << merge;
    EXPECT_THAT(merge.err, HasSubstr("error: same-timestamp"));
    EXPECT_THAT(merge.err, HasSubstr("migmerge: merge not committed."));
    EXPECT_THAT(merge.err, HasSubstr("husky - pre-merge-commit script failed (code 1)"));
    EXPECT_EQ(repo.rev("HEAD"), repo.rev("production")) << "no merge commit was made";
    ASSERT_TRUE(merging());

    ProcessResult fix = run_migmerge({"fix"}, repo.path());
    ASSERT_EQ(fix.exit_code, 0) << fix;
    ProcessResult commit = git({"commit", "--no-edit"});  // through husky's pre-commit
    ASSERT_EQ(commit.exit_code, 0) << commit;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("staging"));
    EXPECT_THAT(repo.git({"ls-tree", "--name-only", "HEAD", "migrations/"}),
                HasSubstr(renamed_audit));
}

TEST_F(HookManagerHusky, ACleanMergeIsCommittedAndPostMergeListsWhatArrived) {
    make_feature_branch();
    ProcessResult merge = git({"merge", "--no-ff", "--no-edit", "feature"});
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("feature"));
    EXPECT_THAT(merge.err, HasSubstr("1 new migration(s) arrived"));
    EXPECT_THAT(merge.err, HasSubstr(feature));
    EXPECT_THAT(merge.err, Not(HasSubstr("error:")));
}

TEST_F(HookManagerHusky, PushingABranchThatCollidesWithProductionIsRefused) {
    expect_colliding_push_refused_and_clean_push_through();
}

// lefthook 2: README.md's lefthook.yml, then `npx lefthook install`, which
// writes .git/hooks; the hooks find lefthook's binary in the project's
// node_modules (lefthook-linux-x64 and the like).
class HookManagerLefthook : public HookManagerTest {
  protected:
    void SetUp() override {
        HookManagerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        MIGMERGE_REQUIRE_MANAGER("lefthook", "2.2.2");
        lay_out_project("lefthook", "2.2.2");
        repo.write("lefthook.yml", R"(# lefthook.yml (pre-push needs use_stdin for the pushed refs)
pre-merge-commit: { commands: { migmerge: { run: migmerge hook run pre-merge-commit } } }
pre-push: { commands: { migmerge: { run: "migmerge hook run pre-push {1} {2}", use_stdin: true } } }
)");
        ProcessResult install = npx({"lefthook", "install"});
        ASSERT_EQ(install.exit_code, 0) << install;
        build_diverged_branches(repo, "production");
    }
};

TEST_F(HookManagerLefthook, InstallWritesTheConfiguredHooksIntoGit) {
    EXPECT_THAT(read_file(repo / ".git/hooks/pre-merge-commit"),
                HasSubstr("call_lefthook run \"pre-merge-commit\""));
    EXPECT_TRUE(is_executable(repo / ".git/hooks/pre-push"));
    EXPECT_FALSE(file_exists(repo / ".git/hooks/post-merge")) << "not in lefthook.yml";
}

TEST_F(HookManagerLefthook, ACollidingMergeIsStoppedBeforeItsCommit) {
    ProcessResult merge = git({"merge", "--no-edit", "staging"});
    ASSERT_NE(merge.exit_code, 0) << merge;
    EXPECT_THAT(merge.err, HasSubstr("lefthook  v2.2.2"));
    EXPECT_THAT(merge.err, HasSubstr("error: same-timestamp"));
    EXPECT_THAT(merge.err, HasSubstr("migmerge: merge not committed."));
    EXPECT_EQ(repo.rev("HEAD"), repo.rev("production")) << "no merge commit was made";
    EXPECT_TRUE(merging());
}

TEST_F(HookManagerLefthook, ACleanMergeIsCommitted) {
    make_feature_branch();
    ProcessResult merge = git({"merge", "--no-ff", "--no-edit", "feature"});
    ASSERT_EQ(merge.exit_code, 0) << merge;
    EXPECT_THAT(merge.err, HasSubstr("lefthook  v2.2.2"));
    EXPECT_THAT(merge.err, Not(HasSubstr("error:")));
    EXPECT_EQ(repo.rev("HEAD^2"), repo.rev("feature"));
}

TEST_F(HookManagerLefthook, PushingABranchThatCollidesWithProductionIsRefused) {
    expect_colliding_push_refused_and_clean_push_through();
}

// npm ci in this repository runs no install script (.npmrc), so lefthook's
// postinstall never runs `lefthook install` here: no lefthook.yml, and no
// lefthook hook in the repository's hooks directory.
TEST(HookManagerRepository, NpmRunsNoInstallScriptHere) {
    if (run_process({"npm", "--version"}).exit_code != 0) {
        if (ci_mode()) FAIL() << "npm is not installed (CI=true)";
        GTEST_SKIP() << "npm is not installed";
    }
    ProcessOptions in_source;
    in_source.cwd = MIGMERGE_SOURCE_DIR;
    ProcessResult config = run_process({"npm", "config", "get", "ignore-scripts"}, in_source);
    ASSERT_EQ(config.exit_code, 0) << config;
    EXPECT_EQ(config.out, "true\n") << "npm would run lefthook's postinstall here";
    EXPECT_FALSE(file_exists(std::string(MIGMERGE_SOURCE_DIR) + "/lefthook.yml"));

    ProcessResult hooks = run_git({"rev-parse", "--path-format=absolute", "--git-path", "hooks"},
                                  MIGMERGE_SOURCE_DIR);
    if (hooks.exit_code != 0) return;  // not a git checkout: no hooks to look at
    const std::string dir = lines_of(hooks.out).at(0);
    if (!fs::is_directory(dir)) return;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        EXPECT_THAT(read_file(entry.path().string()), Not(HasSubstr("call_lefthook")))
            << entry.path();
    }
}

}  // namespace
}  // namespace migmerge::test
