#include "migmerge/core/finding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace migmerge::core {
namespace {

using ::testing::ElementsAre;

TEST(Finding, CodesAreSpelledAsTheContract) {
    EXPECT_EQ(to_string(FindingCode::same_timestamp), "same-timestamp");
    EXPECT_EQ(to_string(FindingCode::out_of_order), "out-of-order");
    EXPECT_EQ(to_string(FindingCode::modified), "modified");
    EXPECT_EQ(to_string(FindingCode::deleted), "deleted");
    EXPECT_EQ(to_string(FindingCode::renamed_unrecorded), "renamed-unrecorded");
    EXPECT_EQ(to_string(FindingCode::invalid_name), "invalid-name");
    EXPECT_EQ(to_string(FindingCode::not_a_migration), "not-a-migration");
    EXPECT_EQ(to_string(FindingCode::future_timestamp), "future-timestamp");
    EXPECT_EQ(to_string(FindingCode::duplicate_description), "duplicate-description");
    EXPECT_EQ(to_string(FindingCode::dangling_symlink), "dangling-symlink");
    EXPECT_EQ(to_string(FindingCode::orphaned), "orphaned");
    EXPECT_EQ(to_string(FindingCode::out_of_order_pending), "out-of-order-pending");
    EXPECT_EQ(to_string(FindingCode::modified_after_apply), "modified-after-apply");
    EXPECT_EQ(to_string(FindingCode::double_applied), "double-applied");
}

TEST(Finding, SeveritiesAndSides) {
    EXPECT_EQ(to_string(Severity::error), "error");
    EXPECT_EQ(to_string(Severity::warning), "warning");
    EXPECT_EQ(to_string(Side::base), "base");
    EXPECT_EQ(to_string(Side::head), "head");
    EXPECT_EQ(to_string(Side::both), "both");
    EXPECT_EQ(to_string(Side::none), "");
}

TEST(Finding, HasErrorsIgnoresWarnings) {
    Finding warning = make_finding(FindingCode::orphaned, Severity::warning, {"a"});
    Finding error = make_finding(FindingCode::deleted, Severity::error, {"a"});
    EXPECT_FALSE(has_errors({}));
    EXPECT_FALSE(has_errors({warning}));
    EXPECT_TRUE(has_errors({warning, error}));
}

TEST(Finding, SortsErrorsFirstThenCodeThenFilesAndDropsDuplicates) {
    Finding warning = make_finding(FindingCode::future_timestamp, Severity::warning, {"a"});
    Finding deleted_b = make_finding(FindingCode::deleted, Severity::error, {"b"});
    Finding deleted_a = make_finding(FindingCode::deleted, Severity::error, {"a"});
    Finding same = make_finding(FindingCode::same_timestamp, Severity::error, {"z"});
    std::vector<Finding> findings{warning, deleted_b, same, deleted_a, deleted_b};
    sort_findings(findings);
    EXPECT_THAT(findings, ElementsAre(same, deleted_a, deleted_b, warning));
}

TEST(Finding, PrintsReadably) {
    Finding finding = make_finding(FindingCode::deleted, Severity::error, {"a.js"}, Side::head);
    finding.message = "gone";
    std::ostringstream out;
    out << finding;
    EXPECT_EQ(out.str(), "error deleted [a.js] side head: gone");
}

}  // namespace
}  // namespace migmerge::core
