// Files against SequelizeMeta: the state of each migration.
#include "migmerge/core/db_status.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace migmerge::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using State = MigrationState;

StatusInput input_of(std::vector<std::string> files, std::vector<std::string> rows,
                     const std::string& ledger = "") {
    StatusInput input;
    for (const auto& file : files) input.files[file] = "sum-" + file;
    input.rows = std::move(rows);
    input.ledger = Ledger::parse(ledger);
    return input;
}

std::vector<FindingCode> codes_of(const StatusReport& report) {
    std::vector<FindingCode> codes;
    for (const Finding& finding : report.findings) codes.push_back(finding.code);
    return codes;
}

TEST(ComputeStatus, AppliedAndPendingInByteOrder) {
    StatusReport report = compute_status(input_of({"2-b.js", "1-a.js", "3-c.js"}, {"1-a.js"}));
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-a.js", State::applied},
                                               MigrationStatus{"2-b.js", State::pending},
                                               MigrationStatus{"3-c.js", State::pending}));
    EXPECT_THAT(report.findings, IsEmpty());
}

TEST(ComputeStatus, PendingBeforeTheLastAppliedIsOutOfOrder) {
    StatusReport report = compute_status(input_of({"1-a.js", "2-b.js", "3-c.js"}, {"3-c.js"}));
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-a.js", State::out_of_order},
                                               MigrationStatus{"2-b.js", State::out_of_order},
                                               MigrationStatus{"3-c.js", State::applied}));
    ASSERT_THAT(codes_of(report),
                ElementsAre(FindingCode::out_of_order_pending, FindingCode::out_of_order_pending));
    EXPECT_EQ(report.findings[0].severity, Severity::warning);
    EXPECT_THAT(report.findings[0].files, ElementsAre("1-a.js", "3-c.js"));
}

TEST(ComputeStatus, RowWithoutFileIsOrphaned) {
    StatusReport report = compute_status(input_of({"1-a.js"}, {"1-a.js", "9-gone.js"}));
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-a.js", State::applied},
                                               MigrationStatus{"9-gone.js", State::orphaned}));
    ASSERT_THAT(codes_of(report), ElementsAre(FindingCode::orphaned));
    EXPECT_EQ(report.findings[0].severity, Severity::warning);
    EXPECT_THAT(report.findings[0].files, ElementsAre("9-gone.js"));
}

TEST(ComputeStatus, OrphanedRowsDoNotMakePendingFilesOutOfOrder) {
    // A row with no file does not make pending files out of order.
    StatusReport report = compute_status(input_of({"1-a.js"}, {"9-gone.js"}));
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-a.js", State::pending},
                                               MigrationStatus{"9-gone.js", State::orphaned}));
}

TEST(ComputeStatus, RowUnderARecordedOldNameIsRenamed) {
    StatusReport report = compute_status(input_of({"1-a.js", "5-b.js"}, {"1-old.js"},
                                                  "1-old.js\t2-mid.js\n"
                                                  "2-mid.js\t5-b.js\n"));
    // 5-b.js is represented by its old row; 1-a.js sorts before it, so it is out of order.
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-a.js", State::out_of_order},
                                               MigrationStatus{"1-old.js", State::renamed}));
    EXPECT_THAT(codes_of(report), ElementsAre(FindingCode::out_of_order_pending));
}

TEST(ComputeStatus, RowsUnderBothNamesAreDoubleApplied) {
    StatusReport report =
        compute_status(input_of({"2-new.js"}, {"1-old.js", "2-new.js"}, "1-old.js\t2-new.js\n"));
    EXPECT_THAT(report.migrations, ElementsAre(MigrationStatus{"1-old.js", State::double_applied},
                                               MigrationStatus{"2-new.js", State::applied}));
    ASSERT_THAT(codes_of(report), ElementsAre(FindingCode::double_applied));
    EXPECT_EQ(report.findings[0].severity, Severity::error);
    EXPECT_THAT(report.findings[0].files, ElementsAre("1-old.js", "2-new.js"));
}

TEST(ComputeStatus, ChecksumChangedSinceApplyIsAnError) {
    StatusInput input = input_of({"1-a.js", "2-b.js", "3-c.js"}, {"1-a.js", "2-b.js", "3-c.js"});
    input.recorded["1-a.js"] = "sum-1-a.js";  // unchanged
    input.recorded["2-b.js"] = "older";       // changed; 3-c.js has no record
    StatusReport report = compute_status(input);
    EXPECT_THAT(report.migrations,
                ElementsAre(MigrationStatus{"1-a.js", State::applied},
                            MigrationStatus{"2-b.js", State::modified_after_apply},
                            MigrationStatus{"3-c.js", State::applied}));
    ASSERT_THAT(codes_of(report), ElementsAre(FindingCode::modified_after_apply));
    EXPECT_EQ(report.findings[0].severity, Severity::error);
}

TEST(ComputeStatus, ErrorsComeBeforeWarnings) {
    StatusInput input = input_of({"1-a.js", "2-b.js"}, {"2-b.js", "9-gone.js"});
    input.recorded["2-b.js"] = "older";
    EXPECT_THAT(codes_of(compute_status(input)),
                ElementsAre(FindingCode::modified_after_apply, FindingCode::orphaned,
                            FindingCode::out_of_order_pending));
}

TEST(MigrationState, SpelledAsTheJsonContract) {
    EXPECT_EQ(to_string(State::applied), "applied");
    EXPECT_EQ(to_string(State::pending), "pending");
    EXPECT_EQ(to_string(State::orphaned), "orphaned");
    EXPECT_EQ(to_string(State::renamed), "renamed");
    EXPECT_EQ(to_string(State::out_of_order), "out-of-order");
    EXPECT_EQ(to_string(State::modified_after_apply), "modified-after-apply");
    EXPECT_EQ(to_string(State::double_applied), "double-applied");
}

}  // namespace
}  // namespace migmerge::core
