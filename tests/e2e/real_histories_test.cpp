// check on histories as long-lived branches make them, with real git: a
// catch-up merge of main, a rebase, a squash-merged pull request checked as
// CI checks it, an octopus of releases, a legacy project and a bulk reformat.
// Each pins the findings, their severities, the deployed side and the exit code.
#include <gmock/gmock.h>

#include "merge_scenario.hpp"

namespace migmerge::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string users = "20240101000000-create-users.js";
const std::string posts = "20240110000000-create-posts.js";
const std::string tags = "20240301000000-add-tags.js";          // the feature's
const std::string comments = "20240401000000-add-comments.js";  // main's, deployed
const std::string moved_tags = "20240401000001-add-tags.js";    // after fix

class RealHistory : public GitTest {
  protected:
    // main: two deployed migrations; migmerge.json names main as deployed.
    void start_project(const std::string& more_settings = "") {
        repo_.write("migmerge.json", "{\"base\": \"main\"" + more_settings + "}\n");
        repo_.add_migration(users);
        repo_.add_migration(posts);
        repo_.commit("initial schema");
    }
    void add_on(const std::string& branch, const std::string& name) {
        repo_.checkout(branch);
        repo_.add_migration(name);
        repo_.commit("add " + name);
    }
    // The feature writes its migration in March; main deploys one in April.
    void diverge() {
        start_project();
        repo_.branch("feature");
        add_on("feature", tags);
        add_on("main", comments);
    }
    nlohmann::json check(const std::vector<std::string>& args, int expected_exit,
                         const std::map<std::string, std::string>& env = {}) {
        std::vector<std::string> argv{"--format", "json", "check"};
        argv.insert(argv.end(), args.begin(), args.end());
        ProcessResult result = run_migmerge(argv, repo_.path(), env);
        EXPECT_EQ(result.exit_code, expected_exit) << result;
        return parse_json(result);
    }
    GitRepo repo_;
};

std::vector<std::string> files_of(const nlohmann::json& finding) {
    return finding.at("files").get<std::vector<std::string>>();
}

std::vector<std::string> codes_under(const nlohmann::json& document, const std::string& key) {
    std::vector<std::string> codes;
    for (const auto& finding : document.at(key)) codes.push_back(finding.at("code"));
    return codes;
}

TEST_F(RealHistory, ACatchUpMergeOfMainIsJudgedWithMainDeployed) {
    diverge();
    repo_.checkout("feature");
    ASSERT_TRUE(repo_.merge("main"));  // first parent: the feature; second: main
    nlohmann::json merge = check({}, 1);
    EXPECT_EQ(merge["base"]["ref"], "HEAD^2");
    EXPECT_EQ(merge["base"]["commit"], repo_.rev("main"));
    EXPECT_EQ(merge["deployed"]["reason"],
              "HEAD^2 contains main (\"base\" in migmerge.json), HEAD^1 does not");
    ASSERT_THAT(finding_codes(merge), ElementsAre("out-of-order"));
    EXPECT_EQ(merge["findings"][0]["severity"], "error");
    EXPECT_EQ(merge["findings"][0]["side"], "head");
    EXPECT_THAT(files_of(merge["findings"][0]), ElementsAre(tags, comments));
    EXPECT_THAT(merge["renames"][0]["from"], tags);  // never main's deployed file
}

TEST_F(RealHistory, AFeatureThatCaughtUpIsStillSplitHistoryAgainstMain) {
    diverge();
    repo_.checkout("feature");
    ASSERT_TRUE(repo_.merge("main"));
    // The pull request: the feature against main, whose migration is now in the merge base.
    nlohmann::json pull_request = check({"--base", "main"}, 1);
    EXPECT_EQ(pull_request["mergeBase"], repo_.rev("main"));
    EXPECT_EQ(pull_request["deployed"]["reason"], "named by --base");
    ASSERT_THAT(finding_codes(pull_request), ElementsAre("out-of-order"));
    EXPECT_THAT(files_of(pull_request["findings"][0]), ElementsAre(tags, comments));
    ASSERT_EQ(run_migmerge({"fix", "--base", "main"}, repo_.path()).exit_code, 0);
    EXPECT_TRUE(file_exists(repo_ / ("migrations/" + moved_tags)));
    EXPECT_THAT(finding_codes(check({"--base", "main"}, 0)), IsEmpty());
}

