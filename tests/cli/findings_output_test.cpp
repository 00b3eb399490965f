// Findings and renames as text, JSON and GitHub workflow commands.
#include "findings_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"
#include "style.hpp"

namespace migmerge::cli {
namespace {

using core::FindingCode;
using core::Severity;
using test::Captured;

core::Finding collision() {
    core::Finding finding = core::make_finding(
        FindingCode::same_timestamp, Severity::error,
        {"20240201000000-base-a.js", "20240201000000-head-b.js"}, core::Side::head);
    finding.message = "both run at 20240201000000";
    finding.fixable = true;
    return finding;
}

core::Finding edited() {
    core::Finding finding = core::make_finding(FindingCode::modified, Severity::warning,
                                               {"20240101000000-init.js"}, core::Side::base);
    finding.message = "changed after the merge base";
    finding.advice = "add a new migration instead";
    return finding;
}

core::Finding orphan() {
    core::Finding finding =
        core::make_finding(FindingCode::orphaned, Severity::error, {"20230101000000-gone.js"});
    finding.message = "a row without a file";
    finding.advice = "restore the file or run repair --prune-orphans";
    return finding;
}

// A database-side finding that names no file.
core::Finding unattributed() {
    core::Finding finding =
        core::make_finding(FindingCode::out_of_order_pending, Severity::warning, {});
    finding.message = "pending sorts first";
    return finding;
}

TEST(FindingJson, HasTheContractKeysAndSideAndAdviceOnlyWhenSet) {
    nlohmann::json fixable = to_json(collision());
    EXPECT_EQ(fixable, nlohmann::json::parse(R"({
        "code": "same-timestamp", "severity": "error",
        "files": ["20240201000000-base-a.js", "20240201000000-head-b.js"], "fileCount": 2,
        "message": "both run at 20240201000000", "fixable": true, "side": "head"})"));
    nlohmann::json database = to_json(orphan());
    EXPECT_FALSE(database.contains("side"));
    EXPECT_EQ(database["advice"], "restore the file or run repair --prune-orphans");
    EXPECT_FALSE(to_json(collision()).contains("advice"));
}

TEST(FindingJson, ListsKeepTheirOrderAndEmptyOnesAreArrays) {
    nlohmann::json list = to_json(std::vector<core::Finding>{edited(), collision()});
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["code"], "modified");
    EXPECT_EQ(list[1]["code"], "same-timestamp");
    EXPECT_EQ(to_json(std::vector<core::Finding>{}), nlohmann::json::array());
    EXPECT_EQ(to_json(std::vector<core::Rename>{}), nlohmann::json::array());
}

TEST(RenameJson, IsFromToAndReason) {
    core::Rename rename{"20240201000000-head-b.js", "20240301000001-head-b.js", "same-timestamp"};
    EXPECT_EQ(to_json(rename), nlohmann::json::parse(R"({"from": "20240201000000-head-b.js",
        "to": "20240301000001-head-b.js", "reason": "same-timestamp"})"));
}

TEST(FindingsText, ErrorsComeFirstWithTheFixCommandOrTheAdvice) {
    Captured captured;
    print_findings_text(captured.output(), {edited(), collision(), orphan()},
                        "migmerge fix --base production");
    EXPECT_EQ(captured.text(),
              "error: same-timestamp: 20240201000000-base-a.js, 20240201000000-head-b.js\n"
              "    both run at 20240201000000\n"
              "    fix: migmerge fix --base production\n"
              "error: orphaned: 20230101000000-gone.js\n"
              "    a row without a file\n"
              "    advice: restore the file or run repair --prune-orphans\n"
              "warning: modified: 20240101000000-init.js\n"
              "    changed after the merge base\n"
              "    advice: add a new migration instead\n");
}

TEST(FindingsText, WithoutAFixCommandAFixableFindingShowsNoFixLine) {
    Captured captured;
    print_findings_text(captured.output(), {collision()}, "");
    EXPECT_EQ(captured.text(),
              "error: same-timestamp: 20240201000000-base-a.js, 20240201000000-head-b.js\n"
              "    both run at 20240201000000\n");
}

TEST(FindingsText, AFindingWithoutFilesHasNoFileList) {
    Captured captured;
    print_findings_text(captured.output(), {unattributed()}, "");
    EXPECT_EQ(captured.text(), "warning: out-of-order-pending\n    pending sorts first\n");
}

TEST(FindingsText, ColourPaintsSeverityCodeAndLabels) {
    Captured captured;
    print_findings_text(captured.output(Format::text, true), {collision(), edited()}, "fix-it");
    EXPECT_EQ(captured.text(),
              paint(true, Tone::error, "error") + ": " + paint(true, Tone::bold, "same-timestamp") +
                  ": 20240201000000-base-a.js, 20240201000000-head-b.js\n"
                  "    both run at 20240201000000\n"
                  "    " +
                  paint(true, Tone::good, "fix: ") + "fix-it\n" +
                  paint(true, Tone::warning, "warning") + ": " +
                  paint(true, Tone::bold, "modified") +
                  ": 20240101000000-init.js\n"
                  "    changed after the merge base\n"
                  "    " +
                  paint(true, Tone::dim, "advice: ") + "add a new migration instead\n");
}

TEST(SummaryLine, CountsErrorsAndWarnings) {
    EXPECT_EQ(summary_line({}), "No problems found.");
    EXPECT_EQ(summary_line({collision()}), "1 error, 0 warnings.");
    EXPECT_EQ(summary_line({edited()}), "0 errors, 1 warning.");
    EXPECT_EQ(summary_line({collision(), orphan(), edited()}), "2 errors, 1 warning.");
}

TEST(FindingsGithub, AnnotatesTheFirstFileUnderTheFolder) {
    Captured captured;
    print_findings_github(captured.out, {collision(), edited()}, "db/migrations");
    EXPECT_EQ(captured.text(),
              "::error file=db/migrations/20240201000000-base-a.js,title=migmerge "
              "same-timestamp::both run at 20240201000000\n"
              "::warning file=db/migrations/20240101000000-init.js,title=migmerge "
              "modified::changed after the merge base\n");
}

TEST(FindingsGithub, WithoutFilesOrFolder) {
    Captured captured;
    print_findings_github(captured.out, {unattributed(), orphan()}, "");
    EXPECT_EQ(
        captured.text(),
        "::warning title=migmerge out-of-order-pending::pending sorts first\n"
        "::error file=20230101000000-gone.js,title=migmerge orphaned::a row without a file\n");
}

TEST(FindingsGithub, EscapesDataAndProperties) {
    core::Finding finding =
        core::make_finding(FindingCode::invalid_name, Severity::error, {"a,b:c%.js"});
    finding.message = "100% bad\r\nsecond line: yes, really";
    Captured captured;
    print_findings_github(captured.out, {finding}, "m");
    EXPECT_EQ(captured.text(),
              "::error file=m/a%2Cb%3Ac%25.js,title=migmerge invalid-name::100%25 bad%0D%0Asecond "
              "line: yes, really\n");
}

TEST(PrintJson, AddsTheVersionAndIndentsByTwo) {
    Captured captured;
    print_json(captured.output(Format::json), {{"command", "check"}});
    EXPECT_EQ(captured.text(), "{\n  \"command\": \"check\",\n  \"version\": 2\n}\n");
}

// A file name with byte 0xff: dump() threw type_error.316 and the command
// died with "unexpected failure".
TEST(FindingsOutput, JsonOfANameThatIsNotUtf8IsValidAndWarnedAbout) {
    const std::string name = "20240101000000-caf\xff.js";
    core::Finding finding = core::make_finding(FindingCode::invalid_name, Severity::error, {name});
    finding.message = "not UTF-8";
    Captured captured;
    print_json(captured.output(Format::json),
               {{"findings", to_json(std::vector<core::Finding>{finding})}});
    nlohmann::json document = captured.json();
    EXPECT_EQ(document["findings"][0]["files"][0], "20240101000000-caf\xef\xbf\xbd.js");
    EXPECT_EQ(captured.err.str(),
              "migmerge: warning: 20240101000000-caf\\xff.js is not valid UTF-8; the JSON output "
              "shows U+FFFD for its invalid bytes\n");
}

}  // namespace
}  // namespace migmerge::cli
