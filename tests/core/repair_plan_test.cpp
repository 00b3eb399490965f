// `repair`'s plan: the ledger replayed over SequelizeMeta's rows.
#include "migmerge/core/repair_plan.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace migmerge::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

RepairInput input_of(std::vector<std::string> rows, const std::string& ledger,
                     std::vector<std::string> files, bool prune = false) {
    return RepairInput{std::move(rows), Ledger::parse(ledger), std::move(files), prune};
}

// The rows after the plan's changes, made one at a time as the db layer does.
std::vector<std::string> apply_changes(const std::vector<std::string>& rows,
                                       const RepairPlan& plan) {
    std::set<std::string> table(rows.begin(), rows.end());
    for (const RowChange& change : plan.changes) {
        EXPECT_EQ(table.erase(change.old_name), 1u) << change;
        if (!change.is_delete()) {
            EXPECT_TRUE(table.insert(change.new_name).second) << change;
        }
    }
    return {table.begin(), table.end()};
}

TEST(PlanRepair, RenamesARowTheLedgerRenamed) {
    RepairPlan plan = plan_repair(input_of({"a.js", "z.js"}, "a.js\tb.js\n", {"b.js", "z.js"}));
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"a.js", "b.js"}));
    EXPECT_THAT(plan.findings, IsEmpty());
}

TEST(PlanRepair, MovesARowOntoANameAnotherRowLeft) {
    RepairPlan plan =
        plan_repair(input_of({"a.js", "b.js"}, "b.js\tc.js\na.js\tb.js\n", {"b.js", "c.js"}));
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"b.js", "c.js"}, RowChange{"a.js", "b.js"}));
    EXPECT_THAT(plan.findings, IsEmpty());
}

TEST(PlanRepair, SortsRowsAndFilesGivenOutOfOrder) {
    RepairPlan plan = plan_repair(input_of({"z.js", "a.js"}, "a.js\tb.js\n", {"z.js", "b.js"}));
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"a.js", "b.js"}));
    EXPECT_THAT(plan.findings, IsEmpty());
}

TEST(PlanRepair, CollapsesChainsIntoOneChange) {
    RepairPlan plan = plan_repair(input_of({"a.js"}, "a.js\tb.js\nb.js\tc.js\n", {"c.js"}));
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"a.js", "c.js"}));
}

TEST(PlanRepair, ContinuesAChainFromAPartlyRepairedRow) {
    RepairPlan plan = plan_repair(input_of({"b.js"}, "a.js\tb.js\nb.js\tc.js\n", {"c.js"}));
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"b.js", "c.js"}));
}

TEST(PlanRepair, BothNamesPresentIsDoubleAppliedAndLeftAlone) {
    RepairPlan plan = plan_repair(input_of({"a.js", "b.js"}, "a.js\tb.js\n", {"b.js"}));
    EXPECT_THAT(plan.changes, IsEmpty());
    ASSERT_EQ(plan.findings.size(), 1u);
    EXPECT_EQ(plan.findings[0].code, FindingCode::double_applied);
    EXPECT_EQ(plan.findings[0].severity, Severity::error);
    EXPECT_THAT(plan.findings[0].files, ElementsAre("a.js", "b.js"));
    EXPECT_FALSE(plan.findings[0].fixable);
    EXPECT_FALSE(plan.findings[0].advice.empty());
}

TEST(PlanRepair, NeitherNamePresentOrAlreadyRenamedIsNothingToDo) {
    EXPECT_EQ(plan_repair(input_of({"x.js"}, "a.js\tb.js\n", {"x.js"})), RepairPlan{});
    EXPECT_EQ(plan_repair(input_of({"b.js"}, "a.js\tb.js\n", {"b.js"})), RepairPlan{});
}

