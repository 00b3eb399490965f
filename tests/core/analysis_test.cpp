// Judging a merge: every finding code of the git side, and where files came from.
#include "migmerge/core/analysis.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "merge_scenario.hpp"

namespace migmerge::core {
namespace {

using test::codes_of;
using test::MergeScenario;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string initial = "20250101000000-initial.js";

std::string two_digits(int value) {
    return std::string(1, static_cast<char>('0' + value / 10)) +
           static_cast<char>('0' + value % 10);
}

TEST(Analyze, BranchesAddingInOrderHaveNoFindings) {
    MergeScenario merge;
    merge.at_merge_base({initial, "README.md"})
        .added_by_base({"20260101000000-base.js"})
        .added_by_head({"20260102000000-head.js"});
    EXPECT_THAT(analyze(merge.input()), IsEmpty());
}

TEST(Analyze, SameTimestampAcrossSidesIsFixable) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260101000000-b.js"})
        .added_by_head({"20260101000000-z.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-b.js", "20260101000000-z.js"));
    EXPECT_EQ(findings[0].side, Side::both);
    EXPECT_TRUE(findings[0].fixable);
    EXPECT_THAT(findings[0].advice, IsEmpty());
}

TEST(Analyze, SameTimestampWithinHeadIsFixable) {
    MergeScenario merge;
    merge.at_merge_base({initial}).added_by_head({"20260101000000-a.js", "20260101000000-b.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_TRUE(findings[0].fixable);
}

TEST(Analyze, SameTimestampAtTheMergeBaseNeedsAHand) {
    MergeScenario merge;
    merge.at_merge_base({"20260101000000-a.js", "20260101000000-b.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_FALSE(findings[0].fixable);
    EXPECT_THAT(findings[0].advice, HasSubstr("by hand"));
    EXPECT_THAT(findings[0].advice, HasSubstr("migmerge repair"));
}

TEST(Analyze, SameTimestampOnlyOnTheOtherSideIsNotFixable) {
    MergeScenario merge;
    merge.at_merge_base({"20260101000000-a.js"}).added_by_base({"20260101000000-b.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_FALSE(findings[0].fixable);
    EXPECT_THAT(findings[0].advice, HasSubstr("other branch"));
    EXPECT_EQ(findings[0].side, Side::both);
}

TEST(Analyze, SameTimestampWithTwoFilesThatMustStayIsNotFixable) {
    MergeScenario merge;
    merge.at_merge_base({"20260101000000-a.js"})
        .added_by_base({"20260101000000-b.js"})
        .added_by_head({"20260101000000-z.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::same_timestamp));
    EXPECT_FALSE(findings[0].fixable);
}

TEST(Analyze, HeadFileSortingBeforeBaseFilesIsOutOfOrder) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260103000000-b.js", "20260104000000-c.js"})
        .added_by_head({"20260102000000-h.js", "20260105000000-later.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::out_of_order));
    EXPECT_THAT(findings[0].files,
                ElementsAre("20260102000000-h.js", "20260103000000-b.js", "20260104000000-c.js"));
    EXPECT_EQ(findings[0].unnamed, 0u);
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_TRUE(findings[0].fixable);
    EXPECT_THAT(findings[0].message, HasSubstr("split history"));
}

TEST(Analyze, OneOutOfOrderFindingPerOffender) {
    MergeScenario merge;
    merge.added_by_base({"20260103000000-b.js"})
        .added_by_head({"20260101000000-h1.js", "20260102000000-h2.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings),
                ElementsAre(FindingCode::out_of_order, FindingCode::out_of_order));
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-h1.js", "20260103000000-b.js"));
    EXPECT_THAT(findings[1].files, ElementsAre("20260102000000-h2.js", "20260103000000-b.js"));
}

// A branch that caught up with main (merged it in, or was rebased) has main's
// later migration in its merge base: its own file still sorts before it.
TEST(Analyze, AHeadFileSortingBeforeAMergeBaseFileIsSplitHistory) {
    MergeScenario merge;
    merge.at_merge_base({"20260105000000-old.js"}).added_by_head({"20260101000000-h.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::out_of_order));
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-h.js", "20260105000000-old.js"));
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_TRUE(findings[0].fixable);
}

TEST(Analyze, AHeadFileAfterEveryBaseMigrationIsInOrder) {
    MergeScenario merge;
    merge.at_merge_base({"20260105000000-old.js", "00-legacy.js"})
        .added_by_base({"20260106000000-b.js"})
        .added_by_head({"20260107000000-h.js"});
    EXPECT_THAT(codes_of(analyze(merge.input())), ElementsAre(FindingCode::invalid_name));
}

// Seen in a real project: a deployed name with an impossible time still
// sorts where its digits put it; helpers.js sorts after every migration.
TEST(Analyze, SplitHistoryCountsWhereADeployedNameSortsNotWhetherItsDateIsValid) {
    MergeScenario merge;
    merge.at_merge_base({"20210804936184-fix-fee.js", "helpers.js"})
        .added_by_head({"20210804201000-add-settlement.js"});
    auto findings = analyze(merge.input());
    std::vector<Finding> order;
    for (const Finding& finding : findings)
        if (finding.code == FindingCode::out_of_order) order.push_back(finding);
    ASSERT_EQ(order.size(), 1u);
    EXPECT_THAT(order[0].files,
                ElementsAre("20210804201000-add-settlement.js", "20210804936184-fix-fee.js"));
    EXPECT_TRUE(order[0].fixable);
}

// Issue 26: the files are bounded (the first two and the newest), the count is kept.
TEST(Analyze, ManyLaterMigrationsAreCountedAndOnlyThreeNamed) {
    MergeScenario merge;
    merge.at_merge_base({"20260102000000-a.js", "20260103000000-b.js", "20260104000000-c.js"})
        .added_by_base({"20260105000000-d.js", "20260106000000-e.js"})
        .added_by_head({"20260101000000-h.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::out_of_order));
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-h.js", "20260102000000-a.js",
                                               "20260103000000-b.js", "20260106000000-e.js"));
    EXPECT_EQ(findings[0].file_count(), 6u);
    EXPECT_THAT(findings[0].message,
                HasSubstr("sorts before 20260102000000-a.js, 20260103000000-b.js and 3 more base "
                          "has, the latest 20260106000000-e.js (on base)"));
}

TEST(Analyze, RenameSideBaseJudgesBaseFilesSortingBeforeHeadFiles) {
    MergeScenario merge;
    merge.rename_side(RenameSide::base)
        .added_by_base({"20260101000000-b.js"})
        .added_by_head({"20260102000000-h.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::out_of_order));
    EXPECT_THAT(findings[0].files, ElementsAre("20260101000000-b.js", "20260102000000-h.js"));
    EXPECT_EQ(findings[0].side, Side::base);
}

TEST(Analyze, ModifiedOnOneSideOrBoth) {
    for (Side side : {Side::base, Side::head, Side::both}) {
        MergeScenario merge;
        merge.at_merge_base({initial});
        auto& sets = merge.input().sets;
        if (side != Side::head) sets.base.files[initial] = "edited-on-base";
        if (side != Side::base) sets.head.files[initial] = "edited-on-head";
        sets.result.files[initial] = "edited";
        auto findings = analyze(merge.input());
        ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::modified)) << side;
        EXPECT_EQ(findings[0].side, side);
        EXPECT_FALSE(findings[0].fixable);
        EXPECT_THAT(findings[0].advice, HasSubstr("never edit a deployed migration"));
    }
}

TEST(Analyze, SameNameAddedTwiceWithDifferentContentIsModified) {
    MergeScenario merge;
    merge.added_by_base({"20260101000000-x.js"}).added_by_head({"20260101000000-x.js"});
    EXPECT_THAT(analyze(merge.input()), IsEmpty());  // same content: the same file
    merge.input().sets.head.files["20260101000000-x.js"] = "other";
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::modified));
    EXPECT_EQ(findings[0].side, Side::both);
}

TEST(Analyze, DeletedMigrationIsAnError) {
    MergeScenario merge;
    merge.at_merge_base({initial});
    merge.input().sets.head.files.erase(initial);
    merge.input().sets.result.files.erase(initial);
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::deleted));
    EXPECT_THAT(findings[0].files, ElementsAre(initial));
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_THAT(findings[0].message, HasSubstr(initial + " existed at the merge base but head "
                                                         "deleted it"));
    EXPECT_FALSE(findings[0].fixable);
    EXPECT_THAT(findings[0].advice, HasSubstr("restore"));
}

TEST(Analyze, DeletedOnOneSideButKeptByTheUnionIsStillReported) {
    MergeScenario merge;
    merge.at_merge_base({initial});
    merge.input().sets.base.files.erase(initial);
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::deleted));
    EXPECT_EQ(findings[0].side, Side::base);
}

TEST(Analyze, DeletingNonMigrationsIsFine) {
    MergeScenario merge;
    merge.at_merge_base({"README.md"});
    merge.input().sets.head.files.erase("README.md");
    merge.input().sets.result.files.erase("README.md");
    EXPECT_THAT(analyze(merge.input()), IsEmpty());
}

TEST(Analyze, RenameWithoutLedgerEntryIsFixable) {
    const std::string renamed = "20260201000000-initial.js";
    MergeScenario merge;
    merge.at_merge_base({initial}).renamed_by_head(initial, renamed);
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::renamed_unrecorded));
    EXPECT_THAT(findings[0].files, ElementsAre(initial, renamed));
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_TRUE(findings[0].fixable);

    merge.ledger(initial + "\t" + renamed + "\n");
    EXPECT_THAT(analyze(merge.input()), IsEmpty());
}

TEST(Analyze, RecordedRenameToAMissingFileIsADeletion) {
    MergeScenario merge;
    merge.at_merge_base({initial}).ledger(initial + "\tgone.js\n");
    merge.input().sets.head.files.erase(initial);
    merge.input().sets.result.files.erase(initial);
    EXPECT_THAT(codes_of(analyze(merge.input())), ElementsAre(FindingCode::deleted));
}

TEST(Analyze, FolderFindingsAreAttributedToTheSideThatAddedTheFile) {
    MergeScenario merge;
    merge.now("20260601000000")
        .added_by_head({"helpers.js", "20260101000000-x.sql"})
        .added_by_base({"20270101000000-far.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings),
                ElementsAre(FindingCode::invalid_name, FindingCode::not_a_migration,
                            FindingCode::future_timestamp));
    EXPECT_EQ(findings[0].side, Side::head);
    EXPECT_EQ(findings[1].side, Side::head);
    EXPECT_EQ(findings[2].side, Side::base);
}

TEST(Analyze, DuplicateDescriptionAcrossSides) {
    MergeScenario merge;
    merge.added_by_base({"20260101000000-add-users.js"})
        .added_by_head({"20260102000000-add-users.js"});
    auto findings = analyze(merge.input());
    ASSERT_THAT(codes_of(findings), ElementsAre(FindingCode::duplicate_description));
    EXPECT_EQ(findings[0].side, Side::both);
    EXPECT_EQ(findings[0].severity, Severity::warning);
}

TEST(Analyze, JudgesOnlyTheResult) {
    MergeScenario merge;
    merge.added_by_head({"helpers.js", "20260101000000-a.js"})
        .added_by_base({"20260101000000-b.js"});
    merge.input().sets.result.files.erase("helpers.js");
    merge.input().sets.result.files.erase("20260101000000-a.js");
    EXPECT_THAT(analyze(merge.input()), IsEmpty());
}

TEST(Analyze, FindingsAreSortedErrorsFirstThenCodeThenFiles) {
    MergeScenario merge;
    merge.now("20260601000000")
        .at_merge_base({initial})
        .added_by_base({"20260103000000-b.js", "20270101000000-far.js"})
        .added_by_head({"20260102000000-h.js", "20260103000000-z.js", "helpers.js"});
    merge.input().sets.head.files[initial] = "edited";
    auto findings = analyze(merge.input());
    EXPECT_THAT(codes_of(findings),
                ElementsAre(FindingCode::same_timestamp, FindingCode::out_of_order,
                            FindingCode::out_of_order, FindingCode::modified,
                            FindingCode::invalid_name, FindingCode::future_timestamp));
    std::vector<Finding> sorted = findings;
    sort_findings(sorted);
    EXPECT_EQ(sorted, findings);
}

TEST(OriginOf, TellsWhereEachFileCameFrom) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"b.js", "both.js", "renamed-b.js"})
        .added_by_head({"h.js", "both.js", "renamed-h.js"})
        .ledger("renamed-h.js\tnew-h.js\nrenamed-b.js\tnew-b.js\n");
    auto& result = merge.input().sets.result.files;
    result["new-h.js"] = result["new-b.js"] = result["made-in-merge.js"] = "x";
    const AnalysisInput& input = merge.input();
    EXPECT_EQ(origin_of(input, initial), Origin::merge_base);
    EXPECT_EQ(origin_of(input, "b.js"), Origin::base);
    EXPECT_EQ(origin_of(input, "h.js"), Origin::head);
    EXPECT_EQ(origin_of(input, "both.js"), Origin::both);
    EXPECT_EQ(origin_of(input, "new-h.js"), Origin::renamed_from_head);
    EXPECT_EQ(origin_of(input, "new-b.js"), Origin::renamed_from_base);
    EXPECT_EQ(origin_of(input, "made-in-merge.js"), Origin::result_only);
}

// A report grows with its findings, not with both sides' product: each
// out-of-order finding names the new file, the first two deployed files it
// sorts before and the newest, and counts the rest.
TEST(Analyze, AnOutOfOrderFindingNamesTheNewestAndCountsTheRest) {
    std::vector<std::string> deployed, added;
    for (int i = 0; i < 300; ++i) {
        deployed.push_back("20260201" + two_digits(i / 60) + two_digits(i % 60) + "00-base.js");
        added.push_back("20260101" + two_digits(i / 60) + two_digits(i % 60) + "00-head.js");
    }
    MergeScenario merge;
    merge.at_merge_base({initial}).added_by_base(deployed).added_by_head(added);
    auto findings = analyze(merge.input());
    ASSERT_EQ(findings.size(), 300u);
    for (const Finding& finding : findings) {
        ASSERT_EQ(finding.code, FindingCode::out_of_order);
        EXPECT_THAT(finding.files,
                    ElementsAre(finding.files[0], deployed[0], deployed[1], deployed.back()));
        EXPECT_EQ(finding.file_count(), 301u);
        EXPECT_THAT(finding.message, HasSubstr("298 more base has, the latest " + deployed.back()));
    }
}

}  // namespace
}  // namespace migmerge::core
