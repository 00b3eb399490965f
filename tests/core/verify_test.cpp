// verify's rules: which checks run, the merge it verifies, the order a
// deployed database runs the merge in, and what a difference becomes.
#include "migmerge/core/verify.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "merge_scenario.hpp"
#include "migmerge/core/error.hpp"

namespace migmerge::core {
namespace {

using test::MergeScenario;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MigrationSet set_of(std::initializer_list<std::string> names) {
    MigrationSet set;
    for (const auto& name : names) set.files[name] = "id-" + name;
    return set;
}

ObjectDifference changed_position(const std::string& column) {
    return {ObjectDifference::Kind::changed, "column " + column, {"position: 2 -> 3"}, true};
}

TEST(VerifyChecks, DefaultsAddOrderWithRefsAndIdempotentWhenPromised) {
    EXPECT_THAT(default_checks(false, false),
                ElementsAre(VerifyCheck::replay, VerifyCheck::reversible));
    EXPECT_THAT(default_checks(true, true),
                ElementsAre(VerifyCheck::replay, VerifyCheck::reversible, VerifyCheck::order,
                            VerifyCheck::idempotent));
}

TEST(VerifyChecks, ParsesAListOnceEach) {
    EXPECT_THAT(parse_checks(" replay, idempotent,replay", false),
                ElementsAre(VerifyCheck::replay, VerifyCheck::idempotent));
}

TEST(VerifyChecks, RefusesUnknownChecksAndOrderWithoutRefs) {
    try {
        parse_checks("replay,speed", false);
        FAIL() << "accepted an unknown check";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ExitCode::bad_input);
        EXPECT_THAT(error.one_line(), HasSubstr("unknown check 'speed'"));
    }
    EXPECT_THROW(parse_checks("order", false), Error);
    EXPECT_THROW(parse_checks(" , ", true), Error);
    EXPECT_THAT(parse_checks("order", true), ElementsAre(VerifyCheck::order));
}

TEST(VerifyMerge, TheResultIsWhatFixLeaves) {
    MergeScenario merge;
    merge.at_merge_base({"20250101000000-init.js"})
        .added_by_base({"20260102000000-b.js"})
        .added_by_head({"20260101000000-h.js"});
    const AnalysisInput input = merge.input();
    const Plan plan = plan_renames(input, analyze(input));
    ASSERT_FALSE(plan.empty());
    const MigrationSet result = merge_after_fix(input, plan);
    EXPECT_FALSE(result.contains("20260101000000-h.js"));
    EXPECT_TRUE(result.contains(plan.renames.front().to));
    EXPECT_EQ(result.ledger_text, "20260101000000-h.js\t" + plan.renames.front().to + "\n");
}

TEST(VerifyOrder, ADeployedDatabaseRunsItsOwnFirstUnderTheirNewNames) {
    const MigrationSet head = set_of({"1-init.js", "3-h.js"});
    const MigrationSet result = set_of({"1-init.js", "2-b.js", "4-h.js"});
    const Ledger ledger = Ledger::parse("3-h.js\t4-h.js\n");
    EXPECT_THAT(deployed_run_order(head, result, ledger),
                ElementsAre("1-init.js", "4-h.js", "2-b.js"));
}

TEST(VerifyOrder, ReorderedNamesTheMigrationsThatSwapped) {
    EXPECT_THAT(reordered({"a", "d", "b", "c"}, {"a", "b", "c", "d"}), ElementsAre("d", "b", "c"));
    EXPECT_THAT(reordered({"a", "b", "c"}, {"a", "b", "c"}), IsEmpty());
    EXPECT_THAT(reordered({"x", "b", "a"}, {"a", "b"}), ElementsAre("b", "a"));
}

TEST(VerifyFindings, ColumnOrderAloneIsAWarning) {
    auto verdict = order_verdict("deployed from head (feature)",
                                 {changed_position("public.users.age")}, {"2-b.js", "3-h.js"});
    ASSERT_TRUE(verdict);
    EXPECT_EQ(verdict->code, FindingCode::column_order);
    EXPECT_EQ(verdict->severity, Severity::warning);
    EXPECT_THAT(verdict->message, HasSubstr("column public.users.age (position: 2 -> 3)"));
}

TEST(VerifyFindings, AnyOtherDifferenceIsOrderDependentNamingObjectsAndMigrations) {
    std::vector<ObjectDifference> differences = {
        changed_position("public.users.age"),
        {ObjectDifference::Kind::extra, "index public.users_age", {}, false}};
    auto verdict = order_verdict("deployed from base (main)", differences, {"2-b.js", "3-h.js"});
    ASSERT_TRUE(verdict);
    EXPECT_EQ(verdict->code, FindingCode::order_dependent);
    EXPECT_EQ(verdict->severity, Severity::error);
    EXPECT_THAT(verdict->files, ElementsAre("2-b.js", "3-h.js"));
    EXPECT_THAT(verdict->message, HasSubstr("index public.users_age (only there)"));
    EXPECT_THAT(verdict->message, HasSubstr("deployed from base (main)"));
    EXPECT_FALSE(order_verdict("x", {}, {}));
}

TEST(VerifyFindings, UpAgainWritingOtherValuesIntoTheSameRowsIsAWarning) {
    const ObjectDifference stamped{
        ObjectDifference::Kind::changed, "rows public.users", {"hash: 1a -> 2b"}, false};
    auto finding = up_again_differs("2-seed.js", {stamped});
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->code, FindingCode::up_not_repeatable);
    EXPECT_EQ(finding->severity, Severity::warning);
    EXPECT_THAT(finding->message, HasSubstr("the same rows with other values"));
    // Another count, or anything besides rows, is an error.
    const ObjectDifference more{ObjectDifference::Kind::changed,
                                "rows public.users",
                                {"count: 1 -> 2", "hash: 1a -> 2b"},
                                false};
    EXPECT_EQ(up_again_differs("2-seed.js", {more})->severity, Severity::error);
    const ObjectDifference index{ObjectDifference::Kind::extra, "index public.users_a", {}, false};
    EXPECT_EQ(up_again_differs("2-seed.js", {stamped, index})->severity, Severity::error);
}

TEST(VerifyFindings, DownLeftoversNameWhatWasLeft) {
    auto finding = down_leftovers(
        "2-index.js", {{ObjectDifference::Kind::extra, "index public.users_email", {}, false}});
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->code, FindingCode::down_incomplete);
    EXPECT_THAT(finding->message, HasSubstr("index public.users_email (left behind)"));
    EXPECT_FALSE(down_leftovers("2-index.js", {}));
}

TEST(VerifyFindings, ListsAFewDifferencesAndCountsTheRest) {
    std::vector<ObjectDifference> many;
    for (int i = 0; i < 8; ++i) {
        many.push_back(
            {ObjectDifference::Kind::missing, "table public.t" + std::to_string(i), {}, false});
    }
    EXPECT_THAT(list_differences(many, "extra", "missing"), HasSubstr("and 3 more"));
}

}  // namespace
}  // namespace migmerge::core
