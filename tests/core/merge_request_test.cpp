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
    MigrationSet result = union_of(base, head);
    EXPECT_EQ(result.files.size(), 3u);
    EXPECT_TRUE(result.folder_exists);
}

TEST(MergedLedger, TakesTheLinesOfBaseHeadAndTheResult) {
    MergeSets sets;
    sets.base.ledger_text = "20200101000000-a.js\t20200101000001-a.js\n";
    sets.head.ledger_text = "20200101000000-b.js\t20200101000002-b.js\n";
    sets.result.ledger_text = "20200101000000-c.js\t20200101000003-c.js\n";
    Ledger ledger = merged_ledger(sets, {"base", "head", Judged::index, false}, "migrations");
    EXPECT_EQ(ledger.entries().size(), 3u);
}

}  // namespace
}  // namespace migmerge::core
