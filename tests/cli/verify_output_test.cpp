// What verify prints: progress lines, the table of checks with their
// verdicts, the findings, JSON and GitHub annotations, and its exit code.
#include "verify_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"

namespace migmerge::cli {
namespace {

using test::Captured;
using Kind = run::VerifyEvent::Kind;

const std::string first = "20240101000000-create-users.js";

core::Finding down_incomplete() {
    core::Finding finding =
        core::make_finding(core::FindingCode::down_incomplete, core::Severity::error, {first});
    finding.message = "down leaves table public.users behind";
    return finding;
}

run::VerifyReport report_with(std::vector<run::CheckResult> checks) {
    run::VerifyReport report;
    report.server = "embedded PostgreSQL 15";
    report.databases = "migmerge_verify_ab12_";
    report.migrations = 2;
    report.seconds = 3.5;
    report.checks = std::move(checks);
    return report;
}

run::CheckResult proven_replay() {
    return {core::VerifyCheck::replay, {}, "every up runs in order on an empty database", 1.5,
            false, ""};
}

run::CheckResult failed_reversible() {
    return {core::VerifyCheck::reversible, {down_incomplete()}, "", 1.25, false, ""};
}

TEST(VerifyOutputText, ATableOfChecksThenTheFindings) {
    Captured captured;
    print_verify_report(captured.output(), report_with({proven_replay(), failed_reversible()}),
                        "migrations");
    const std::string text = captured.text();
    EXPECT_NE(text.find("Verified 2 migrations on embedded PostgreSQL 15 in 3.5s"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  replay      proven      1.5s  every up runs in order"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  reversible  failed      1.2s  1 error, 0 warnings."), std::string::npos)
        << text;
    EXPECT_NE(text.find("down leaves table public.users behind"), std::string::npos) << text;
}

TEST(VerifyOutputText, ASkippedCheckSaysWhy) {
    Captured captured;
    run::CheckResult order{core::VerifyCheck::order, {}, "", 0, false, ""};
    order.skipped = true;
    order.skipped_because = "replay failed";
    print_verify_report(captured.output(), report_with({order}), "migrations");
    EXPECT_NE(captured.text().find("  order       skipped        -  replay failed"),
              std::string::npos)
        << captured.text();
}

TEST(VerifyOutputJson, CarriesEveryCheckWithItsVerdictAndFindings) {
    Captured captured;
    print_verify_report(captured.output(Format::json),
                        report_with({proven_replay(), failed_reversible()}), "migrations");
    const nlohmann::json json = captured.json();
    EXPECT_EQ(json["command"], "verify");
    EXPECT_EQ(json["version"], 2);
    EXPECT_EQ(json["migrations"], 2);
    ASSERT_EQ(json["checks"].size(), 2u);
    EXPECT_EQ(json["checks"][0]["verdict"], "proven");
    EXPECT_EQ(json["checks"][0]["proven"], "every up runs in order on an empty database");
    EXPECT_EQ(json["checks"][1]["verdict"], "failed");
    EXPECT_EQ(json["checks"][1]["findings"][0]["code"], "down-incomplete");
    EXPECT_EQ(json["findings"].size(), 1u);
}

TEST(VerifyOutputGithub, AnnotatesTheFindingsUnderTheFolder) {
    Captured captured;
    print_verify_report(captured.output(Format::github), report_with({failed_reversible()}),
                        "db/migrations");
    EXPECT_NE(captured.text().find("::error file=db/migrations/" + first), std::string::npos)
        << captured.text();
}

TEST(VerifyVerdict, AWarningIsNotAFailure) {
    core::Finding warning =
        core::make_finding(core::FindingCode::irreversible, core::Severity::warning, {first});
    run::CheckResult reversible{core::VerifyCheck::reversible, {warning}, "", 1, false, ""};
    EXPECT_EQ(verdict_of(reversible), "warning");
    EXPECT_EQ(verify_exit_code(report_with({proven_replay(), reversible})), 0);
    EXPECT_EQ(verify_exit_code(report_with({proven_replay(), failed_reversible()})), 1);
}

TEST(VerifyProgress, JsonLinesForEveryEvent) {
    Captured captured;
    run::VerifySink sink = verify_progress_printer(captured.output(Format::json));
    sink({Kind::started, "replay", first, 0, ""});
    sink({Kind::failed, "replay", first, 0.5, "relation exists"});
    std::istringstream lines(captured.text());
    std::string started, failed;
    std::getline(lines, started);
    std::getline(lines, failed);
    EXPECT_EQ(nlohmann::json::parse(started)["event"], "started");
    EXPECT_EQ(nlohmann::json::parse(failed)["error"], "relation exists");
    EXPECT_EQ(nlohmann::json::parse(failed)["name"], first);
}

TEST(VerifyProgress, VerboseTextNamesTheCheckAndTheMigration) {
    Captured captured;
    Output output{captured.out, captured.err, Format::text, false, false, true};
    run::VerifySink sink = verify_progress_printer(output);
    sink({Kind::started, "reversible", first, 0, ""});
    sink({Kind::finished, "reversible", first, 0.25, ""});
    EXPECT_EQ(captured.text(), "  reversible   " + first + " (0.250s)\n");
}

}  // namespace
}  // namespace migmerge::cli
