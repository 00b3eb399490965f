// What check, plan and fix print about a merge, in each format.
#include "check_output.hpp"

#include <gtest/gtest.h>

#include "output_capture.hpp"
#include "timeline.hpp"

namespace migmerge::cli {
namespace {

using test::base_a;
using test::Captured;
using test::head_b;
using test::sample_merge;

const std::string moved_b = "20240301000001-head-b.js";

core::Finding collision() {
    core::Finding finding =
        core::make_finding(core::FindingCode::same_timestamp, core::Severity::error,
                           {base_a, head_b}, core::Side::head);
    finding.message = "both run at 20240201000000";
    finding.fixable = true;
    return finding;
}

core::Plan rename_plan() {
    core::Plan plan;
    plan.renames = {{head_b, moved_b, "same-timestamp"}};
    return plan;
}

MergeReport report_of(MergeCommand command, const MergeContext& context, bool dry_run = false) {
    return MergeReport{command, context, {collision()}, rename_plan(), dry_run};
}

std::string printed(const MergeReport& report, Format format = Format::text) {
    Captured captured;
    print_merge_report(captured.output(format), report);
    return captured.text();
}

std::string printed_with(const MergeReport& report, bool quiet, bool verbose) {
    Captured captured;
    print_merge_report(Output{captured.out, captured.err, Format::text, false, quiet, verbose},
                       report);
    return captured.text();
}

const std::string header =
    "head HEAD (2222222222) into base production (1111111111), merge base 3333333333; judging "
    "the union of both sides.\nDeployed side: base production (named by --base).\n\n";

// The timeline of sample_merge() with the collision's files marked, as
// timeline_test.cpp pins it down.
std::string timeline() {
    Captured captured;
    MergeContext context = sample_merge();
    print_timeline(captured.output(), context, timeline_rows(context, {collision()}));
    return captured.text();
}

const std::string collision_text =
    "error: same-timestamp: 20240201000000-base-a.js, 20240201000000-head-b.js\n"
    "    both run at 20240201000000\n";

std::string renames_text(const std::string& title) {
    return title + "\n  " + head_b + "\n    -> " + moved_b + "  (same-timestamp)\n\n";
}

TEST(MergeReportText, CheckShowsTheMergeFindingsWithTheFixAndThePlannedRenames) {
    MergeContext context = sample_merge();
    EXPECT_EQ(printed(report_of(MergeCommand::check, context)),
              header + timeline() + collision_text + "    fix: migmerge fix --base production\n\n" +
                  renames_text("Renames that resolve the fixable findings:") +
                  "1 error, 0 warnings. Run `migmerge fix --base production` to apply the "
                  "renames (`migmerge plan` shows them first).\n");
}

TEST(MergeReportText, CheckWithNothingToFixEndsAtTheSummary) {
    MergeContext context = sample_merge();
    MergeReport report{MergeCommand::check, context, {}, {}, false};
    EXPECT_EQ(printed_with(report, true, false), "No problems found.\n");
}

// plan changes nothing: its summary counts the findings that still stand, as
// check's does, while it lists the renames that would resolve them.
TEST(MergeReportText, PlanCountsTheStandingFindingsAndListsTheRenamesThatResolveThem) {
    MergeContext context = sample_merge();
    EXPECT_EQ(printed(report_of(MergeCommand::plan, context)),
              header + timeline() + renames_text("Renames that resolve the fixable findings:") +
                  "1 error, 0 warnings. Nothing was changed; `migmerge fix --base production` "
                  "applies this plan.\n");
}

TEST(MergeReportText, PlanWithoutRenamesSaysNothingToRename) {
    MergeContext context = sample_merge();
    core::Plan plan;
    plan.unfixable = {collision()};
    plan.unfixable[0].fixable = false;
    plan.unfixable[0].advice = "rename one by hand";
    MergeReport report{MergeCommand::plan, context, {collision()}, plan, false};
    EXPECT_EQ(printed_with(report, true, false),
              collision_text +
                  "    advice: rename one by hand\n\n1 error, 0 warnings. Nothing to "
                  "rename.\n");
}

TEST(MergeReportText, FixSaysWhatItRenamedAndWhatComesNext) {
    MergeContext context = sample_merge();
    EXPECT_EQ(printed_with(report_of(MergeCommand::fix, context), true, false),
              renames_text("Renamed:") +
                  "No problems found. Staged in the index with the ledger; commit them, then run "
                  "`migmerge repair` (or `migmerge migrate`) on every deployed database.\n");
}

TEST(MergeReportText, FixDryRunChangesNothing) {
    MergeContext context = sample_merge();
    EXPECT_EQ(printed_with(report_of(MergeCommand::fix, context, true), true, false),
              renames_text("Renames that resolve the fixable findings:") +
                  "No problems found. Dry run: nothing was changed.\n");
}

TEST(MergeReportText, VerboseSaysWhereTheNamesCameFrom) {
    MergeContext context = sample_merge();
    MergeReport report{MergeCommand::check, context, {}, {}, false};
    std::string text = printed_with(report, false, true);
    EXPECT_EQ(text.substr(0, text.find("\n\n") + 2),
              header.substr(0, header.size() - 1) +
                  "migrations folder db/migrations, 6 files in the result, 0 ledger entries\n\n");
}

core::Finding legacy_name() {
    core::Finding finding =
        core::make_finding(core::FindingCode::invalid_name, core::Severity::error, {"00-init.js"});
    finding.message = "00-init.js is not named YYYYMMDDHHMMSS-description";
    return finding;
}

TEST(MergeReportText, PreexistingNotesAreCountedOnlyInWordsAndShownWithVerbose) {
    MergeContext context = sample_merge();
    MergeReport report{MergeCommand::check, context, {}, {}, false, {legacy_name()}, 2};
    std::string quiet_about_it = printed(report);
    EXPECT_EQ(quiet_about_it.find("00-init.js"), std::string::npos) << quiet_about_it;
    EXPECT_NE(quiet_about_it.find("No problems found. 2 accepted in .migmerge-accepted. 1 "
                                  "pre-existing note (-v shows them).\n"),
              std::string::npos)
        << quiet_about_it;
    std::string verbose = printed_with(report, false, true);
    EXPECT_NE(verbose.find("Pre-existing, already on the deployed side (notes; not counted):\n"),
              std::string::npos)
        << verbose;
    EXPECT_NE(verbose.find("note: invalid-name: 00-init.js\n    00-init.js is not named"),
              std::string::npos)
        << verbose;
    EXPECT_EQ(merge_exit_code(report), 0);
}

TEST(MergeReportJson, PreexistingAcceptedAndTheDeployedSideHaveTheirOwnKeys) {
    MergeContext context = sample_merge();
    MergeReport report{MergeCommand::check, context, {}, {}, false, {legacy_name()}, 2};
    nlohmann::json document = nlohmann::json::parse(printed(report, Format::json));
    EXPECT_TRUE(document["findings"].empty());
    ASSERT_EQ(document["preexisting"].size(), 1u);
    EXPECT_EQ(document["preexisting"][0]["code"], "invalid-name");
    EXPECT_EQ(document["accepted"], 2);
    EXPECT_EQ(document["deployed"]["ref"], "production");
    EXPECT_EQ(document["deployed"]["reason"], "named by --base");
}

TEST(MergeReportText, TheHeaderNamesTheJudgedSet) {
    MergeContext context = sample_merge();
    context.judged = Judged::index;
    MergeReport report{MergeCommand::check, context, {}, {}, false};
    EXPECT_NE(printed(report).find("; judging the merge result in the index.\n"),
              std::string::npos);
    context.judged = Judged::head_tree;
    EXPECT_NE(printed(report).find("; judging HEAD's tree.\n"), std::string::npos);
}

TEST(MergeReportJson, CarriesRefsSetsFindingsAndThePlan) {
    MergeContext context = sample_merge();
    Captured captured;
    print_merge_report(captured.output(Format::json), report_of(MergeCommand::plan, context));
    nlohmann::json json = captured.json();
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["command"], "plan");
    EXPECT_EQ(json["base"], nlohmann::json::parse(
                                R"({"ref": "production",
                                    "commit": "1111111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})"));
    EXPECT_EQ(json["head"]["ref"], "HEAD");
    EXPECT_EQ(json["head"]["commit"], "2222222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    EXPECT_EQ(json["mergeBase"], "3333333333cccccccccccccccccccccccccccccc");
    EXPECT_EQ(json["judged"], "union");
    EXPECT_EQ(json["migrationsPath"], "db/migrations");
    ASSERT_EQ(json["findings"].size(), 1u);
    EXPECT_EQ(json["findings"][0]["code"], "same-timestamp");
    EXPECT_EQ(json["renames"], nlohmann::json::parse(R"([{"from": "20240201000000-head-b.js",
        "to": "20240301000001-head-b.js", "reason": "same-timestamp"}])"));
    EXPECT_EQ(json["unfixable"], nlohmann::json::array());
    EXPECT_FALSE(json.contains("dryRun"));
}

TEST(MergeReportJson, FixSaysWhetherItWasADryRun) {
    MergeContext context = sample_merge();
    Captured captured;
    print_merge_report(captured.output(Format::json), report_of(MergeCommand::fix, context, true));
    EXPECT_EQ(captured.json()["command"], "fix");
    EXPECT_EQ(captured.json()["dryRun"], true);
}

TEST(MergeReportGithub, AnnotatesEveryFindingUnderTheFolder) {
    MergeContext context = sample_merge();
    EXPECT_EQ(printed(report_of(MergeCommand::fix, context), Format::github),
              "::error file=db/migrations/20240201000000-base-a.js,title=migmerge "
              "same-timestamp::both run at 20240201000000\n");
}

TEST(FixCommandFor, NamesTheRefsOfAComparison) {
    MergeContext context = sample_merge();
    EXPECT_EQ(fix_command_for(context), "migmerge fix --base production");
    context.head.spec = "feature/x";
    EXPECT_EQ(fix_command_for(context), "migmerge fix --base production --head feature/x");
}

TEST(FixCommandFor, AMergeInProgressNeedsNoRefs) {
    MergeContext context = sample_merge();
    context.judged = Judged::index;
    EXPECT_EQ(fix_command_for(context), "migmerge fix");
}

TEST(FixCommandFor, KeepsTheRenameSideTheUserChose) {
    MergeContext context = sample_merge();
    context.input.rename_side = core::RenameSide::base;
    EXPECT_EQ(fix_command_for(context), "migmerge fix --base production --rename-side base");
    context.judged = Judged::index;
    EXPECT_EQ(fix_command_for(context), "migmerge fix --rename-side base");
}

TEST(MergeReportText, CheckSuggestsTheFixWithTheRenameSide) {
    MergeContext context = sample_merge();
    context.input.rename_side = core::RenameSide::base;
    std::string text = printed(report_of(MergeCommand::check, context));
    EXPECT_NE(text.find("    fix: migmerge fix --base production --rename-side base\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Run `migmerge fix --base production --rename-side base` to apply"),
              std::string::npos)
        << text;
}

TEST(MergeExitCode, OneWhileErrorsStand) {
    MergeContext context = sample_merge();
    EXPECT_EQ(merge_exit_code(report_of(MergeCommand::check, context)), 1);
    EXPECT_EQ(merge_exit_code(report_of(MergeCommand::plan, context)), 1);
    EXPECT_EQ(merge_exit_code(report_of(MergeCommand::fix, context)), 0);
    MergeReport unfixable{MergeCommand::fix, context, {collision()}, {{}, {collision()}}, false};
    EXPECT_EQ(merge_exit_code(unfixable), 1);
    EXPECT_EQ(merge_exit_code({MergeCommand::check, context, {}, {}, false}), 0);
}

}  // namespace
}  // namespace migmerge::cli
