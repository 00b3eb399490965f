// The renaming rule: what moves, where to, and that the result is clean.
#include "migmerge/core/planner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "merge_scenario.hpp"

namespace migmerge::core {
namespace {

using test::MergeScenario;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string initial = "20250101000000-initial.js";

Plan plan_for(const AnalysisInput& input) {
    return plan_renames(input, analyze(input));
}

TEST(Planner, NothingToDoGivesAnEmptyPlan) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260101000000-b.js"})
        .added_by_head({"20260102000000-h.js"});
    Plan plan = plan_for(merge.input());
    EXPECT_TRUE(plan.empty());
    EXPECT_THAT(plan.unfixable, IsEmpty());
}

TEST(Planner, MovesTheHeadFileOffASharedTimestamp) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260108125959-b.js"})
        .added_by_head({"20260108125959-h.js"});
    EXPECT_THAT(
        plan_for(merge.input()).renames,
        ElementsAre(Rename{"20260108125959-h.js", "20260108130000-h.js", "same-timestamp"}));
}

TEST(Planner, CarriesIntoTheNextYear) {
    MergeScenario merge;
    merge.added_by_base({"20261231235959-b.js"}).added_by_head({"20261231235959-h.ts"});
    EXPECT_THAT(
        plan_for(merge.input()).renames,
        ElementsAre(Rename{"20261231235959-h.ts", "20270101000000-h.ts", "same-timestamp"}));
}

TEST(Planner, MovesEveryLaterHeadFileToKeepTheirOrder) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260103000000-b.js", "20260106000000-c.js"})
        .added_by_head({"20260101000000-early.js", "20260102000000-h1.js", "20260104000000-h2.js",
                        "20260107000000-h3.ts"});
    Plan plan = plan_for(merge.input());
    EXPECT_THAT(
        plan.renames,
        ElementsAre(Rename{"20260101000000-early.js", "20260107000001-early.js", "out-of-order"},
                    Rename{"20260102000000-h1.js", "20260107000002-h1.js", "out-of-order"},
                    Rename{"20260104000000-h2.js", "20260107000003-h2.js", "out-of-order"},
                    Rename{"20260107000000-h3.ts", "20260107000004-h3.ts", "keeps-order"}));
}

TEST(Planner, HeadFilesBeforeTheFirstProblemStay) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260101000000-b.js"})
        .added_by_head({"20260102000000-w.js", "20260103000000-x.js", "20260103000000-y.js",
                        "20260104000000-z.js"});
    EXPECT_THAT(plan_for(merge.input()).renames,
                ElementsAre(Rename{"20260103000000-y.js", "20260104000001-y.js", "same-timestamp"},
                            Rename{"20260104000000-z.js", "20260104000002-z.js", "keeps-order"}));
}

TEST(Planner, OneHeadFileKeepsATimestampOnlyHeadFilesShare) {
    MergeScenario merge;
    merge.added_by_head({"20260101000000-a.js", "20260101000000-b.js", "20260101000000-c.js"});
    EXPECT_THAT(
        plan_for(merge.input()).renames,
        ElementsAre(Rename{"20260101000000-b.js", "20260101000001-b.js", "same-timestamp"},
                    Rename{"20260101000000-c.js", "20260101000002-c.js", "same-timestamp"}));
}

TEST(Planner, NeverRenamesMergeBaseFiles) {
    MergeScenario merge;
    merge.at_merge_base({"20260101000000-a.js", "20260105000000-later.js"})
        .added_by_head({"20260101000000-h.js"});
    Plan plan = plan_for(merge.input());
    EXPECT_THAT(plan.renames, ElementsAre(Rename{"20260101000000-h.js", "20260105000001-h.js",
                                                 "same-timestamp"}));
}

