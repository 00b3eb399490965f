// What status prints: each migration's state, the findings and the totals.
#include "status_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"

namespace migmerge::cli {
namespace {

using test::Captured;

app::StatusResult sample_status() {
    app::StatusResult result;
    result.target.params = {
        {"host", "db.internal"}, {"port", "5432"}, {"dbname", "app"}, {"user", "deploy"}};
    result.target.password = "s3cret-PW";
    result.target.source = "--url";
    result.migrations_folder = "db/migrations";
    result.report.migrations = {{"20240101000000-a.js", core::MigrationState::applied},
                                {"20240102000000-b.js", core::MigrationState::pending}};
    core::Finding orphan = core::make_finding(core::FindingCode::orphaned, core::Severity::warning,
                                              {"20231231000000-gone.js"});
    orphan.message = "a row without a file";
    result.report.findings = {orphan};
    return result;
}

TEST(StatusOutputText, StatesFindingsAndTotals) {
    Captured captured;
    const app::StatusResult result = sample_status();
    print_status(captured.output(), result);
    const std::string text = captured.text();
    EXPECT_EQ(text.rfind("Database " + result.target.display() +
                             ", table \"public\".\"SequelizeMeta\" (from --url)\n",
                         0),
              0u)
        << text;
    EXPECT_NE(text.find("  applied              20240101000000-a.js\n"), std::string::npos);
    EXPECT_NE(text.find("  pending              20240102000000-b.js\n"), std::string::npos);
    EXPECT_NE(text.find("a row without a file"), std::string::npos);
    EXPECT_NE(text.find("1 applied, 1 pending. "), std::string::npos) << text;
    EXPECT_EQ(text.find("s3cret-PW"), std::string::npos);
    EXPECT_EQ(status_exit_code(result), 0);
}

TEST(StatusOutputText, QuietLeavesOutTheAppliedOnes) {
    Captured captured;
    print_status(Output{captured.out, captured.err, Format::text, false, true, false},
                 sample_status());
    EXPECT_EQ(captured.text().find("20240101000000-a.js"), std::string::npos);
    EXPECT_NE(captured.text().find("20240102000000-b.js"), std::string::npos);
}

TEST(StatusOutputJson, OneDocumentWithMigrationsAndFindings) {
    Captured captured;
    print_status(captured.output(Format::json), sample_status());
    const nlohmann::json json = captured.json();
    EXPECT_EQ(json["command"], "status");
    EXPECT_EQ(json["migrations"][1]["state"], "pending");
    EXPECT_EQ(json["findings"][0]["code"], "orphaned");
}

TEST(StatusOutput, AnErrorLevelFindingExitsOne) {
    app::StatusResult result = sample_status();
    result.report.findings.push_back(core::make_finding(
        core::FindingCode::double_applied, core::Severity::error, {"20240101000000-a.js"}));
    EXPECT_EQ(status_exit_code(result), 1);
    Captured captured;
    print_status(captured.output(Format::github), result);
    EXPECT_NE(captured.text().find("::error file=db/migrations/20240101000000-a.js"),
              std::string::npos)
        << captured.text();
}

}  // namespace
}  // namespace migmerge::cli
