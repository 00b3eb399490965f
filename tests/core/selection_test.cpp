#include "migmerge/core/selection.hpp"

#include <gtest/gtest.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"

namespace migmerge::core {
namespace {

const std::string a = "20250101000000-a.js";
const std::string b = "20250102000000-b.js";
const std::string c = "20250103000000-c.js";

LocalFolder folder_of(const std::vector<std::string>& names) {
    LocalFolder folder;
    folder.dir = "/project/migrations";
    for (const std::string& name : names) {
        folder.migrations.push_back({name, folder.dir + "/" + name, "sum-" + name});
    }
    return folder;
}

std::vector<std::string> names_of(const std::vector<LocalMigration>& migrations) {
    std::vector<std::string> names;
    for (const LocalMigration& migration : migrations) names.push_back(migration.name);
    return names;
}

TEST(PendingMigrations, AreTheFilesWithoutARowInByteOrder) {
    auto pending = pending_migrations(folder_of({a, b, c}), {b, "orphan.js"}, std::nullopt);
    EXPECT_EQ(names_of(pending), (std::vector<std::string>{a, c}));
    EXPECT_EQ(pending[0].checksum, "sum-" + a);
}

TEST(PendingMigrations, StopAfterTheTargetOfTo) {
    EXPECT_EQ(names_of(pending_migrations(folder_of({a, b, c}), {}, b)),
              (std::vector<std::string>{a, b}));
    EXPECT_EQ(names_of(pending_migrations(folder_of({a, b, c}), {b}, b)),
              (std::vector<std::string>{a}));
}

TEST(PendingMigrations, UnknownTargetIsBadInput) {
    auto folder = folder_of({a});
    test::expect_error([&] { pending_migrations(folder, {}, std::string("nope.js")); },
                       ExitCode::bad_input);
}

TEST(RowsAfterRepair, RenameAndDeleteRows) {
    core::RepairPlan plan;
    plan.changes = {{"old.js", b}, {"gone.js", ""}, {"absent.js", c}};
    EXPECT_EQ(rows_after_repair({a, "old.js", "gone.js"}, plan), (std::vector<std::string>{a, b}));
}

TEST(UndoTargets, LastIsTheGreatestRow) {
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::last, ""}), std::vector<std::string>{c});
    EXPECT_TRUE(undo_targets({}, {UndoOptions::Mode::last, ""}).empty());
}

TEST(UndoTargets, NameRevertsOnlyThatOne) {
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::name, a}), std::vector<std::string>{a});
    test::expect_error(
        [] {
            undo_targets({a}, {UndoOptions::Mode::name, b});
        },
        ExitCode::bad_input);
}

TEST(UndoTargets, ANameWithoutItsExtensionMeansTheAppliedFile) {
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::name, "20250102000000-b"}),
              std::vector<std::string>{b});
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::to, "20250102000000-b"}),
              (std::vector<std::string>{c, b}));
    EXPECT_EQ(undo_targets({"20250104000000-d.ts"}, {UndoOptions::Mode::name, "20250104000000-d"}),
              std::vector<std::string>{"20250104000000-d.ts"});
}

// umzug would take the first name starting with it; migmerge takes none.
TEST(UndoTargets, APrefixOfANameIsNotAName) {
    test::expect_error(
        [] {
            undo_targets({a, b}, {UndoOptions::Mode::name, "2025"});
        },
        ExitCode::bad_input, "not applied");
}

TEST(UndoTargets, AllRevertsInReverseOrder) {
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::all, ""}),
              (std::vector<std::string>{c, b, a}));
}

TEST(UndoTargets, ToRevertsDownToAndIncludingIt) {
    EXPECT_EQ(undo_targets({a, b, c}, {UndoOptions::Mode::to, b}),
              (std::vector<std::string>{c, b}));
    test::expect_error([] { undo_targets({a}, {UndoOptions::Mode::to, c}); }, ExitCode::bad_input);
}

TEST(FilesFor, ARowWithoutAFilePointsAtTheLedgerAndRepair) {
    Error error = test::expect_error(
        [] {
            files_for(folder_of({a}), {a, b});
        },
        ExitCode::bad_input, b);
    EXPECT_NE(error.hint().find(".migmerge-renames"), std::string::npos) << error.hint();
    EXPECT_NE(error.hint().find("migmerge repair"), std::string::npos) << error.hint();
}

