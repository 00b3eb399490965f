// What migrate and undo print while they run and when they are done.
#include "migrate_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

using Kind = run::MigrationEvent::Kind;
using test::Captured;

const std::string a = "20240101000000-create-users.js";
const std::string b = "20240102000000-add-email.js";

std::string progress(const Output& output, RunDirection direction,
                     const std::vector<run::MigrationEvent>& events) {
    run::ProgressSink sink = progress_printer(output, direction);
    for (const auto& event : events) sink(event);
    return static_cast<std::ostringstream&>(output.out).str();
}

const std::vector<run::MigrationEvent> up_events = {
    {Kind::started, a, 0, ""},
    {Kind::finished, a, 0.25, ""},
    {Kind::started, b, 0, ""},
    {Kind::failed, b, 1.5, "column \"email\" already exists"},
};

TEST(Progress, TextLinesLikeSequelizeCli) {
    Captured captured;
    EXPECT_EQ(progress(captured.output(), RunDirection::up, up_events),
              "== 20240101000000-create-users: migrating =======\n"
              "== 20240101000000-create-users: migrated (0.250s)\n\n"
              "== 20240102000000-add-email: migrating =======\n"
              "== 20240102000000-add-email: failed: column \"email\" already exists\n\n");
}

TEST(Progress, DownRevertsAndReverted) {
    Captured captured;
    EXPECT_EQ(progress(captured.output(), RunDirection::down,
                       {{Kind::started, b, 0, ""}, {Kind::finished, b, 0.0125, ""}}),
              "== 20240102000000-add-email: reverting =======\n"
              "== 20240102000000-add-email: reverted (0.013s)\n\n");
}

TEST(Progress, AFailureIsPaintedAsAnError) {
    Captured captured;
    EXPECT_EQ(progress(captured.output(Format::text, true), RunDirection::up,
                       {{Kind::started, b, 0, ""}, {Kind::failed, b, 0, "boom"}}),
              "== 20240102000000-add-email: migrating =======\n" +
                  paint(true, Tone::error, "== 20240102000000-add-email: failed: boom") + "\n\n");
}

TEST(Progress, QuietTextAndGithubPrintNothing) {
    Captured quiet;
    EXPECT_EQ(progress(Output{quiet.out, quiet.err, Format::text, false, true, false},
                       RunDirection::up, up_events),
              "");
    Captured github;
    EXPECT_EQ(progress(github.output(Format::github), RunDirection::up, up_events), "");
}

TEST(Progress, JsonIsOneObjectPerLine) {
    Captured captured;
    std::istringstream lines(progress(captured.output(Format::json), RunDirection::up, up_events));
    std::vector<nlohmann::json> events;
    for (std::string line; std::getline(lines, line);)
        events.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0], nlohmann::json::parse(R"({"event": "migrating", "name": ")" + a + "\"}"));
    EXPECT_EQ(events[1]["event"], "migrated");
    EXPECT_EQ(events[1]["seconds"], 0.25);
    EXPECT_FALSE(events[1].contains("error"));
    EXPECT_EQ(events[3]["event"], "failed");
    EXPECT_EQ(events[3]["name"], b);
    EXPECT_EQ(events[3]["seconds"], 1.5);
    EXPECT_EQ(events[3]["error"], "column \"email\" already exists");
}

core::Finding out_of_order() {
    core::Finding finding =
        core::make_finding(core::FindingCode::out_of_order_pending, core::Severity::warning, {a});
    finding.message = "it sorts before an applied migration";
    return finding;
}

core::Finding collision() {
    core::Finding finding =
        core::make_finding(core::FindingCode::same_timestamp, core::Severity::error, {a, b});
    finding.message = "same timestamp";
    return finding;
}

std::string summary(const std::string& command, const run::RunReport& report, bool dry_run = false,
                    Format format = Format::text) {
    Captured captured;
    print_run_summary(captured.output(format), command, report, dry_run, "db/migrations");
    return captured.text();
}

// a ran, then b failed with `failure`.
run::RunReport failed_at_b(const std::string& failure) {
    run::RunReport report;
    report.planned = {a, b};
    report.done = {a};
    report.failed = b;
    report.failure = failure;
    return report;
}

TEST(RunSummaryText, CountsWhatRan) {
    run::RunReport report;
    report.planned = report.done = {a, b};
    EXPECT_EQ(summary("migrate", report), "2 migrated.\n");
    EXPECT_EQ(summary("undo", report), "2 reverted.\n");
}

TEST(RunSummaryText, NothingToDoInSequelizeCliWords) {
    EXPECT_EQ(summary("migrate", {}),
              "No migrations were executed, database schema was already up to date.\n");
    EXPECT_EQ(summary("undo", {}), "No executed migrations found.\n");
}

TEST(RunSummaryText, RepairsAndWarningsComeFirst) {
    run::RunReport report;
    report.repair.changes = {{"20231231000000-old.js", a}};
    report.findings = {out_of_order()};
    report.planned = report.done = {a};
    EXPECT_EQ(summary("migrate", report), "repaired SequelizeMeta: 20231231000000-old.js -> " + a +
                                              "\n" + "warning: out-of-order-pending: " + a + "\n" +
                                              "    it sorts before an applied migration\n"
                                              "1 migrated.\n");
}