TEST_F(RealHistory, ARebasedBranchIsSplitHistory) {
    diverge();
    repo_.checkout("feature");
    repo_.git({"rebase", "-q", "main"});
    nlohmann::json rebased = check({"--base", "main"}, 1);
    EXPECT_EQ(rebased["mergeBase"], repo_.rev("main"));
    ASSERT_THAT(finding_codes(rebased), ElementsAre("out-of-order"));
    EXPECT_THAT(files_of(rebased["findings"][0]), ElementsAre(tags, comments));
}

TEST_F(RealHistory, ASquashMergedPullRequestMakesTheNextOneSplitHistory) {
    start_project();
    repo_.branch("pr-a");
    repo_.branch("pr-b");
    add_on("pr-a", "20240501000000-add-likes.js");
    add_on("pr-b", "20240415000000-add-follows.js");
    repo_.checkout("main");
    repo_.git({"merge", "-q", "--squash", "pr-a"});
    repo_.commit("Add likes (#12)");
    // As CI checks pull request B: its head against the base branch.
    nlohmann::json pull_request = check({"--base", "main", "--head", "pr-b"}, 1);
    ASSERT_THAT(finding_codes(pull_request), ElementsAre("out-of-order"));
    EXPECT_THAT(files_of(pull_request["findings"][0]),
                ElementsAre("20240415000000-add-follows.js", "20240501000000-add-likes.js"));
    // As GitHub Actions checks it out: the merge of the PR into its base.
    repo_.git({"checkout", "-q", "--detach", "main"});
    repo_.git({"merge", "-q", "--no-ff", "--no-edit", "pr-b"});
    nlohmann::json merged = check({}, 1, {{"GITHUB_BASE_REF", "main"}});
    EXPECT_EQ(merged["base"]["ref"], "HEAD^1");
    EXPECT_EQ(merged["deployed"]["reason"],
              "HEAD^1 contains main (GITHUB_BASE_REF), HEAD^2 does not");
    EXPECT_THAT(finding_codes(merged), ElementsAre("out-of-order"));
}

TEST_F(RealHistory, AnOctopusOfReleasesIsJudgedAgainstTheBranchMergedInto) {
    start_project();
    repo_.branch("release-1");
    repo_.branch("release-2");
    add_on("release-1", "20240601000000-add-orders.js");
    add_on("release-2", "20240602000000-add-invoices.js");
    add_on("main", "20240610000000-hotfix-index.js");
    repo_.git({"merge", "-q", "--no-edit", "release-1", "release-2"});
    nlohmann::json octopus = check({}, 1);
    EXPECT_EQ(octopus["base"]["ref"], "HEAD^1");
    EXPECT_EQ(octopus["head"]["ref"], "HEAD");
    EXPECT_THAT(octopus["deployed"]["reason"].get<std::string>(), HasSubstr("octopus"));
    ASSERT_THAT(finding_codes(octopus), ElementsAre("out-of-order", "out-of-order"));
    EXPECT_THAT(files_of(octopus["findings"][0]),
                ElementsAre("20240601000000-add-orders.js", "20240610000000-hotfix-index.js"));
    ASSERT_EQ(run_migmerge({"fix"}, repo_.path()).exit_code, 0);
    EXPECT_THAT(finding_codes(check({}, 0)), IsEmpty());
}

TEST_F(RealHistory, LegacyNamesAndAnOldPairAreNotesUntilTheMergeAddsOne) {
    for (const char* legacy :
         {"00-init-model.js", "01-seed.js", "20200101000000-a.js", "20200101000000-b.js"}) {
        repo_.add_migration(legacy);
    }
    start_project();
    repo_.branch("feature");
    add_on("feature", "20240301000000-add-tags.js");
    nlohmann::json quiet = check({"--base", "main"}, 0);
    EXPECT_THAT(finding_codes(quiet), IsEmpty());
    EXPECT_THAT(codes_under(quiet, "preexisting"),
                ElementsAre("same-timestamp", "invalid-name", "invalid-name"));
    ProcessResult verbose = run_migmerge({"check", "--base", "main", "-v"}, repo_.path());
    EXPECT_EQ(verbose.exit_code, 0) << verbose;
    EXPECT_THAT(verbose.out,
                HasSubstr("Pre-existing, already on the deployed side (notes; not counted):"));
    EXPECT_THAT(verbose.out, HasSubstr("00-init-model.js"));

    add_on("feature", "helpers.js");  // new: every database would run it first
    nlohmann::json added = check({"--base", "main"}, 1);
    ASSERT_THAT(finding_codes(added), ElementsAre("invalid-name"));
    EXPECT_THAT(files_of(added["findings"][0]), ElementsAre("helpers.js"));
    ProcessResult accept = run_migmerge(
        {"accept", "invalid-name", "helpers.js", "--reason", "shared by every migration"},
        repo_.path());
    ASSERT_EQ(accept.exit_code, 0) << accept;
    repo_.commit("accept helpers.js");
    nlohmann::json accepted = check({"--base", "main"}, 0);
    EXPECT_THAT(finding_codes(accepted), IsEmpty());
    EXPECT_EQ(accepted["accepted"], 1);
    EXPECT_THAT(repo_.git({"show", "HEAD:migrations/.gitattributes"}),
                HasSubstr(".migmerge-accepted merge=union"));
}

