#include "migmerge/core/merge_request.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"

namespace migmerge::core {
namespace {

MergeRequest refs(std::optional<std::string> base, std::optional<std::string> head) {
    MergeRequest request;
    request.base = std::move(base);
    request.head = std::move(head);
    request.folder = "migrations";
    return request;
}

void expect_sides(const SideChoice& sides, const std::string& base, const std::string& head,
                  Judged judged, bool from_index) {
    EXPECT_EQ(sides.base, base);
    EXPECT_EQ(sides.head, head);
    EXPECT_EQ(sides.judged, judged);
    EXPECT_EQ(sides.head_from_index, from_index);
}

TEST(ChooseSides, AMergeInProgressJudgesTheIndexAgainstMergeHead) {
    expect_sides(choose_sides(refs({}, {}), {true, false, false}), "HEAD", "MERGE_HEAD",
                 Judged::index, false);
}

TEST(ChooseSides, AMergeCommitJudgesItsParentsInTheIndexOrBareInHeadsTree) {
    expect_sides(choose_sides(refs({}, {}), {false, true, false}), "HEAD^1", "HEAD^2",
                 Judged::index, false);
    expect_sides(choose_sides(refs({}, {}), {false, true, true}), "HEAD^1", "HEAD^2",
                 Judged::head_tree, false);
}

TEST(ChooseSides, GivenRefsWinOverAMergeInProgress) {
    expect_sides(choose_sides(refs("production", {}), {true, false, false}), "production", "HEAD",
                 Judged::union_of_sides, true);
}

TEST(ChooseSides, OnlyTheCheckedOutHeadCountsItsStagedState) {
    expect_sides(choose_sides(refs("production", "staging"), {}), "production", "staging",
                 Judged::union_of_sides, false);
    expect_sides(choose_sides(refs("production", "HEAD"), {false, false, true}), "production",
                 "HEAD", Judged::union_of_sides, false);
}

TEST(ChooseSides, TheConfiguredBaseStandsInForBase) {
    MergeRequest request = refs({}, {});
    request.configured_base = "origin/main";
    expect_sides(choose_sides(request, {}), "origin/main", "HEAD", Judged::union_of_sides, true);
}

TEST(ChooseSides, WithoutAnyBaseItIsBadInputWithAHint) {
    Error error = test::expect_error([] { choose_sides(refs({}, {}), {}); }, ExitCode::bad_input,
                                     "no base ref");
    EXPECT_NE(error.hint().find("--base"), std::string::npos);
}

TEST(ChooseSides, AHookForcesWhatIsJudged) {
    MergeRequest request = refs("HEAD", "MERGE_HEAD");
    request.judged = Judged::index;
    expect_sides(choose_sides(request, {}), "HEAD", "MERGE_HEAD", Judged::index, false);
}

TEST(UnionOf, HasEveryFileOfBothSides) {
    MigrationSet base;
    base.files = {{"a.js", "1"}, {"b.js", "2"}};
    MigrationSet head = MigrationSet::absent();
    head.files = {{"b.js", "2"}, {"c.js", "3"}};
    MigrationSet result = union_of(MigrationSet{}, base, head);
    EXPECT_EQ(result.files.size(), 3u);
    EXPECT_TRUE(result.folder_exists);
}

// As git merges: a deletion on one side wins over the other side's
// untouched copy; against an edit it stays, as git's conflict would.
TEST(UnionOf, TakesADeletionLikeGit) {
    MigrationSet merge_base;
    merge_base.files = {{"archived.js", "1"}, {"edited.js", "2"}, {"kept.js", "3"}};
    MigrationSet base;
    base.files = {{"kept.js", "3"}};
    MigrationSet head;
    head.files = {{"archived.js", "1"}, {"edited.js", "2b"}, {"kept.js", "3"}, {"new.js", "4"}};
    MigrationSet result = union_of(merge_base, base, head);
    EXPECT_EQ(result.files, (std::map<std::string, std::string>{
                                {"edited.js", "2b"}, {"kept.js", "3"}, {"new.js", "4"}}));
}

TEST(MergedLedger, TakesTheLinesOfBaseHeadAndTheResult) {
    MergeSets sets;
    sets.base.ledger_text = "20200101000000-a.js\t20200101000001-a.js\n";
    sets.head.ledger_text = "20200101000000-b.js\t20200101000002-b.js\n";
    sets.result.ledger_text = "20200101000000-c.js\t20200101000003-c.js\n";
    Ledger ledger = merged_ledger(sets, {"base", "head", Judged::index, false, ""}, "migrations");
    EXPECT_EQ(ledger.entries().size(), 3u);
}

SideChoice merge_commit() {
    return choose_sides(refs({}, {}), {false, true, false});
}

const DeployedBranch configured{"origin/main", "\"base\" in migmerge.json"};

TEST(OrientSides, TheSideContainingTheDeployedBranchIsBaseWhateverTheParentOrder) {
    SideChoice catch_up = merge_commit();  // "merge main into my branch": main is HEAD^2
    orient_sides(catch_up, configured, Containment{false, true});
    EXPECT_EQ(catch_up.base, "HEAD^2");
    EXPECT_EQ(catch_up.head, "HEAD^1");
    EXPECT_EQ(catch_up.deployed_reason,
              "HEAD^2 contains origin/main (\"base\" in migmerge.json), HEAD^1 does not");

    SideChoice release = merge_commit();
    orient_sides(release, configured, Containment{true, false});
    EXPECT_EQ(release.base, "HEAD^1");
    EXPECT_EQ(release.deployed_reason,
              "HEAD^1 contains origin/main (\"base\" in migmerge.json), HEAD^2 does not");
}

TEST(OrientSides, WithoutAnAnswerTheBranchMergedIntoIsBaseAndTheReasonSaysWhy) {
    SideChoice both = merge_commit();
    orient_sides(both, configured, Containment{true, true});
    EXPECT_EQ(both.base, "HEAD^1");
    EXPECT_EQ(both.deployed_reason,
              "both sides contain origin/main (\"base\" in migmerge.json); taking HEAD^1, the "
              "branch merged into");
    SideChoice missing = merge_commit();
    orient_sides(missing, configured, std::nullopt);
    EXPECT_NE(missing.deployed_reason.find("is not in this repository"), std::string::npos);
    SideChoice unnamed = merge_commit();
    orient_sides(unnamed, std::nullopt, std::nullopt);
    EXPECT_EQ(unnamed.base, "HEAD^1");
    EXPECT_NE(unnamed.deployed_reason.find("set \"base\" in migmerge.json"), std::string::npos);
}

TEST(DeployedBranch, APullRequestsBaseWinsOverTheConfiguredOne) {
    MergeRequest request = refs({}, {});
    EXPECT_FALSE(deployed_branch(request));
    request.configured_base = "production";
    EXPECT_EQ(deployed_branch(request)->spec, "production");
    request.pull_request_base = "origin/staging";
    EXPECT_EQ(deployed_branch(request)->spec, "origin/staging");
    EXPECT_EQ(deployed_branch(request)->named_by, "GITHUB_BASE_REF");
    SideChoice pull_request = choose_sides(request, {});
    EXPECT_EQ(pull_request.base, "origin/staging");
    EXPECT_EQ(pull_request.deployed_reason, "named by GITHUB_BASE_REF");
    request.base = "v1";
    EXPECT_EQ(choose_sides(request, {}).deployed_reason, "named by --base");
}

}  // namespace
}  // namespace migmerge::core