TEST(Planner, RenameSideBaseMovesBaseFiles) {
    MergeScenario merge;
    merge.rename_side(RenameSide::base)
        .at_merge_base({initial})
        .added_by_base({"20260101000000-b1.js", "20260104000000-b2.js"})
        .added_by_head({"20260102000000-h.js"});
    EXPECT_THAT(plan_for(merge.input()).renames,
                ElementsAre(Rename{"20260101000000-b1.js", "20260104000001-b1.js", "out-of-order"},
                            Rename{"20260104000000-b2.js", "20260104000002-b2.js", "keeps-order"}));
}

TEST(Planner, RecordsAHandMadeRenameBeforeMovingFiles) {
    const std::string renamed = "20260201000000-initial.js";
    MergeScenario merge;
    merge.at_merge_base({initial}).renamed_by_head(initial, renamed);
    merge.added_by_base({"20260301000000-b.js"});
    Plan plan = plan_for(merge.input());
    EXPECT_THAT(plan.renames,
                ElementsAre(Rename{initial, renamed, "record", false},
                            Rename{renamed, "20260301000001-initial.js", "out-of-order"}));
}

TEST(Planner, UnfixableErrorsComeWithAdvice) {
    MergeScenario merge;
    merge.now("20260601000000")
        .at_merge_base({initial})
        .added_by_head({"20260101000000-x.sql", "20990101000000-far.js"});
    merge.input().sets.head.files[initial] = "edited";
    Plan plan = plan_for(merge.input());
    EXPECT_TRUE(plan.empty());
    ASSERT_EQ(plan.unfixable.size(), 2u);  // the future-timestamp warning is not listed
    EXPECT_EQ(plan.unfixable[0].code, FindingCode::modified);
    EXPECT_EQ(plan.unfixable[1].code, FindingCode::not_a_migration);
    for (const Finding& finding : plan.unfixable) EXPECT_FALSE(finding.advice.empty());
}

TEST(Planner, SameInputSamePlan) {
    MergeScenario merge;
    merge.at_merge_base({initial})
        .added_by_base({"20260103000000-b.js", "20260103000000-c.js"})
        .added_by_head({"20260102000000-h1.js", "20260103000000-a.js", "20260109000000-h3.js"});
    Plan first = plan_for(merge.input());
    EXPECT_FALSE(first.empty());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(plan_for(merge.input()), first);
}

// The planner's promise: after `fix`, `check` finds nothing `fix` could fix.
class PlanResolvesFixableFindings : public ::testing::TestWithParam<int> {};

MergeScenario scenario(int index) {
    MergeScenario merge;
    merge.at_merge_base({initial, "20250601000000-mid.js"});
    switch (index) {
        case 0:  // both sides at one second
            merge.added_by_base({"20260108125959-b.js"}).added_by_head({"20260108125959-a.js"});
            break;
        case 1:  // split history, interleaved
            merge.added_by_base({"20260102000000-b1.js", "20260104000000-b2.js"})
                .added_by_head(
                    {"20260101000000-h1.js", "20260103000000-h2.js", "20260105000000-h3.js"});
            break;
        case 2:  // head collides with a merge-base file and with itself
            merge.added_by_head(
                {"20250601000000-again.js", "20260101000000-x.js", "20260101000000-y.js"});
            break;
        case 3:  // the same, renaming base instead
            merge.rename_side(RenameSide::base)
                .added_by_base({"20260101000000-b.js", "20260103000000-b2.js"})
                .added_by_head({"20260102000000-h.js", "20260103000000-h2.js"});
            break;
        case 4: {  // an unrecorded rename plus a collision with a renamed file
            const std::string moved = "20261231235959-mid.js";
            for (MigrationSet* set : {&merge.input().sets.head, &merge.input().sets.result}) {
                set->files.erase("20250601000000-mid.js");
                set->files[moved] = test::content_id("20250601000000-mid.js");
            }
            merge.added_by_base({"20261231235959-b.js"});
            break;
        }
        case 5:  // an earlier fix already recorded, and new trouble since
            merge.added_by_base({"20260301000000-b.js"})
                .added_by_head({"20260201000000-h.js"})
                .ledger("20260101000000-old-h.js\t20260201000000-h.js\n");
            break;
    }
    return merge;
}

