// The planner's promise over many generated merges: after applying the plan,
// analysis finds nothing `fix` could fix, and merge-base files never move.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "merge_scenario.hpp"

namespace migmerge::core {
namespace {

using ::testing::IsEmpty;

// Few timestamps and descriptions, so collisions and interleavings are common.
std::vector<std::string> random_names(std::mt19937& random, int count, const std::string& tag) {
    static const char* stamps[] = {"20260101000000", "20260101000001", "20260102000000",
                                   "20260102235959", "20260103000000"};
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) {
        std::string stamp = stamps[random() % 5];
        names.push_back(stamp + "-" + tag + std::to_string(random() % 3) + ".js");
    }
    return names;
}

test::MergeScenario random_merge(unsigned seed) {
    std::mt19937 random(seed);
    test::MergeScenario merge;
    merge.at_merge_base(random_names(random, random() % 3, "m"))
        .added_by_base(random_names(random, random() % 4, "b"))
        .added_by_head(random_names(random, random() % 4, "h"));
    if (random() % 2) merge.rename_side(RenameSide::base);
    return merge;
}

TEST(PlannerProperty, NoFixableFindingSurvivesThePlan) {
    int planned = 0;
    for (unsigned seed = 0; seed < 300; ++seed) {
        test::MergeScenario merge = random_merge(seed);
        const AnalysisInput& input = merge.input();
        Plan plan = plan_renames(input, analyze(input));
        for (const Rename& rename : plan.renames) {
            EXPECT_FALSE(input.sets.merge_base.contains(rename.from)) << seed << ": " << rename;
        }
        AnalysisInput after = test::apply_plan(input, plan);
        EXPECT_THAT(test::fixable_findings(analyze(after)), IsEmpty()) << seed << ": " << plan;
        EXPECT_EQ(plan_renames(input, analyze(input)), plan) << seed;
        planned += plan.empty() ? 0 : 1;
    }
    EXPECT_GT(planned, 100);  // the generator really makes trouble to fix
}

}  // namespace
}  // namespace migmerge::core