TEST(RunSummaryText, ARefusalSaysNothingRan) {
    run::RunReport report;
    report.refused = true;
    report.findings = {collision()};
    EXPECT_EQ(summary("migrate", report),
              "error: same-timestamp: " + a + ", " + b +
                  "\n    same timestamp\n"
                  "Refused to migrate: fix the errors above first (nothing was run).\n");
}

TEST(RunSummaryText, AFailureSaysWhereTheNextRunResumes) {
    EXPECT_EQ(summary("migrate", failed_at_b("boom")),
              "Failed at " + b + " after 1 done; the next run resumes there.\n");
}

TEST(RunSummaryText, ADryRunListsWhatWouldRun) {
    run::RunReport report;
    report.planned = {a, b};
    EXPECT_EQ(summary("undo", report, true), "Dry run: 2 would run:\n  " + a + "\n  " + b + "\n");
}

TEST(RunSummaryJson, OneLineWithTheWholeReport) {
    run::RunReport report = failed_at_b("boom");
    report.repair.changes = {{"20231231000000-old.js", a}};
    report.findings = {out_of_order()};
    std::string text = summary("migrate", report, false, Format::json);
    ASSERT_EQ(text.find('\n'), text.size() - 1) << text;
    nlohmann::json json = nlohmann::json::parse(text);
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["command"], "migrate");
    EXPECT_EQ(json["dryRun"], false);
    EXPECT_EQ(json["repaired"],
              nlohmann::json::parse(R"([{"from": "20231231000000-old.js", "to": ")" + a + "\"}]"));
    EXPECT_EQ(json["planned"], (nlohmann::json{a, b}));
    EXPECT_EQ(json["done"], (nlohmann::json{a}));
    EXPECT_EQ(json["refused"], false);
    ASSERT_EQ(json["findings"].size(), 1u);
    EXPECT_EQ(json["findings"][0]["code"], "out-of-order-pending");
    EXPECT_EQ(json["failed"], (nlohmann::json{{"name", b}, {"error", "boom"}}));
}

TEST(RunSummaryJson, NoFailedKeyWhenNothingFailed) {
    nlohmann::json json = nlohmann::json::parse(summary("undo", {}, true, Format::json));
    EXPECT_EQ(json["command"], "undo");
    EXPECT_EQ(json["dryRun"], true);
    EXPECT_EQ(json["repaired"], nlohmann::json::array());
    EXPECT_FALSE(json.contains("failed"));
}

// Like check and status: file= is the path from the repository root.
TEST(RunSummaryGithub, AnnotatesFindingsUnderTheMigrationsFolder) {
    run::RunReport report;
    report.refused = true;
    report.findings = {collision(), out_of_order()};
    EXPECT_EQ(summary("migrate", report, false, Format::github),
              "::error file=db/migrations/" + a +
                  ",title=migmerge same-timestamp::same timestamp\n" +
                  "::warning file=db/migrations/" + a +
                  ",title=migmerge out-of-order-pending::it sorts before an applied migration\n");
}

TEST(RunSummaryGithub, AFailedMigrationIsAnnotatedAtItsFile) {
    run::RunReport report =
        failed_at_b("column \"email\" already exists\n    at up (" + b + ":3:9)");
    EXPECT_EQ(summary("undo", report, false, Format::github),
              "::error file=db/migrations/" + b + ",title=migmerge::" + b +
                  ": column \"email\" already exists%0A    at up (" + b + ":3:9)\n");
}

TEST(RunSummaryGithub, ASuccessfulRunPrintsNothing) {
    run::RunReport report;
    report.planned = report.done = {a};
    EXPECT_EQ(summary("migrate", report, false, Format::github), "");
}

run::RunContext sample_context() {
    run::RunContext context;
    context.target.params = {
        {"host", "db.example"}, {"port", "5432"}, {"dbname", "app"}, {"user", "deploy"}};
    context.target.source = "DATABASE_URL";
    context.migrations_dir = "/srv/app/db/migrations";
    return context;
}

TEST(RunTarget, VerboseTextNamesDatabaseTableAndFolder) {
    Captured captured;
    print_run_target(Output{captured.out, captured.err, Format::text, false, false, true},
                     sample_context());
    EXPECT_EQ(captured.text(),
              "Database db.example:5432/app as deploy, table \"public\".\"SequelizeMeta\" (from "
              "DATABASE_URL); migrations in /srv/app/db/migrations\n");
}

TEST(RunTarget, OnlyVerboseTextPrintsIt) {
    Captured plain;
    print_run_target(plain.output(), sample_context());
    EXPECT_EQ(plain.text(), "");
    Captured json;
    print_run_target(Output{json.out, json.err, Format::json, false, false, true},
                     sample_context());
    EXPECT_EQ(json.text(), "");
}

TEST(RunExitCode, OneWhenRefusedOrFailed) {
    run::RunReport report;
    EXPECT_EQ(run_exit_code(report), 0);
    report.findings = {out_of_order()};
    EXPECT_EQ(run_exit_code(report), 0);
    report.refused = true;
    EXPECT_EQ(run_exit_code(report), 1);
    report.refused = false;
    report.failed = b;
    EXPECT_EQ(run_exit_code(report), 1);
}

}  // namespace
}  // namespace migmerge::cli