TEST(PlanRepair, OrphansAreReportedUnlessPruned) {
    RepairPlan kept =
        plan_repair(input_of({"gone.js", "a.js", "old.js"}, "a.js\tlost.js\n", {"old.js"}));
    EXPECT_THAT(kept.changes, ElementsAre(RowChange{"a.js", "lost.js"}));
    ASSERT_EQ(kept.findings.size(), 2u);
    EXPECT_EQ(kept.findings[0].code, FindingCode::orphaned);
    EXPECT_EQ(kept.findings[0].severity, Severity::warning);
    EXPECT_THAT(kept.findings[0].files, ElementsAre("gone.js"));
    EXPECT_THAT(kept.findings[1].files, ElementsAre("lost.js"));

    RepairPlan pruned =
        plan_repair(input_of({"gone.js", "a.js", "old.js"}, "a.js\tlost.js\n", {"old.js"}, true));
    EXPECT_THAT(pruned.changes, ElementsAre(RowChange{"a.js", "lost.js"}, RowChange{"gone.js", ""},
                                            RowChange{"lost.js", ""}));
    EXPECT_THAT(pruned.findings, IsEmpty());
}

TEST(PlanRepair, DoubleAppliedRowsAreNotPrunedAsOrphans) {
    RepairPlan plan = plan_repair(input_of({"a.js", "b.js"}, "a.js\tb.js\n", {"b.js"}, true));
    EXPECT_THAT(plan.changes, IsEmpty());
}

TEST(PlanRepair, OrdersRenamesSoEachCanBeAppliedAlone) {
    // q must leave its name before p takes it.
    RepairInput input = input_of({"p.js", "q.js"}, "q.js\tr.js\np.js\tq.js\n", {"q.js", "r.js"});
    RepairPlan plan = plan_repair(input);
    EXPECT_THAT(plan.changes, ElementsAre(RowChange{"q.js", "r.js"}, RowChange{"p.js", "q.js"}));
    EXPECT_THAT(apply_changes(input.rows, plan), ElementsAre("q.js", "r.js"));
}

TEST(PlanRepair, ARenameBackAndForthChangesNothing) {
    EXPECT_EQ(plan_repair(input_of({"a.js"}, "a.js\tb.js\nb.js\ta.js\n", {"a.js"})), RepairPlan{});
}

TEST(PlanRepair, PlanningAgainAfterRepairChangesNothing) {
    RepairInput input = input_of({"a.js", "c.js", "d.js", "e.js", "orphan.js"},
                                 "a.js\tb.js\nb.js\tx.js\nc.js\td.js\ne.js\tf.js\n",
                                 {"x.js", "d.js", "f.js"}, true);
    RepairPlan first = plan_repair(input);
    EXPECT_FALSE(first.changes.empty());
    input.rows = apply_changes(input.rows, first);
    RepairPlan second = plan_repair(input);
    EXPECT_THAT(second.changes, IsEmpty());
    EXPECT_EQ(second.findings, first.findings);  // the double-applied c/d pair stays reported
}

std::string numbered(const char* prefix, int i) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%06d.js", prefix, i);
    return buffer;
}

TEST(PlanRepair, HandlesAHundredThousandRowsAndTenThousandRenames) {
    RepairInput input;
    std::string ledger;
    for (int i = 0; i < 100000; ++i) {
        input.rows.push_back(numbered("20250101-m", i));
        bool renamed = i % 10 == 0;
        if (renamed) ledger += numbered("20250101-m", i) + "\t" + numbered("20260101-n", i) + "\n";
        input.files.push_back(renamed ? numbered("20260101-n", i) : numbered("20250101-m", i));
    }
    input.ledger = Ledger::parse(ledger);
    ASSERT_EQ(input.ledger.entries().size(), 10000u);
    RepairPlan plan = plan_repair(input);
    ASSERT_EQ(plan.changes.size(), 10000u);
    EXPECT_EQ(plan.changes.front(), (RowChange{"20250101-m000000.js", "20260101-n000000.js"}));
    EXPECT_THAT(plan.findings, IsEmpty());
    input.rows = apply_changes(input.rows, plan);
    EXPECT_THAT(plan_repair(input).changes, IsEmpty());
}

}  // namespace
}  // namespace migmerge::core