TEST_P(PlanResolvesFixableFindings, AfterApplyingThePlan) {
    MergeScenario merge = scenario(GetParam());
    const AnalysisInput& input = merge.input();
    std::vector<Finding> before = analyze(input);
    ASSERT_FALSE(test::fixable_findings(before).empty()) << "scenario has nothing to fix";
    Plan plan = plan_renames(input, before);
    for (const Rename& rename : plan.renames) {
        EXPECT_FALSE(input.sets.merge_base.contains(rename.from) && rename.move_file) << rename;
        if (rename.move_file) {
            EXPECT_FALSE(input.sets.result.contains(rename.to)) << rename;
        }
    }
    AnalysisInput after = test::apply_plan(input, plan);
    EXPECT_THAT(test::fixable_findings(analyze(after)), IsEmpty()) << plan;
    EXPECT_EQ(after.sets.result.files.size(), input.sets.result.files.size());
}

INSTANTIATE_TEST_SUITE_P(Scenarios, PlanResolvesFixableFindings, ::testing::Range(0, 6));

// Issue 24's merge: a 15-digit name sorting before the deployed side's
// newest is split history, and moves into the folder's 14-digit scheme.
TEST(Planner, MovesAFifteenDigitSplitHistoryNameIntoTheFoldersScheme) {
    MergeScenario merge;
    merge.at_merge_base({"20190901000000-a.js"})
        .added_by_base({"20191015120000-deployed.js"})
        .added_by_head({"201910101007000-users-auth0-access-token.js"});
    std::vector<Finding> findings = analyze(merge.input());
    ASSERT_THAT(test::codes_of(findings), ElementsAre(FindingCode::out_of_order));
    EXPECT_EQ(findings[0].severity, Severity::error);
    EXPECT_THAT(plan_for(merge.input()).renames,
                ElementsAre(Rename{"201910101007000-users-auth0-access-token.js",
                                   "20191015120001-users-auth0-access-token.js", "out-of-order"}));
}

TEST(Planner, MovesASequelize7NameThatRunsFirstAfterTheGreatest) {
    MergeScenario merge;
    merge.at_merge_base({"20260401000000-users.js", "20260402000000-sites.js"})
        .added_by_head({"2026-04-05t10-00-00-add-index.ts"});
    std::vector<Finding> findings = analyze(merge.input());
    ASSERT_THAT(test::codes_of(findings),
                ElementsAre(FindingCode::out_of_order, FindingCode::order_contradicts_date));
    EXPECT_TRUE(findings[1].fixable);
    Plan plan = plan_for(merge.input());
    EXPECT_THAT(plan.renames, ElementsAre(Rename{"2026-04-05t10-00-00-add-index.ts",
                                                 "20260405100001-add-index.ts", "out-of-order"}));
    EXPECT_THAT(analyze(test::apply_plan(merge.input(), plan)), IsEmpty());
}

// Most names are epoch milliseconds, but they cannot sort after the
// 14-digit ones: the greatest name's scheme is used.
TEST(Planner, UsesTheMostUsedSchemeWhenItCanSortLast) {
    MergeScenario merge;
    merge.at_merge_base({"1609339480378-a.js", "1609339481000-b.js"})
        .added_by_base({"1609339482000-deployed.js"})
        .added_by_head({"1609339481500-late.js"});
    EXPECT_THAT(
        plan_for(merge.input()).renames,
        ElementsAre(Rename{"1609339481500-late.js", "1609339482001-late.js", "out-of-order"}));
    MergeScenario mixed;
    mixed.at_merge_base({"1609339480378-a.js", "1609339481000-b.js", "20210101000000-c.js"})
        .added_by_base({"20210102000000-deployed.js"})
        .added_by_head({"1609339481500-late.js"});
    EXPECT_THAT(
        plan_for(mixed.input()).renames,
        ElementsAre(Rename{"1609339481500-late.js", "20210102000001-late.js", "out-of-order"}));
}

}  // namespace
}  // namespace migmerge::core