const char* compact =
    "module.exports = {\n  async up(q, S) {\n    await q.addColumn('Users', "
    "'bio', { type: S.TEXT });\n  },\n};\n";
const char* reformatted =
    "/** Adds Users.bio. */\nmodule.exports = {\n    async up(q, S) {\n"
    "        await q.addColumn('Users', 'bio', {type: S.TEXT});\n"
    "    },\n};\n";
const char* changed =
    "module.exports = {\n  async up(q, S) {\n    await q.addColumn('Users', "
    "'bio', { type: S.STRING });\n  },\n};\n";

// The reformat's own pull request gets a warning (accepted, nothing); a
// branch that forked before it merges in later without hearing of it again.
TEST_F(RealHistory, ABulkReformatIsAWarningInItsPullRequestAndThenThePast) {
    repo_.add_migration("20230101000000-add-bio.js", compact);
    start_project();
    repo_.branch("feature");
    repo_.branch("style");
    add_on("feature", tags);
    repo_.checkout("style");
    repo_.write("migrations/20230101000000-add-bio.js", reformatted);
    repo_.commit("style: reformat old migrations");
    nlohmann::json warned = check({"--base", "main", "--head", "style"}, 0);
    ASSERT_THAT(finding_codes(warned), ElementsAre("modified"));
    EXPECT_EQ(warned["findings"][0]["severity"], "warning");
    EXPECT_EQ(warned["findings"][0]["side"], "head");

    ASSERT_EQ(run_migmerge({"accept", "modified", "20230101000000-add-bio.js", "--reason",
                            "prettier, no change in behaviour"},
                           repo_.path())
                  .exit_code,
              0);
    repo_.commit("accept the reformat");
    nlohmann::json accepted = check({"--base", "main", "--head", "style"}, 0);
    EXPECT_THAT(finding_codes(accepted), IsEmpty());
    EXPECT_EQ(accepted["accepted"], 1);
    repo_.checkout("main");
    ASSERT_TRUE(repo_.merge("style"));

    // The feature forked before the reformat: main's edit is main's own past.
    nlohmann::json later = check({"--base", "main", "--head", "feature"}, 0);
    EXPECT_THAT(finding_codes(later), IsEmpty());
    EXPECT_THAT(codes_under(later, "preexisting"), IsEmpty()) << "accepted, so not even a note";
    EXPECT_EQ(later["accepted"], 1);

    // The accepted edit is that version only: the feature changing it is an error.
    add_on("feature", "20240501000000-placeholder.js");
    repo_.write("migrations/20230101000000-add-bio.js", changed);
    repo_.commit("change a deployed migration");
    nlohmann::json edited = check({"--base", "main", "--head", "feature"}, 1);
    ASSERT_THAT(finding_codes(edited), ElementsAre("modified"));
    EXPECT_EQ(edited["findings"][0]["severity"], "error");
}

TEST_F(RealHistory, ArchivingOldMigrationsOnMainIsNotAnOldBranchsProblem) {
    repo_.add_migration("20200101000000-archived.js");
    start_project();
    repo_.branch("feature");
    add_on("feature", "20240501000000-add-tags.js");
    repo_.checkout("main");
    repo_.remove("migrations/20200101000000-archived.js");
    repo_.commit("archive old migrations");
    nlohmann::json later = check({"--base", "main", "--head", "feature"}, 0);
    EXPECT_THAT(finding_codes(later), IsEmpty());
    EXPECT_THAT(codes_under(later, "preexisting"), ElementsAre("deleted"));
    // The branch deleting a deployed migration is the merge's own doing.
    repo_.checkout("feature");
    repo_.remove("migrations/" + users);
    repo_.commit("drop the users migration");
    nlohmann::json deleted = check({"--base", "main", "--head", "feature"}, 1);
    ASSERT_THAT(finding_codes(deleted), ElementsAre("deleted"));
    EXPECT_THAT(files_of(deleted["findings"][0]), ElementsAre(users));
}

}  // namespace
}  // namespace migmerge::test