TEST(FilesFor, KeepsTheRequestedOrder) {
    EXPECT_EQ(names_of(files_for(folder_of({a, b}), {b, a})), (std::vector<std::string>{b, a}));
}

core::StatusReport status_with_out_of_order() {
    core::StatusReport status;
    status.findings.push_back({core::FindingCode::out_of_order_pending,
                               core::Severity::warning,
                               {a},
                               core::Side::none,
                               "runs after b",
                               false,
                               ""});
    status.findings.push_back({core::FindingCode::orphaned,
                               core::Severity::warning,
                               {"x.js"},
                               core::Side::none,
                               "no file",
                               false,
                               ""});
    return status;
}

TEST(RunBlockers, AnErrorAboutFilesEveryDatabaseRanIsANote) {
    Finding legacy{
        FindingCode::same_timestamp, Severity::error, {a, b}, Side::none, "both at one", false, {}};
    Finding pending = legacy;
    pending.files = {b, c};
    std::vector<Finding> settled = run_blockers({legacy, pending}, {a, b});
    EXPECT_EQ(settled[0].severity, Severity::warning);
    EXPECT_NE(settled[0].message.find("already applied"), std::string::npos);
    EXPECT_EQ(settled[1].severity, Severity::error);
    EXPECT_EQ(run_blockers({legacy}, {})[0].severity, Severity::error);
}

TEST(OutOfOrderFindings, FollowThePolicy) {
    auto status = status_with_out_of_order();
    auto warned = out_of_order_findings(status, OutOfOrderPolicy::warn);
    ASSERT_EQ(warned.size(), 1u);
    EXPECT_EQ(warned[0].code, core::FindingCode::out_of_order_pending);
    EXPECT_EQ(warned[0].severity, core::Severity::warning);
    auto refused = out_of_order_findings(status, OutOfOrderPolicy::error);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].severity, core::Severity::error);
    EXPECT_TRUE(out_of_order_findings(status, OutOfOrderPolicy::allow).empty());
}

TEST(MigrateHasWork, NothingWhenEveryFileHasARecordedRow) {
    const LocalFolder folder = folder_of({a, b});
    EXPECT_FALSE(migrate_has_work(folder, Ledger(), {true, {a, b}, {a, b}}, std::nullopt));
}

TEST(MigrateHasWork, APendingFileAMissingTableOrAnUnrecordedRowIsWork) {
    const LocalFolder folder = folder_of({a, b});
    EXPECT_TRUE(migrate_has_work(folder, Ledger(), {true, {a}, {a}}, std::nullopt));
    EXPECT_TRUE(migrate_has_work(folder_of({}), Ledger(), {false, {}, {}}, std::nullopt));
    EXPECT_TRUE(migrate_has_work(folder, Ledger(), {true, {a, b}, {a}}, std::nullopt));
}

TEST(MigrateHasWork, ARowTheLedgerRenamesIsWork) {
    const LocalFolder folder = folder_of({a, c});
    const Ledger ledger = Ledger::parse(b + "\t" + c + "\n");
    EXPECT_TRUE(migrate_has_work(folder, ledger, {true, {a, b}, {a, b}}, std::nullopt));
    EXPECT_FALSE(migrate_has_work(folder, ledger, {true, {a, c}, {a, c}}, std::nullopt));
}

TEST(MigrateHasWork, OnlyUpToTo) {
    const LocalFolder folder = folder_of({a, b});
    EXPECT_FALSE(migrate_has_work(folder, Ledger(), {true, {a}, {a}}, a));
    EXPECT_TRUE(work_remains(folder, Ledger(), {a}, std::nullopt));
}

TEST(MigrateHasWork, ARowWithoutAFileNeedsNoRecord) {
    const LocalFolder folder = folder_of({a});
    EXPECT_FALSE(migrate_has_work(folder, Ledger(), {true, {a, b}, {a}}, std::nullopt));
}

}  // namespace
}  // namespace migmerge::core
