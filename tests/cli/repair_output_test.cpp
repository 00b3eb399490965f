// What repair prints: the row changes, and what became of them.
#include "repair_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"

namespace migmerge::cli {
namespace {

using test::Captured;

app::RepairResult sample_repair(bool dry_run) {
    app::RepairResult result;
    result.target.params = {{"host", "localhost"}, {"dbname", "app"}};
    result.dry_run = dry_run;
    result.report.table_existed = true;
    result.report.plan.changes = {{"20240101000000-a.js", "20240105000000-a.js"},
                                  {"20231231000000-gone.js", ""}};
    return result;
}

TEST(RepairOutputText, ListsEachRowChangeAndSaysItWasOneTransaction) {
    Captured captured;
    print_repair(captured.output(), sample_repair(false));
    const std::string text = captured.text();
    EXPECT_NE(text.find("  rename 20240101000000-a.js -> 20240105000000-a.js\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("  delete 20231231000000-gone.js\n"), std::string::npos) << text;
    EXPECT_NE(text.find("2 rows changed in one transaction, recorded in migmerge_audit. "),
              std::string::npos)
        << text;
}

TEST(RepairOutputText, ADryRunWritesNothing) {
    Captured captured;
    print_repair(captured.output(), sample_repair(true));
    EXPECT_NE(captured.text().find("Dry run: 2 rows would change; nothing was written. "),
              std::string::npos)
        << captured.text();
}

TEST(RepairOutputText, NothingToRepairAndWarningsOnStderr) {
    Captured captured;
    app::RepairResult result = sample_repair(false);
    result.report.plan.changes.clear();
    result.report.warnings = {"no migmerge_audit: permission denied"};
    print_repair(captured.output(), result);
    EXPECT_NE(captured.text().find("Nothing to repair. "), std::string::npos);
    EXPECT_EQ(captured.err.str(), "migmerge: warning: no migmerge_audit: permission denied\n");
}

TEST(RepairOutputJson, ADeletionHasANullTarget) {
    Captured captured;
    print_repair(captured.output(Format::json), sample_repair(true));
    const nlohmann::json json = captured.json();
    EXPECT_EQ(json["command"], "repair");
    EXPECT_EQ(json["dryRun"], true);
    EXPECT_EQ(json["changes"][0]["to"], "20240105000000-a.js");
    EXPECT_TRUE(json["changes"][1]["to"].is_null());
    EXPECT_EQ(repair_exit_code(sample_repair(true)), 0);
}

}  // namespace
}  // namespace migmerge::cli
